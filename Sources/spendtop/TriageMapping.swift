import SpendModel
import SpendStore

// MARK: - Triage between the store and the screen

// `TriageVerdict` (SpendModel) is the one triage enum; the store still names its own copy
// `TriageState` (see DECISIONS.md, "Dedupe: one triage verdict"). These exhaustive switches keep
// the two in step: a case added to one and not the other stops the build.

extension TriageState {
  /// The stored state for a verdict given on the screen.
  init(_ verdict: TriageVerdict) {
    switch verdict {
    case .unexpected: self = .notExpected
    case .expected: self = .expected
    case .planned: self = .planned
    }
  }
}

extension TriageVerdict {
  /// The verdict for a stored state.
  init(_ state: TriageState) {
    switch state {
    case .notExpected: self = .unexpected
    case .expected: self = .expected
    case .planned: self = .planned
    }
  }
}

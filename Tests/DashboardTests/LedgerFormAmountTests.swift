import Dashboard
import SpendModel
import Testing

/// The Ledger's line form checks amounts by the ledger model's rule, and names the field.
@Suite struct LedgerFormAmountTests {
  @Test func aNegativeRevenueLossIsRefusedInTheForm() {
    var harness = Harness()
    harness.press("4a")
    harness.press(String(repeating: "<BS>", count: 20) + "revenue-loss<Tab>lost sales<Tab>-500<Enter>")
    guard case .lineForm(let form) = harness.state.overlay else {
      Issue.record("the form should stay open")
      return
    }
    #expect(form.problem?.hasPrefix("amount cannot be negative for a revenue-loss line") == true)
    #expect(harness.state.data.incidents[0].lines.count == 5)
    #expect(!harness.effects.contains { if case .saveIncidentLine = $0 { return true } else { return false } })
  }

  @Test func aNegativeOverageOverrideIsAllowed() {
    var harness = Harness()
    harness.press("4a")
    harness.press(String(repeating: "<BS>", count: 20) + "aws-overage<Tab>AWS refund<Tab>-120<Enter>")
    #expect(harness.state.overlay == nil)
    #expect(harness.state.data.incidents[0].lines.last?.amount == Money(whole: -120))
  }

  /// The form's rows between its side borders, trimmed.
  static func formRows(_ screen: Screen) -> [String] {
    screen.lines.compactMap { row in
      let parts = row.split(separator: "│", omittingEmptySubsequences: false)
      return parts.count == 3 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
    }
  }

  @Test func aLongProblemWrapsInsideTheFormInsteadOfBeingCut() {
    var harness = Harness(size: Size(width: 120, height: 40))
    harness.press("4a")
    harness.press(String(repeating: "<BS>", count: 20) + "revenue-loss<Tab>lost sales<Tab>-5<Enter>")
    guard case .lineForm(let form) = harness.state.overlay, let problem = form.problem else {
      Issue.record("the form should stay open with a problem")
      return
    }
    #expect(problem.count > 70, "longer than the form is wide: \(problem)")
    let rows = Self.formRows(harness.render())
    let hint = "Tab next field · Enter save · Esc cancel"
    guard let first = rows.firstIndex(where: { $0.hasPrefix("amount cannot be negative") }),
      let last = rows.firstIndex(of: hint), first < last
    else {
      Issue.record("the problem should be in the form, above its hint: \(rows)")
      return
    }
    #expect(rows[first..<last].joined(separator: " ") == problem)
    #expect(!rows[first..<last].contains { $0.contains("…") })
  }
}

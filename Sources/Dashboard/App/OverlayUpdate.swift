import SpendModel

extension DashboardApp {
  /// Keys while an overlay is open: it takes them all.
  static func handleOverlay(_ overlay: Overlay, _ key: Key, _ state: inout DashboardState) -> [Effect] {
    if key == .control("c") { return [.quit] }
    switch overlay {
    case .help(let scroll):
      let limit = OverlayView.helpScrollLimit(state)
      let page = max(state.size.height - 6, 1)
      var target: Int?
      switch key {
      case .escape, .character("q"), .character("?"), .function(1): state.overlay = nil
      case .down, .character("j"): target = scroll + 1
      case .up, .character("k"): target = scroll - 1
      case .pageDown, .character(" "): target = scroll + page
      case .pageUp: target = scroll - page
      case .home: target = 0
      case .character("G"), .end: target = limit
      case .character("g"):
        // `gg` goes to the top, as in every list; a single `g` waits for the second.
        if state.pendingKeys == [.character("g")] { target = 0 } else { state.pendingKeys = [key] }
      default: break
      }
      if key != .character("g") || target != nil { state.pendingKeys = [] }
      if let target { state.overlay = .help(scroll: min(max(target, 0), limit)) }
      return []
    case .palette(var input):
      switch key {
      case .escape: state.overlay = nil
      case .enter:
        state.overlay = nil
        return Palette.run(input.text, &state)
      case .tab:
        if let first = Palette.suggestions(for: input.text, state: state).first {
          input.text = first.completion
        }
        state.overlay = .palette(input)
      default:
        if input.edit(key) { state.overlay = .palette(input) }
      }
      return []
    case .filter(var input):
      switch key {
      case .escape: state.overlay = nil
      case .enter:
        if let problem = PatternMatcher.problem(in: input.text) {
          state.message = StatusMessage(text: problem, isError: true)
          return []
        }
        state.overlay = nil
        applyFilter(input.text, &state)
      default:
        if input.edit(key) { state.overlay = .filter(input) }
      }
      return []
    case .triage(var form):
      switch key {
      case .escape: state.overlay = nil
      case .enter: return AnomaliesUpdate.commit(form, &state)
      case .tab, .right, .left, .backTab:
        let verdicts = TriageVerdict.allCases
        let step = key == .left || key == .backTab ? verdicts.count - 1 : 1
        form.verdict = verdicts[((verdicts.firstIndex(of: form.verdict) ?? 0) + step) % verdicts.count]
        state.overlay = .triage(form)
      default:
        if form.reason.edit(key) {
          form.problem = nil
          state.overlay = .triage(form)
        }
      }
      return []
    case .lineForm(var form):
      switch key {
      case .escape: state.overlay = nil
      case .enter: return LedgerUpdate.commit(form, &state)
      case .tab, .down:
        form.focus = (form.focus + 1) % LineForm.fields.count
        state.overlay = .lineForm(form)
      case .backTab, .up:
        form.focus = (form.focus + LineForm.fields.count - 1) % LineForm.fields.count
        state.overlay = .lineForm(form)
      default:
        if form.values[form.focus].edit(key) {
          form.problem = nil
          state.overlay = .lineForm(form)
        }
      }
      return []
    }
  }

  /// Applies a `/` filter to the current screen's list.
  static func applyFilter(_ pattern: String, _ state: inout DashboardState) {
    if !pattern.isEmpty { state.lastSearch = pattern }
    switch state.screen {
    case .overview, .explorer:
      if state.screen == .overview { go(to: .explorer, &state) }
      state.explorer.pattern = pattern
      state.explorer.cursor = 0
      ExplorerUpdate.refilter(&state)
    case .anomalies:
      state.anomalies.pattern = pattern
      state.anomalies.cursor = 0
    case .ledger:
      state.ledger.pattern = pattern
      state.ledger.cursor = 0
    }
  }
}

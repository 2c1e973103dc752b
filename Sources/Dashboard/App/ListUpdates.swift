import SpendModel

/// The Anomalies screen's part of `update`.
enum AnomaliesUpdate {
  /// The anomalies shown: over the thresholds, matching the filter, largest impact first.
  static func visible(_ state: DashboardState) -> [AnomalyItem] {
    let matcher = PatternMatcher(state.anomalies.pattern)
    return state.data.anomalies
      .filter { state.config.shows($0) && matcher.matches($0.series + " " + $0.kind + " " + $0.rootCause) }
      .sorted { $0.impact != $1.impact ? $0.impact > $1.impact : $0.id < $1.id }
  }

  /// The anomaly with the cursor (or the open detail).
  static func selected(_ state: DashboardState) -> AnomalyItem? {
    if let id = state.anomalies.detail { return state.data.anomalies.first { $0.id == id } }
    let list = visible(state)
    return list.indices.contains(state.anomalies.cursor) ? list[state.anomalies.cursor] : nil
  }

  static func perform(_ action: Action, _ state: inout DashboardState) -> [Effect] {
    let count = visible(state).count
    switch action {
    case .up, .down, .top, .bottom, .pageUp, .pageDown:
      guard state.anomalies.detail == nil else { return [] }
      state.anomalies.cursor = ListMotion.move(
        state.anomalies.cursor, action, count: count, page: RootView.listRows(for: state))
    case .nextMatch, .previousMatch:
      guard state.anomalies.detail == nil else { return [] }
      var cursor = state.anomalies.cursor
      let texts = visible(state).map { $0.series + " " + $0.kind + " " + $0.rootCause }
      ListSearch.jump(&cursor, in: texts, forward: action == .nextMatch, &state)
      state.anomalies.cursor = cursor
    case .open:
      state.anomalies.detail = selected(state)?.id
    case .back:
      state.anomalies.detail = nil
    case .openIncident:
      guard let anomaly = selected(state) else { return [] }
      guard let detected = anomaly.detected else {
        state.message = StatusMessage(text: "this anomaly did not come from the detector", isError: true)
        return []
      }
      state.message = StatusMessage(text: "opening an incident in the ledger…", isError: false)
      return [.openIncident(detected)]
    case .triage:
      guard let anomaly = selected(state) else { return [] }
      state.overlay = .triage(
        TriageForm(
          anomalyID: anomaly.id, verdict: anomaly.triage?.verdict ?? .unexpected,
          reason: TextInput(text: anomaly.triage?.reason ?? "")))
    default: break
    }
    return []
  }

  /// Records a triage decision in the state and asks the runtime to persist it; without a reason,
  /// the form stays open and says so.
  static func commit(_ form: TriageForm, _ state: inout DashboardState) -> [Effect] {
    let reason = form.reason.text.trimmingSpaces
    guard !reason.isEmpty else {
      var form = form
      form.problem = "a triage needs a reason"
      state.overlay = .triage(form)
      return []
    }
    guard let index = state.data.anomalies.firstIndex(where: { $0.id == form.anomalyID }) else { return [] }
    state.data.anomalies[index].triage = Triage(verdict: form.verdict, reason: reason)
    state.overlay = nil
    state.message = StatusMessage(text: "triaged as \(form.verdict.label)", isError: false)
    return [.saveTriage(anomalyID: form.anomalyID, verdict: form.verdict, reason: reason)]
  }
}

/// The Ledger screen's part of `update`.
enum LedgerUpdate {
  /// Incidents shown: matching the filter, open first, then newest.
  static func visible(_ state: DashboardState) -> [IncidentItem] {
    let matcher = PatternMatcher(state.ledger.pattern)
    return state.data.incidents.filter { matcher.matches($0.id + " " + $0.title) }
      .sorted { ($0.isOpen ? 0 : 1, $1.start, $0.id) < ($1.isOpen ? 0 : 1, $0.start, $1.id) }
  }

  /// The incident with the cursor (or the open one).
  static func selected(_ state: DashboardState) -> IncidentItem? {
    if let id = state.ledger.open { return state.data.incidents.first { $0.id == id } }
    let list = visible(state)
    return list.indices.contains(state.ledger.cursor) ? list[state.ledger.cursor] : nil
  }

  static func perform(_ action: Action, _ state: inout DashboardState) -> [Effect] {
    let page = RootView.listRows(for: state)
    switch action {
    case .up, .down, .top, .bottom, .pageUp, .pageDown:
      if state.ledger.open != nil {
        let count = selected(state)?.lines.count ?? 0
        state.ledger.lineCursor = ListMotion.move(state.ledger.lineCursor, action, count: count, page: page)
      } else {
        state.ledger.cursor = ListMotion.move(
          state.ledger.cursor, action, count: visible(state).count, page: page)
      }
    case .nextMatch, .previousMatch:
      let forward = action == .nextMatch
      if state.ledger.open != nil {
        var cursor = state.ledger.lineCursor
        let texts = (selected(state)?.lines ?? []).map { $0.category + " " + $0.description + " " + $0.formula }
        ListSearch.jump(&cursor, in: texts, forward: forward, &state)
        state.ledger.lineCursor = cursor
      } else {
        var cursor = state.ledger.cursor
        ListSearch.jump(&cursor, in: visible(state).map { $0.id + " " + $0.title }, forward: forward, &state)
        state.ledger.cursor = cursor
      }
    case .open:
      guard state.ledger.open == nil, let incident = selected(state) else { return [] }
      state.ledger.open = incident.id
      state.ledger.lineCursor = 0
    case .back:
      state.ledger.open = nil
    case .addLine, .editLine:
      openForm(editing: action == .editLine, &state)
    case .export:
      return export(&state)
    default: break
    }
    return []
  }
}

extension String {
  /// The string without leading and trailing spaces.
  var trimmingSpaces: String {
    var text = Substring(self)
    while text.first == " " { text.removeFirst() }
    while text.last == " " { text.removeLast() }
    return String(text)
  }
}

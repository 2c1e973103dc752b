import IncidentLedger
import SpendModel

/// The Ledger's line form: open it on a line, check it by the ledger model's rules, and keep the
/// screen equal to the file as saves answer.
extension LedgerUpdate {
  /// The categories a line entered in the form may have: those that take an entered amount
  /// (`engineering-time` and `run-rate-increase` are computed from their inputs).
  static let categories = CostCategory.allCases.filter(CostLineEdit.takesEnteredAmount).map(\.rawValue)

  /// The category a new line starts with.
  static let defaultCategory = CostCategory.revenueLoss.rawValue

  /// Opens the form: empty to add a line, or filled from the line under the cursor to edit it.
  static func openForm(editing: Bool, _ state: inout DashboardState) {
    guard let incident = selected(state) else { return }
    let editing =
      editing && state.ledger.open != nil && incident.lines.indices.contains(state.ledger.lineCursor)
    let line = editing ? incident.lines[state.ledger.lineCursor] : nil
    if case .saving? = line?.storage {
      state.message = StatusMessage(text: "this line is still being saved: edit it once it is", isError: true)
      return
    }
    let values = [
      line?.category ?? defaultCategory, line?.description ?? "",
      line?.amount.map { $0.formatted(decimals: 2) } ?? "", line?.note ?? "",
    ].map { TextInput(text: $0) }
    state.overlay = .lineForm(
      LineForm(incidentID: incident.id, index: editing ? state.ledger.lineCursor : nil, values: values))
  }

  /// Checks the form by the ledger model's rules, shows the line as being saved and asks the
  /// runtime to save it. An amount left as shown keeps the line's own (its formula's).
  static func commit(_ form: LineForm, _ state: inout DashboardState) -> [Effect] {
    var form = form
    func refuse(_ problem: String) -> [Effect] {
      form.problem = problem
      state.overlay = .lineForm(form)
      return []
    }
    let texts = form.values.map { $0.text.trimmingSpaces }
    guard let position = state.data.incidents.firstIndex(where: { $0.id == form.incidentID }) else {
      state.overlay = nil
      return []
    }
    let incident = state.data.incidents[position]
    let shown = form.index.flatMap { incident.lines.indices.contains($0) ? incident.lines[$0] : nil }
    guard let category = CostCategory(rawValue: texts[0]) else {
      return refuse("category must be one of: " + categories.joined(separator: ", "))
    }
    guard !texts[1].isEmpty else { return refuse("a line needs a description") }
    // An amount left as a saved line shows it (empty when missing: no bills) keeps the line's
    // own; any other is entered.
    var amount: Money?
    if shown?.isSaved != true || texts[2] != (shown?.amount?.formatted(decimals: 2) ?? "") {
      let cleaned = texts[2].filter { $0 != "$" && $0 != "," }
      guard let parsed = try? Money(parsing: cleaned), !cleaned.isEmpty else {
        return refuse("amount must be a number of dollars, e.g. 28900 or 1234.50")
      }
      amount = parsed
    }
    let index = shown?.storage.index
    let edit = CostLineEdit(category: category, description: texts[1], amount: amount, note: texts[3])
    // The model says what the save would refuse, while the form is still open.
    var original: CostLine?
    if let index, let stored = incident.stored, stored.costLines.indices.contains(index) {
      original = stored.costLines[index]
    }
    var applied: CostLine?
    if index == nil || original != nil {
      do throws(LedgerError) {
        applied = try edit.applied(to: original)
      } catch {
        return refuse(error.description)
      }
    }
    let draft = state.ledger.nextDraft
    state.ledger.nextDraft += 1
    let storage = LineStorage.saving(index: index, draft: draft)
    // The line reads as it will once saved: evaluated like the file's lines.
    let line =
      applied.map { applied in
        let owner =
          incident.stored
          ?? Incident(id: incident.id, title: incident.title, start: incident.start, end: incident.end)
        let bills = state.data.cube.isEmpty ? nil : state.data.cube
        return LedgerItems.line(CostEvaluator.evaluate(applied, of: owner, bills: bills), storage: storage)
      }
      ?? IncidentLine(
        category: category.rawValue, description: edit.description, amount: amount ?? shown?.amount,
        source: amount == nil ? shown?.source ?? "entered" : "entered",
        formula: amount?.dollars() ?? shown?.formula ?? "", note: edit.note, storage: storage)
    if let lineIndex = form.index, incident.lines.indices.contains(lineIndex) {
      state.data.incidents[position].lines[lineIndex] = line
    } else {
      state.data.incidents[position].lines.append(line)
    }
    state.overlay = nil
    state.message = StatusMessage(text: "saving the \(category.rawValue) line…", isError: false)
    return [
      .saveIncidentLine(
        incidentID: form.incidentID, index: index, loaded: incident.stored, draft: draft, edit: edit)
    ]
  }

  /// The selected incident's postmortem document, as `spendtop ledger export` writes it (the same
  /// renderer on the file's incident, bill-derived lines from the loaded bills), to `ID.md`.
  static func export(_ state: inout DashboardState) -> [Effect] {
    guard let incident = selected(state) else { return [] }
    guard let stored = incident.stored else {
      state.message = StatusMessage(text: "\(incident.id) has no ledger file to export", isError: true)
      return []
    }
    let bills = state.data.cube.isEmpty ? nil : state.data.cube
    let text = PostmortemMarkdown.render(stored, CostEvaluator.evaluate(stored, bills: bills), bills: bills)
    return [.export(suggestedName: "\(incident.id).md", text: text, incident: stored)]
  }

  /// A save answered: the incident as its file now holds it, with the session's other unsaved lines.
  static func saved(_ incident: Incident, draft: Int, _ state: inout DashboardState) {
    let position = state.data.incidents.firstIndex { $0.id == incident.id }
    let merged = LedgerItems.merge(
      saved: incident, cube: state.data.cube, into: position.map { state.data.incidents[$0] }, settled: draft)
    if let position { state.data.incidents[position] = merged } else { state.data.incidents.append(merged) }
    state.ledger.lineCursor = min(state.ledger.lineCursor, max(merged.lines.count - 1, 0))
    state.message = StatusMessage(text: "saved to the ledger: \(incident.id)", isError: false)
  }

  /// A save failed: the line stays, marked as kept for this session only.
  static func notSaved(_ incidentID: String, draft: Int, reason: String, _ state: inout DashboardState) {
    if let position = state.data.incidents.firstIndex(where: { $0.id == incidentID }),
      let line = state.data.incidents[position].lines.firstIndex(where: {
        if case .saving(_, draft) = $0.storage { return true } else { return false }
      })
    {
      let index = state.data.incidents[position].lines[line].storage.index
      state.data.incidents[position].lines[line].storage = .unsaved(index: index, reason: reason)
    }
    state.message = StatusMessage(
      text: "line kept for this session only, not saved: \(reason)", isError: true)
  }
}

/// Saving one cost line changed in a form (the dashboard's) to the incident's file.
extension LedgerFolder {
  /// Applies `edit` to cost line `index` of incident `id` (nil appends a line) and saves the file
  /// atomically, only if the file still holds `loaded`, the incident the change was made to.
  ///
  /// A file changed since it was loaded (a line removed with `spendtop ledger edit`, say) is
  /// refused whether the change edits a line or adds one: line numbers shown from the old file
  /// would name other lines, and nothing is written. `loaded` nil (an incident built in code, no
  /// file behind it) only appends; an edit needs the line it was made to.
  ///
  /// - Returns: the incident as now stored.
  /// - Throws: `LedgerError.changedSinceLoaded` when the file is not `loaded`, any error of
  ///   loading, applying or saving.
  @discardableResult
  public func save(_ edit: CostLineEdit, to id: String, at index: Int?, loaded: Incident?) throws(LedgerError)
    -> StoredIncident
  {
    let stored = try load(id: id)
    var incident = stored.incident
    if let loaded, loaded != incident {
      throw .changedSinceLoaded(id: id, detail: incident.difference(from: loaded, editing: index))
    }
    let shown = index.flatMap { index in
      loaded.flatMap { $0.costLines.indices.contains(index) ? $0.costLines[index] : nil }
    }
    try incident.apply(edit, at: index, shown: shown)
    return try save(incident, over: stored)
  }
}

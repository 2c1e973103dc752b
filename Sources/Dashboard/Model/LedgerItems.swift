import IncidentLedger
import SpendModel

/// Turns ledger incidents into what the dashboard shows: bill-derived lines computed from the
/// loaded bills (missing, with the reason, when no bills are loaded).
public enum LedgerItems {
  /// Every incident of a ledger folder.
  ///
  /// - Throws: `LedgerError` for a file that cannot be read or parsed.
  public static func incidents(in folder: LedgerFolder, cube: Cube) throws(LedgerError) -> [IncidentItem] {
    try folder.list().map { item(for: $0.incident, cube: cube) }
  }

  /// One incident, its bill-derived lines computed from `cube` (missing when it is empty); line
  /// `i` is line `i` of the file.
  public static func item(for incident: Incident, cube: Cube) -> IncidentItem {
    let costs = CostEvaluator.evaluate(incident, bills: cube.isEmpty ? nil : cube)
    return IncidentItem(
      id: incident.id, title: incident.title, start: incident.start, end: incident.end,
      status: incident.status.rawValue,
      lines: costs.lines.enumerated().map { index, line in self.line(line, storage: .saved(index: index)) },
      stored: incident)
  }

  /// An evaluated cost line as the screen shows it: its calculation, or why its amount is missing.
  public static func line(_ line: EvaluatedLine, storage: LineStorage) -> IncidentLine {
    IncidentLine(
      category: line.category.rawValue, description: line.line.description, amount: line.amount,
      source: line.source.rawValue,
      formula: line.amount == nil ? (line.missing ?? line.formula) : line.calculation,
      note: line.line.note, storage: storage)
  }

  /// The incident as just saved, shown with the lines of this session that are not in the file
  /// (still saving, or kept for the session): each in place of the file line it edits, new ones
  /// after the file's lines. `settled` is the draft the save answered for, now in the file.
  public static func merge(saved incident: Incident, cube: Cube, into shown: IncidentItem?, settled: Int)
    -> IncidentItem
  {
    var item = item(for: incident, cube: cube)
    for line in shown?.lines ?? [] where !line.isSaved {
      if case .saving(_, let draft) = line.storage, draft == settled { continue }
      if let index = line.storage.index, item.lines.indices.contains(index) {
        item.lines[index] = line
      } else {
        item.lines.append(line)
      }
    }
    return item
  }
}

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

  /// One incident, its bill-derived lines computed from `cube` (missing when it is empty).
  public static func item(for incident: Incident, cube: Cube) -> IncidentItem {
    let costs = CostEvaluator.evaluate(incident, bills: cube.isEmpty ? nil : cube)
    return IncidentItem(
      id: incident.id, title: incident.title, start: incident.start, end: incident.end,
      status: incident.status.rawValue,
      lines: costs.lines.map { line in
        IncidentLine(
          category: line.category.rawValue, description: line.line.description, amount: line.amount,
          source: line.source.rawValue,
          formula: line.amount == nil ? (line.missing ?? line.formula) : line.calculation)
      })
  }
}

import IncidentLedger
import SpendModel

/// Turns ledger incidents into what the dashboard shows: bill-derived lines computed from the
/// loaded bills (missing, with the reason, when no bills are loaded).
public enum LedgerItems {
  /// Every incident of a ledger folder.
  ///
  /// - Throws: `LedgerError` for a file that cannot be read or parsed.
  public static func incidents(in folder: LedgerFolder, cube: Cube) throws(LedgerError) -> [IncidentItem] {
    let bills: Cube? = cube.isEmpty ? nil : cube
    return try folder.list().map { stored in
      let incident = stored.incident
      let costs = CostEvaluator.evaluate(incident, bills: bills)
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
}

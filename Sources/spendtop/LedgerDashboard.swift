import Dashboard
import Foundation
import IncidentLedger
import SpendModel

/// The dashboard's view of the ledger: incidents from the ledger folder with their bill-derived
/// lines computed from the loaded bills, and lines entered in the dashboard saved to the files.
enum LedgerDashboard {
  /// The ledger folder the dashboard reads: the same default as `spendtop ledger`.
  static var folder: LedgerFolder { LedgerFolder(path: SpendtopPaths.current.ledgerDirectory) }

  /// Every incident of the ledger as the dashboard shows it.
  static func incidents(cube: Cube) throws(LedgerError) -> [IncidentItem] {
    try LedgerItems.incidents(in: folder, cube: cube)
  }

  /// Saves are one at a time: each reads the file afresh, so none works from a stale copy.
  private static let saving = NSLock()

  /// Applies a line entered in the dashboard's form to the incident's file (a new line, or the
  /// change of line `index`, keeping what the form does not show) and saves it atomically. Nothing
  /// is written when the file is no longer `loaded`, the incident the screen shows.
  ///
  /// - Returns: the incident as now stored, for the dashboard to show.
  static func save(incidentID: String, index: Int?, loaded: Incident?, edit: CostLineEdit)
    throws(LedgerError)
    -> StoredIncident
  {
    saving.lock()
    defer { saving.unlock() }
    return try folder.save(edit, to: incidentID, at: index, loaded: loaded)
  }
}

import Dashboard
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

  /// Saves a line entered in the dashboard as an entered amount of its category (a new line, or
  /// the replacement of line `index`). `aws-overage` becomes an override whose reason is the
  /// form's formula text; categories without an entered amount (engineering time, run-rate) are
  /// refused with the command that adds them.
  static func save(incidentID: String, index: Int?, line: IncidentLine) throws(LedgerError) {
    let stored = try folder.load(id: incidentID)
    var incident = stored.incident
    let amount = line.amount.map { $0.exactDecimal() } ?? ""
    let note = line.formula == "entered" ? "" : line.formula
    let fields: [CostLineBuilder.Field]
    switch CostCategory(rawValue: line.category) {
    case .awsOverage?:
      let reason = note.isEmpty ? "entered in the dashboard" : note
      fields = [("description", line.description), ("override", amount), ("override_reason", reason)]
    case .revenueLoss?, .customerCredits?, .lostVelocity?:
      fields = [("description", line.description), ("amount", amount), ("note", note)].filter {
        !$0.1.isEmpty
      }
    default:
      throw .invalidChange(
        "\(line.category) lines are computed from their inputs: spendtop ledger add \(incidentID) cost "
          + "--category \(line.category) ... (see spendtop ledger add --help)")
    }
    let costLine = try CostLineBuilder.line(category: line.category, fields: fields)
    if let index, incident.costLines.indices.contains(index) {
      incident.costLines[index] = costLine
    } else {
      incident.costLines.append(costLine)
    }
    try folder.save(incident, over: stored)
  }
}

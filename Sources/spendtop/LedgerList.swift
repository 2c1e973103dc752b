import ArgumentParser
import IncidentLedger

/// `spendtop ledger list`: every incident with its total.
struct LedgerList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the incidents in the ledger with their totals.",
    discussion: """
      Bill-derived lines are computed from the bills given (PATH...). JSON: {"incidents": [{"id", \
      "title", "start", "end", "total", "knownTotal", "missing"}]}. Without bills, bill-derived lines \
      are missing: total is null, knownTotal sums the rest and missing names the categories.
      """)

  @OptionGroup var location: LedgerLocationOptions

  @OptionGroup var bills: LedgerBillOptions

  @Option(help: "table or json.")
  var format: LedgerListFormat = .table

  func run() throws {
    let cube = try bills.load()
    try LedgerConsole.run { () throws(LedgerError) in
      let incidents = try location.folder.list().map { stored in
        (stored.incident, CostEvaluator.evaluate(stored.incident, bills: cube))
      }
      print(
        format == .json ? LedgerJSON.list(incidents).rendered() : LedgerText.list(incidents), terminator: "")
    }
  }
}

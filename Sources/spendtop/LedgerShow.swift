import ArgumentParser
import IncidentLedger

/// `spendtop ledger show ID`: one incident's cost lines and totals.
struct LedgerShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show an incident's cost lines, how each was computed, and the totals.",
    discussion: """
      JSON: {"id", "title", "start", "end", "status", "lines": [{"category", "description", "amount", \
      "source", ...inputs, "formula", "calculation"}], "totals": {"aws-overage", "engineering-time", \
      "revenue-loss", "customer-credits", "run-rate-increase", "lost-velocity", "total", "knownTotal"}, \
      "missing"}; amounts are exact JSON numbers in dollars, null when missing.
      """)

  @OptionGroup var location: LedgerLocationOptions

  @Argument(help: "The incident ID.")
  var id: String

  @OptionGroup var bills: LedgerBillOptions

  @Option(help: "table, json or markdown.")
  var format: LedgerFormat = .table

  func run() throws {
    let cube = try bills.load()
    try LedgerConsole.run { () throws(LedgerError) in
      let incident = try location.folder.load(id: id).incident
      let costs = CostEvaluator.evaluate(incident, bills: cube)
      switch format {
      case .table: print(LedgerText.show(incident, costs), terminator: "")
      case .json: print(LedgerJSON.incident(incident, costs).rendered(), terminator: "")
      case .markdown: print(PostmortemMarkdown.render(incident, costs, bills: cube), terminator: "")
      }
    }
  }
}

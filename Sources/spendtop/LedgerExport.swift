import ArgumentParser
import Foundation
import IncidentLedger

/// `spendtop ledger export ID`: a postmortem-ready document.
struct LedgerExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export an incident as a postmortem-ready Markdown document (or JSON).",
    discussion: """
      Markdown: a numbers-first impact table, the cost breakdown by category with each formula and its \
      inputs, the daily spend around the window as a text chart, anomalies with their root causes, \
      the timeline and the action items.
      """)

  @OptionGroup var location: LedgerLocationOptions

  @Argument(help: "The incident ID.")
  var id: String

  @OptionGroup var bills: LedgerBillOptions

  @Option(help: "markdown or json.")
  var format: LedgerExportFormat = .markdown

  @Option(
    name: [.short, .long],
    help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
  var output: String?

  func run() throws {
    let cube = try bills.load()
    try LedgerConsole.run { () throws(LedgerError) in
      let incident = try location.folder.load(id: id).incident
      let costs = CostEvaluator.evaluate(incident, bills: cube)
      let text =
        format == .json
        ? LedgerJSON.incident(incident, costs).rendered()
        : PostmortemMarkdown.render(incident, costs, bills: cube)
      guard let output else {
        print(text, terminator: "")
        return
      }
      guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
        throw .io(path: output, operation: "write", message: "cannot create the file")
      }
    }
  }
}

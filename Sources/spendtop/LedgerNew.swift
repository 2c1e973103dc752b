import ArgumentParser
import IncidentLedger
import SpendModel

/// `spendtop ledger new`: opens an incident file.
struct LedgerNew: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Open a new incident in the ledger.",
    discussion: """
      Writes <ID>.toml with the window, the linked series and an aws-overage line computed from \
      the bills. Add more lines with `spendtop ledger add ID cost ...`.
      Example: spendtop ledger new --title "Redis memory" --start 2026-10-01 --end 2026-10-31 \
      --series service=AmazonElastiCache --annual-cost 208000
      """)

  @OptionGroup var location: LedgerLocationOptions

  @Option(help: "A one-line title.")
  var title: String

  @Option(help: ArgumentHelp("First day of the incident window (UTC).", valueName: "YYYY-MM-DD"))
  var start: String

  @Option(help: ArgumentHelp("Last day of the incident window, inclusive.", valueName: "YYYY-MM-DD"))
  var end: String

  @Option(help: "The incident ID (default: INC-<start>-<title words>).")
  var id: String?

  @Option(help: "open, mitigated, resolved or closed.")
  var status: String = IncidentStatus.open.rawValue

  @Option(
    help: ArgumentHelp(
      "A linked series, repeatable: service=…,usage-type=…,account=…,region=…,line-item-type=….",
      valueName: "FIELDS"))
  var series: [String] = []

  @Option(help: ArgumentHelp("Loaded annual cost of an engineer, for people-time lines.", valueName: "USD"))
  var annualCost: String?

  @Option(help: "Free-form notes.")
  var notes: String = ""

  @Flag(help: "Do not add the aws-overage line.")
  var noOverage = false

  func run() throws {
    try LedgerConsole.run { () throws(LedgerError) in
      let startDay = try LedgerConsole.day(start, option: "start")
      let endDay = try LedgerConsole.day(end, option: "end")
      guard endDay >= startDay else { throw .invalidChange("--end \(end) is before --start \(start)") }
      guard let state = IncidentStatus(rawValue: status) else {
        throw .invalidChange("--status \(status): use open, mitigated, resolved or closed")
      }
      var selectors: [SeriesSelector] = []
      for text in series { selectors.append(try SeriesSelector(parsing: text)) }
      var rates = LoadedRates()
      if let annualCost {
        guard let amount = try? Money(parsing: annualCost), amount >= .zero else {
          throw .invalidChange("--annual-cost \(annualCost): not an amount")
        }
        rates.annualCost = amount
      }
      var incident = Incident(
        id: id ?? Incident.makeID(title: title, start: startDay), title: title, status: state,
        start: startDay,
        end: endDay, notes: notes, series: selectors, rates: rates)
      if !noOverage {
        incident.costLines.append(
          CostLine(
            description: "AWS spend above the pre-incident baseline", inputs: .awsOverage(AWSOverageInputs()))
        )
      }
      let stored = try location.folder.create(incident)
      print("created \(incident.id): \(stored.path)")
    }
  }
}

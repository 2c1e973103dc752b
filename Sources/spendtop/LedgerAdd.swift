import ArgumentParser
import IncidentLedger
import SpendModel

/// `spendtop ledger add ID cost|series|event|action`: adds to an incident.
struct LedgerAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add a cost line, a linked series, a timeline event or an action item to an incident.",
    discussion: """
      Examples:
        spendtop ledger add INC-1 cost --category engineering-time --description "Commander" \\
          --role commander --people 1 --hours 64 --review-hours 3
        spendtop ledger add INC-1 cost --category revenue-loss --degraded-hours 16 --revenue-per-hour 750
        spendtop ledger add INC-1 cost --category run-rate-increase --series service=AmazonElastiCache
        spendtop ledger add INC-1 cost --category aws-overage --override 45000 --override-reason "…"
        spendtop ledger add INC-1 series --service AWSLambda --usage-type Lambda-GB-Second
        spendtop ledger add INC-1 event --at 2026-10-03T06:00Z --text "Redis out of memory"
        spendtop ledger add INC-1 action --text "Cap upload retries" --owner mobile --due 2026-11-15
      Each category takes the inputs of its formula (see `spendtop ledger --help` and the README); \
      an input it does not use is an error.
      """)

  /// What to add.
  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case cost, series, event, action
  }

  @OptionGroup var location: LedgerLocationOptions

  @Argument(help: "The incident ID.")
  var id: String

  @Argument(help: "cost, series, event or action.")
  var kind: Kind

  @OptionGroup(title: "Cost line") var cost: CostLineOptions

  @Option(help: "Series: the service (product code).") var service: String?
  @Option(help: "Series: the usage type.") var usageType: String?
  @Option(help: "Series: the usage account ID.") var account: String?
  @Option(help: "Series: the region code.") var region: String?
  @Option(help: "Series: the line item type (Usage, Tax, Fee).") var lineItemType: String?

  @Option(help: ArgumentHelp("Event: when, in UTC.", valueName: "YYYY-MM-DDTHH:MM[:SS]Z")) var at: String?
  @Option(help: "Event or action: the text.") var text: String?
  @Option(help: "Action: who does it; cost: who stands behind the numbers.") var owner: String?
  @Option(help: ArgumentHelp("Action: due date.", valueName: "YYYY-MM-DD")) var due: String?

  func run() throws {
    try LedgerConsole.run { () throws(LedgerError) in
      let folder = location.folder
      let stored = try folder.load(id: id)
      var incident = stored.incident
      switch kind {
      case .cost:
        incident.costLines.append(try cost.line(owner: owner))
      case .series:
        incident.series.append(
          try SeriesSelector(
            parsing: [
              ("service", service), ("usage-type", usageType), ("account", account), ("region", region),
              ("line-item-type", lineItemType),
            ].compactMap { key, value in value.map { "\(key)=\($0)" } }
              .joined(separator: ",")))
      case .event:
        guard let at, let time = UTCTime(iso: at) else {
          throw .invalidChange("event needs --at YYYY-MM-DDTHH:MM[:SS]Z")
        }
        guard let text, !text.isEmpty else { throw .invalidChange("event needs --text") }
        incident.timeline.append(TimelineEntry(at: time, text: text))
        incident.timeline.sort { $0.at < $1.at }
      case .action:
        guard let text, !text.isEmpty else { throw .invalidChange("action needs --text") }
        let dueDay = try due.map { (value) throws(LedgerError) in try LedgerConsole.day(value, option: "due")
        }
        incident.actionItems.append(ActionItem(text: text, owner: owner ?? "", due: dueDay))
      }
      try folder.save(incident, over: stored)
      print("added \(kind.rawValue) to \(id)")
    }
  }
}

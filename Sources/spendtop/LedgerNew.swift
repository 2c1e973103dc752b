import ArgumentParser
import IncidentLedger
import SpendModel
import SpikeDetector

/// `spendtop ledger new`: opens an incident file.
struct LedgerNew: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Open a new incident in the ledger.",
    discussion: """
      Writes <ID>.toml with the window, the linked series and an aws-overage line computed from \
      the bills. Add more lines with `spendtop ledger add ID cost ...`.
      Examples:
        spendtop ledger new --title "Redis memory" --start 2026-10-01 --end 2026-10-31 \
          --series service=AmazonElastiCache --annual-cost 208000
        spendtop ledger new --from-anomaly 1 sample-bills/incident-127k
      --from-anomaly N runs the detector on the bills (PATH..., else the spend store) and opens an incident from its Nth \
      anomaly as `spendtop detect` lists them (by impact): window, series, the anomaly and its top \
      contributors filled in; --title, --start, --end and --series then override.
      """)

  @OptionGroup var location: LedgerLocationOptions

  @OptionGroup var bills: LedgerBillOptions

  @Option(
    help: ArgumentHelp(
      "Open the incident from the Nth anomaly the detector finds in the bills.", valueName: "N"))
  var fromAnomaly: Int?

  @Option(help: "A one-line title.")
  var title: String?

  @Option(help: ArgumentHelp("First day of the incident window (UTC).", valueName: "YYYY-MM-DD"))
  var start: String?

  @Option(help: ArgumentHelp("Last day of the incident window, inclusive.", valueName: "YYYY-MM-DD"))
  var end: String?

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

  func validate() throws {
    if fromAnomaly == nil {
      guard title != nil, start != nil, end != nil else {
        throw ValidationError("give --title, --start and --end, or --from-anomaly N with bill PATHs")
      }
      guard bills.paths.isEmpty, bills.store.db == nil else {
        throw ValidationError("bills (PATH... or --db) are read only with --from-anomaly")
      }
    } else {
      guard let fromAnomaly, fromAnomaly >= 1 else { throw ValidationError("--from-anomaly counts from 1") }
    }
  }

  func run() throws {
    let detected = try anomaly()
    try LedgerConsole.run { () throws(LedgerError) in
      var incident: Incident
      if let detected {
        incident = Incident.opened(from: detected, id: id, title: title)
      } else {
        incident = Incident(id: id ?? "", title: title ?? "", start: Day(ordinal: 0), end: Day(ordinal: 0))
        incident.costLines = [
          CostLine(
            description: "AWS spend above the pre-incident baseline", inputs: .awsOverage(AWSOverageInputs()))
        ]
      }
      if let start { incident.start = try LedgerConsole.day(start, option: "start") }
      if let end { incident.end = try LedgerConsole.day(end, option: "end") }
      guard incident.end >= incident.start else {
        throw .invalidChange("the window ends (\(incident.end)) before it starts (\(incident.start))")
      }
      if id == nil, detected == nil {
        incident.id = Incident.makeID(title: incident.title, start: incident.start)
      }
      guard let state = IncidentStatus(rawValue: status) else {
        throw .invalidChange("--status \(status): use open, mitigated, resolved or closed")
      }
      incident.status = state
      incident.notes = notes
      if !series.isEmpty {
        incident.series = []
        for text in series { incident.series.append(try SeriesSelector(parsing: text)) }
      }
      if let annualCost {
        guard let amount = try? Money(parsing: annualCost), amount >= .zero else {
          throw .invalidChange("--annual-cost \(annualCost): not an amount")
        }
        incident.rates.annualCost = amount
      }
      if noOverage { incident.costLines.removeAll { $0.category == .awsOverage } }
      let stored = try location.folder.create(incident)
      print("created \(incident.id): \(stored.path)")
    }
  }

  /// The anomaly `--from-anomaly` names, detected in the bills; nil without the option.
  private func anomaly() throws -> Anomaly? {
    guard let fromAnomaly else { return nil }
    let dimensions: Set<SpendModel.Dimension> = [
      .account, .service, .usageType, .region, .resource, .lineItemType, .currency,
    ]
    guard let cube = try bills.load(dimensions: dimensions) else {
      LedgerConsole.warn(
        "--from-anomaly needs bills to detect in: PATH... or a spend store (spendtop import)")
      throw ExitCode(64)
    }
    let report: DetectionReport
    do {
      report = try SpendDetector().detect(cube)
    } catch {
      LedgerConsole.warn(error.description)
      throw ExitCode(64)
    }
    guard report.anomalies.indices.contains(fromAnomaly - 1) else {
      LedgerConsole.warn(
        "--from-anomaly \(fromAnomaly): the detector found \(report.anomalies.count) anomalies "
          + "(spendtop detect lists them)")
      throw ExitCode(64)
    }
    return report.anomalies[fromAnomaly - 1]
  }
}

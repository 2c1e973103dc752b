import ArgumentParser
import Dashboard
import IncidentLedger
import Reports
import SpendModel
import SpendStore

/// `spendtop report weekly`: the Monday review of the last 7 days.
struct ReportWeeklyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weekly",
    abstract: "The 7 days ending --end: totals, movers, new and stopped spend, forecast, anomalies.",
    discussion: """
      Totals: the week, the previous 7 days, the mean of the 4 weeks before, month to date. \
      Forecast: month to date + mean daily usage of the last 7 days × days left (tax, fees and credits \
      count as billed), with a 90% interval from the spread of the last 14 days. Movers: service and \
      service × usage type, against the previous 7 days. New: usage with spend this week and none in \
      the 35 days before. Stopped: usage with spend on 2+ of the 14 days before and none this week. \
      Anomalies: what spendtop detect --as-of END says, opened in the week or opened before and still \
      anomalous in it, with the root cause and, when reading the store, the triage saved for it.

      Example (cron, Mondays 07:00 UTC):
        0 7 * * 1  spendtop report weekly /data/cur --output /srv/review/weekly.md --quiet --alert-over 20
      """)

  @OptionGroup var input: ReportInputOptions
  @OptionGroup var output: ReportOutputOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The week's last day (YYYY-MM-DD); default: the last day in the data.", valueName: "day"))
  var end: String?

  @Option(name: .long, help: "Rows per movers table.")
  var top: Int = 10

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Exit 1 (after writing) when the week's usage is more than PERCENT above its 4-week average "
        + "(else the previous 7 days).",
      valueName: "percent"))
  var alertOver: Double?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Also save the week's spend to FILE (JSON) for 'report compare --compare-to'.", valueName: "file"))
  var saveSnapshot: String?

  @Option(name: .long, help: "Dimensions the snapshot keeps.")
  var snapshotBy: String = "account,service,usage-type,region"

  func validate() throws {
    if let end, Day(iso: end) == nil { throw ValidationError("--end expects YYYY-MM-DD, got '\(end)'") }
    if top < 1 { throw ValidationError("--top must be at least 1") }
    if let alertOver, !(alertOver >= 0) { throw ValidationError("--alert-over must be a percentage ≥ 0") }
  }

  func run() throws {
    let basis = try input.costBasis()
    let snapshotDimensions = try parseDimensions(snapshotBy, option: "--snapshot-by")
    var needed: Set<Dimension> = [.service, .usageType, .account, .region, .resource]
    if saveSnapshot != nil { needed.formUnion(snapshotDimensions) }
    let cube = try input.cube(dimensions: needed, quiet: output.quiet)
    let options = WeeklyOptions(
      end: end.flatMap(Day.init(iso:)), basis: basis, currency: input.currency, topCount: top)
    var report = try ReportExit.run { () throws(ReportError) in try WeeklyReport(cube: cube, options: options)
    }
    report.addAnomalies(from: cube, triage: try storedTriage())
    addIncidents(to: &report, cube: cube)
    switch output.format {
    case .markdown: try output.emit(WeeklyMarkdown(report: report).render())
    case .json: try output.emit(WeeklyJSON(report: report).render())
    case .text: try output.emit(WeeklyText(report: report).render())
    }
    if let saveSnapshot {
      try ReportExit.run { () throws(ReportError) in
        let snapshot = try SpendSnapshot(
          cube: cube, period: report.period, dimensions: snapshotDimensions, basis: basis,
          currency: report.currency)
        try ReportFile.writeAtomically(snapshot.json().rendered(), to: saveSnapshot)
      }
    }
    if let alertOver, let percent = (report.usage.againstAverage ?? report.usage.weekOverWeek)?.deltaPercent,
      percent.doubleValue > alertOver
    {
      if !output.quiet {
        printError("spendtop: the week's usage is \(percent)% above its baseline (alert over \(alertOver)%)")
      }
      throw ExitCode(1)
    }
  }

  /// The ledger's incidents whose window touches the week, totals computed from the report's bills
  /// as the dashboard computes them; an unreadable ledger becomes a note.
  private func addIncidents(to report: inout WeeklyReport, cube: Cube) {
    do throws(LedgerError) {
      report.incidents = try LedgerDashboard.incidents(cube: cube)
        .map { item in
          WeeklyIncident(
            id: item.id, title: item.title, status: item.status, start: item.start, end: item.end,
            total: item.total)
        }
        .filter { $0.touches(report.period) }
        .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    } catch {
      report.notes.append("Ledger not read: \(error)")
    }
  }

  /// The triage saved in the store when the report reads it; none for bill files (never opened).
  private func storedTriage() throws -> [String: AnomalyTriage] {
    guard input.paths.isEmpty else { return [:] }
    let entries = try StoreError.reporting { () throws(StoreError) in
      try input.store.open(creating: false).allTriage()
    }
    var triage: [String: AnomalyTriage] = [:]
    for entry in entries {
      triage[entry.anomaly] = AnomalyTriage(verdict: entry.verdict, reason: entry.reason)
    }
    return triage
  }
}

import ArgumentParser
import Foundation
import SpendModel
import SpikeDetector

/// `spendtop detect`: spend anomalies with their top contributors, or anomaly scores for a series.
struct DetectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "detect",
    abstract: "Find spend anomalies and their root causes (or score a generic timestamp,value series).",
    discussion: """
      Bill mode: spendtop detect PATH... reads bills (.csv, .csv.gz, manifests, folders); with no \
      PATH it reads the spend store (spendtop import; --db or SPENDTOP_DB to choose one) and gives \
      the same answers as the files it was imported from. It detects \
      causally on daily leaf series (account × service × usage type × region, net amortized cost) \
      and compares calendar charges (fees, support, tax, credits) with previous months. One anomaly \
      per incident: kind (spike, step, drift, new, calendar), start, end, detected (the last day of \
      data seen when first raised), actual, expected, impact, impact %, score, top contributors. \
      Bills in several currencies: detect one at a time with --currency CODE.

      Series mode: spendtop detect --series FILE.csv [--period N] [--format csv|json] reads a \
      timestamp,value CSV (gaps, duplicate and out-of-order timestamps tolerated) and prints \
      timestamp,value,anomaly_score for every row in input order; scores are in [0, 1] and ≥ 0.5 on \
      the row that raises an anomaly; each row's score uses only earlier rows; the seasonal period \
      is detected when not given.

      Exit codes: 0 success; 3 anomalies found with --fail-on-anomaly; 64 usage error; 65 a bill \
      or series cannot be read; 66 a path does not exist or cannot be opened, or there is no store.

      Examples:
        spendtop detect sample-bills/incident-127k
        spendtop detect --db team.sqlite --format json
        spendtop detect sample-bills/incident-127k --as-of 2026-10-03 --format json
        spendtop detect /data/cur --since 2026-11-01 --fail-on-anomaly
        spendtop detect bills/ --currency EUR --skip-bad-rows
        spendtop detect --series daily-cost.csv --format csv
      """)

  /// Output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
  }

  @Argument(help: "Bills, manifests or folders (bill mode; none: read the spend store).")
  var paths: [String] = []

  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: ArgumentHelp("A timestamp,value CSV to score (series mode).", valueName: "file"))
  var series: String?

  @Option(
    name: .long, help: "Series mode: seasonal period in rows of the median interval (default: detected).")
  var period: Int?

  @Option(name: .long, help: "table (bill default), json or csv (series default).")
  var format: Format?

  @Option(
    name: .long, help: ArgumentHelp(
      "Smallest impact per day (per leaf series, not an anomaly's total) that alarms, in dollars.",
      valueName: "usd"))
  var minImpact: String = "10"

  @Option(
    name: .long,
    help: ArgumentHelp("Smallest impact per day relative to expected that alarms.", valueName: "pct"))
  var minPercent: Double = 20

  @Option(
    name: .long,
    help: ArgumentHelp("Report anomalies still anomalous on or after this day.", valueName: "yyyy-mm-dd"))
  var since: String?

  @Option(name: .long, help: ArgumentHelp("Run as if the data ended on this day.", valueName: "yyyy-mm-dd"))
  var asOf: String?

  @Option(name: .long, help: "Keep only this currency (e.g. USD), as cube's --currency.")
  var currency: String?

  @Flag(
    name: .long, help: "Continue past rows that cannot be read; list them and say results are incomplete.")
  var skipBadRows = false

  @Flag(name: .long, help: "Exit with status 3 when any anomaly is reported (cron, CI).")
  var failOnAnomaly = false

  @Flag(name: .long, help: "Also report decreases (only increases alarm by default).")
  var includeDecreases = false

  mutating func validate() throws {
    if series != nil {
      guard paths.isEmpty else { throw ValidationError("give either PATH... or --series, not both") }
      guard store.db == nil else { throw ValidationError("give either --db or --series, not both") }
      if format == .table { throw ValidationError("series mode prints csv or json") }
      if let period, period < 2 { throw ValidationError("--period must be at least 2") }
      return
    }
    _ = try CubeSource(paths: paths, store: store)
    _ = try settings()
  }

  func run() throws {
    if let series {
      try runSeries(path: series)
    } else {
      try runBills()
    }
  }

  // MARK: - Bill mode

  /// The detector settings the options describe.
  func settings() throws -> DetectorSettings {
    var settings = DetectorSettings()
    guard let impact = try? Money(parsing: minImpact), impact >= .zero else {
      throw ValidationError("--min-impact must be a non-negative amount in dollars, e.g. 25 or 12.50")
    }
    guard minPercent >= 0 else { throw ValidationError("--min-percent must not be negative") }
    settings.minImpact = impact
    settings.minPercent = minPercent
    settings.includeDecreases = includeDecreases
    if let since {
      guard let day = Day(iso: since) else {
        throw ValidationError("--since: not a date (YYYY-MM-DD): \(since)")
      }
      settings.since = day
    }
    if let asOf {
      guard let day = Day(iso: asOf) else {
        throw ValidationError("--as-of: not a date (YYYY-MM-DD): \(asOf)")
      }
      settings.asOf = day
    }
    return settings
  }

  private func runBills() throws {
    let settings = try settings()
    let loaded: CubeSource.Loaded
    do {
      let dimensions: Set<SpendModel.Dimension> = [
        .account, .service, .usageType, .region, .resource, .lineItemType, .currency,
      ]
      var filter = CubeFilter.all
      if let currency { filter.equals.append((.currency, currency.uppercased())) }
      loaded = try CubeSource(paths: paths, store: store).load(
        filter: filter, dimensions: dimensions, skipBadRows: skipBadRows)
    } catch let failure as CubeSource.Failure {
      printError("spendtop: \(failure)")
      throw ExitCode(failure.exitCode)
    }
    let cube = loaded.cube
    if !loaded.skippedRows.isEmpty {
      printError(
        "spendtop: skipped \(loaded.skippedRows.count) unreadable row(s); results are from incomplete data:")
      for row in loaded.skippedRows { printError("  \(row)") }
    }
    if let currency, cube.rows.isEmpty {
      printError("spendtop: note: no cost in \(currency.uppercased()) in these bills")
    }
    if let asOf = settings.asOf, let data = cube.dayRange {
      guard asOf >= data.lowerBound else {
        printError(
          "spendtop: --as-of \(asOf) is before the data starts (\(data.lowerBound)): nothing to detect")
        throw ExitCode(65)
      }
      if asOf > data.upperBound {
        printError("spendtop: note: --as-of \(asOf) is after the last day of data (\(data.upperBound))")
      }
    }
    let report: DetectionReport
    do {
      report = try SpendDetector(settings: settings).detect(cube)
    } catch {
      printError("spendtop: \(error)")
      throw ExitCode(64)
    }
    for gap in report.gaps {
      printError(
        "spendtop: note: no data at all for \(gap.lowerBound) … \(gap.upperBound) (not imported, or "
          + "forgotten): a gap, not $0 of spend; left out of the baselines")
    }
    switch format ?? .table {
    case .table: print(ReportFormatting.table(report), terminator: "")
    case .json: print(ReportFormatting.json(report), terminator: "")
    case .csv: print(ReportFormatting.csv(report), terminator: "")
    }
    if failOnAnomaly && !report.anomalies.isEmpty { throw ExitCode(3) }
  }

  // MARK: - Series mode

  private func runSeries(path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      printError("spendtop: cannot open \(path)")
      throw ExitCode(66)
    }
    let points: [SeriesPoint]
    do {
      points = try SeriesCSV.parse(String(decoding: data, as: UTF8.self))
    } catch {
      printError("spendtop: \(path):\(error.description)")
      throw ExitCode(65)
    }
    let result = GenericSeriesDetector(period: period).score(points)
    var out = ""
    if format == .json {
      out = SeriesFormatting.json(points: points, result: result)
    } else {
      out.reserveCapacity(points.count * 40)
      out += "timestamp,value,anomaly_score\n"
      for (point, score) in zip(points, result.scores) {
        out +=
          point.timestamp + "," + SeriesFormatting.number(point.value) + "," + SeriesFormatting.score(score)
          + "\n"
      }
    }
    FileHandle.standardOutput.write(Data(out.utf8))
    if failOnAnomaly && result.scores.contains(where: { $0 >= 0.5 }) { throw ExitCode(3) }
  }
}

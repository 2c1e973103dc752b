import ArgumentParser
import Reports
import SpendModel

/// `spendtop report compare`: two periods side by side by any dimensions.
struct ReportCompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Two periods side by side by any dimensions, or a period against a saved snapshot.",
    discussion: """
      PERIOD is YYYY-MM-DD..YYYY-MM-DD (both days included), a single day YYYY-MM-DD, a month \
      YYYY-MM or months YYYY-MM..YYYY-MM. Without --against or --compare-to, days are compared with \
      the same number of days just before them and months with the same number of whole months just \
      before (--period 2026-10: October against September; --period 2026-10-15: that day against \
      the day before). A month in progress is compared so far (data to Nov 28: --period 2026-11 is \
      Nov 1-28 against Oct 1-28), with a note. Rows come largest move first; tables show --top rows and sum the rest into \
      one line (JSON lists all).

      DIM is one of: day, month, payer, account, service, usage-type, operation, region, resource, \
      line-item-type, currency, tag:KEY. With --compare-to, every --by dimension must be one the \
      snapshot kept.

      Examples:
        spendtop report compare bills/ --period 2026-10
        spendtop report compare bills/ --period 2026-10-01..2026-10-31 --against 2026-09-01..2026-09-30
        spendtop report compare bills/ --period 2026-10-25..2026-10-31 --by account,service --save-snapshot w44.json
        spendtop report compare bills/ --period 2026-10-25..2026-10-31 --compare-to w44.json
      """)

  @OptionGroup var input: ReportInputOptions
  @OptionGroup var output: ReportOutputOptions

  @Option(
    name: .long,
    help: "The period reported on (YYYY-MM-DD..YYYY-MM-DD, YYYY-MM-DD, YYYY-MM or YYYY-MM..YYYY-MM).")
  var period: String

  @Option(
    name: .long,
    help: "The period compared against, in the same forms (default: as many days or months just before).")
  var against: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Compare against a snapshot saved with --save-snapshot instead of the bills.", valueName: "file"))
  var compareTo: String?

  @Option(name: .long, help: "Dimensions to group by, comma separated.")
  var by: String = "service"

  @Option(name: .long, help: "Rows in tables (0: all).")
  var top: Int = 25

  @Option(
    name: .long,
    help: ArgumentHelp("Also save the --period side to FILE (JSON), grouped by --by.", valueName: "file"))
  var saveSnapshot: String?

  func validate() throws {
    guard PeriodArgument(parsing: period) != nil else {
      throw ValidationError(PeriodArgument.rejection(of: period, option: "--period"))
    }
    if let against, PeriodArgument(parsing: against) == nil {
      throw ValidationError(PeriodArgument.rejection(of: against, option: "--against"))
    }
    if against != nil && compareTo != nil {
      throw ValidationError("give --against or --compare-to, not both")
    }
    if top < 0 { throw ValidationError("--top must be 0 (all) or more") }
  }

  func run() throws {
    let basis = try input.costBasis()
    let dimensions = try parseDimensions(by, option: "--by")
    guard let argument = PeriodArgument(parsing: period) else { throw ValidationError("invalid --period") }
    let cube = try input.cube(dimensions: Set(dimensions), quiet: output.quiet)
    var current = argument.period
    var preceding = argument.preceding
    // A month in progress: its days so far against the same days of the month before.
    if compareTo == nil, let dataEnd = cube.dayRange?.upperBound,
      let toDate = argument.toDate(dataEnd: dataEnd)
    {
      current = toDate.current
      if against == nil { preceding = toDate.preceding }
      if !output.quiet {
        printError(
          "spendtop: note: \(period) is in progress (the data ends \(dataEnd)): comparing \(current)"
            + (against == nil ? " with the same days before, \(preceding)" : ""))
      }
    }
    let comparison = try ReportExit.run { () throws(ReportError) -> PeriodComparison in
      let now = try Self.snapshot(of: .period(period)) { () throws(ReportError) in
        try SpendSnapshot(
          cube: cube, period: current, dimensions: dimensions, basis: basis, currency: input.currency)
      }
      if let saveSnapshot { try ReportFile.writeAtomically(now.json().rendered(), to: saveSnapshot) }
      if let compareTo {
        let saved = try SpendSnapshot(parsing: try ReportFile.read(compareTo), path: compareTo)
        return try PeriodComparison(current: now, against: saved, snapshotPath: compareTo)
      }
      let previous = against.flatMap(PeriodArgument.init(parsing:))?.period ?? preceding
      let side = against.map(ComparedSide.against) ?? .defaultAgainst(Self.defaultName(of: argument))
      let then = try Self.snapshot(of: side) { () throws(ReportError) in
        try SpendSnapshot(
          cube: cube, period: previous, dimensions: dimensions, basis: basis, currency: now.currency)
      }
      return try PeriodComparison(current: now, against: then)
    }
    let renderer = ComparisonRenderer(comparison: comparison, limit: top == 0 ? nil : top)
    switch output.format {
    case .markdown: try output.emit(renderer.markdown())
    case .json: try output.emit(renderer.json())
    case .text: try output.emit(renderer.text())
    }
  }

  // MARK: - Messages

  /// Runs `make`, restating a period outside the data as `side`'s, so the message names the option
  /// and what the user typed (or that the period is the default comparison).
  private static func snapshot(
    of side: ComparedSide, _ make: () throws(ReportError) -> SpendSnapshot
  ) throws(ReportError) -> SpendSnapshot {
    do {
      return try make()
    } catch {
      guard case .periodOutsideData(let period, let data) = error else { throw error }
      throw .comparedPeriodOutsideData(side: side, period: period, data: data)
    }
  }

  /// The default comparison in words: `the month before`, `the 3 months before`, `the 7 days before`.
  static func defaultName(of argument: PeriodArgument) -> String {
    if let months = argument.months {
      let count = (months.upperBound.year - months.lowerBound.year) * 12 + months.upperBound.month
        - months.lowerBound.month + 1
      return count == 1 ? "the month before" : "the \(count) months before"
    }
    let days = argument.period.dayCount
    return days == 1 ? "the day before" : "the \(days) days before"
  }
}

import ArgumentParser
import BillImport
import Reports
import SpendModel

/// Where a report's data comes from and which costs it adds up.
struct ReportInputOptions: ParsableArguments {
  @Argument(help: "Bills, manifests or folders (as for 'spendtop cube'; none: read the spend store).")
  var paths: [String] = []

  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: "unblended (default, the invoice), amortized, net-unblended, net-amortized.")
  var basis: String = CostBasis.unblended.rawValue

  @Option(name: .long, help: "Report in this currency when the bills hold several (e.g. USD).")
  var currency: String?

  @Flag(name: .long, help: "Continue past rows that cannot be read (listed on stderr; totals incomplete).")
  var skipBadRows = false

  /// Checks what can be checked before reading anything.
  func validate() throws {
    _ = try costBasis()
  }

  /// The parsed cost basis.
  func costBasis() throws -> CostBasis {
    guard let parsed = CostBasis(rawValue: basis) else {
      throw ValidationError(
        "unknown basis '\(basis)'; use one of \(CostBasis.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return parsed
  }

  /// Imports the bills at the grain of `dimensions` (currency and charge kind always kept), or
  /// reads the spend store when no PATH is given.
  func cube(dimensions: Set<Dimension>, quiet: Bool) throws -> Cube {
    let bills: CubeSource.Loaded
    do {
      bills = try CubeSource(paths: paths, store: store)
        .load(dimensions: dimensions.union([.currency, .lineItemType]), skipBadRows: skipBadRows)
    } catch let failure as CubeSource.Failure {
      printError("spendtop: \(failure)")
      throw ExitCode(failure.exitCode)
    }
    if !bills.skippedRows.isEmpty, !quiet {
      printError("spendtop: skipped \(bills.skippedRows.count) unreadable row(s); totals are incomplete:")
      for row in bills.skippedRows { printError("  \(row)") }
    }
    return bills.cube
  }
}

/// How and where a report is written.
struct ReportOutputOptions: ParsableArguments {
  @Option(name: .long, help: "markdown (default), json or text.")
  var format: ReportFormat = .markdown

  @Option(
    name: .long,
    help: ArgumentHelp("Write the report to FILE atomically instead of standard output.", valueName: "file"))
  var output: String?

  @Flag(
    name: .long,
    help: """
      No notes on standard error, only errors (for cron): no 'wrote FILE', no skipped rows. The \
      report itself still goes to standard output unless --output names a file.
      """)
  var quiet = false

  /// Writes the rendered report to `--output` or standard output.
  func emit(_ text: String) throws {
    guard let output else { return print(text, terminator: "") }
    try ReportExit.run { () throws(ReportError) in try ReportFile.writeAtomically(text, to: output) }
    if !quiet { printError("spendtop: wrote \(output)") }
  }
}

/// The formats every report renders to.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case markdown, json, text
}

/// Maps report errors to exit codes, printing the message.
enum ReportExit {
  /// Runs `body`, turning a `ReportError` into a message on stderr and its exit code.
  static func run<T>(_ body: () throws(ReportError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      printError("spendtop: \(error)")
      throw ExitCode(code(for: error))
    }
  }

  /// 64 usage, 65 data, 66 missing input, 73 cannot create output.
  static func code(for error: ReportError) -> Int32 {
    switch error {
    case .mixedCurrencies: return 64
    case .noData, .periodOutsideData, .comparedPeriodOutsideData, .invalidSnapshot, .snapshotLacksDimension,
      .snapshotMismatch:
      return 65
    case .comparedPeriodIsGap, .reportedPeriodIsGap: return 65
    case .unreadable: return 66
    case .cannotWrite: return 73
    }
  }
}

/// Parses a comma-separated dimension list as `cube --by` does.
func parseDimensions(_ text: String, option: String) throws -> [Dimension] {
  let names = text.split(separator: ",").map { String($0).filter { $0 != " " } }.filter { !$0.isEmpty }
  guard !names.isEmpty else { throw ValidationError("\(option) needs at least one dimension") }
  return try names.map { name in
    guard let dimension = Dimension(name: name) else {
      let known = Dimension.plain.map(\.name).joined(separator: ", ")
      throw ValidationError("unknown dimension '\(name)' in \(option); use one of \(known), tag:KEY")
    }
    return dimension
  }
}

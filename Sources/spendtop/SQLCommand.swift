import ArgumentParser
import CubeSQL
import SpendModel

/// `spendtop sql`: prints the SQL that computes the cube in Athena, Trino or DuckDB.
struct SQLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sql",
    abstract: "Print the SQL that computes spendtop's cube in Athena, Trino or DuckDB.",
    discussion: """
      For bills too large to download: the engine reads the CUR, CUR 2.0 or FOCUS data where it \
      lives and returns only the cube (one row per day × account × service × usage type × \
      operation × region × resource × line item type × currency × tags, with unblended, amortized, \
      net unblended and net amortized cost as exact decimals). Save the result as CSV and load it \
      with `spendtop import --cube RESULT.csv`: it replaces the billing periods it holds, as a bill \
      import does.

      The query applies the importer's rules: the same column for each dimension (with the same \
      fallbacks), the CUR amortized CASE (Savings Plans, RIs, negations, fees) and its net twins, \
      the usage start date's day, money cast to DECIMAL(38, 10) and summed exactly.

      Columns: the SQL names only columns the source has. It learns them from --columns-from FILE \
      (a bill's header, a CUR or Data Exports manifest, or a list of names one per line such as \
      Athena's `SHOW COLUMNS IN table`), else from the first file --files matches, else it assumes \
      the standard columns of the format (Athena CUR integration, CUR 2.0 schema, FOCUS with AWS \
      columns).

      Partition pruning (--from/--to): `year`/`month` for the legacy CUR Athena integration, \
      `billing_period` (YYYY-MM) for CUR 2.0 and FOCUS Data Exports, when the table has them. A \
      cube imported from a --from/--to query replaces whole billing periods: query whole months.

      Examples:
        spendtop sql --engine athena --format cur --table cur_db.my_cur --from 2024-03-01 --to 2024-03-31
        spendtop sql --engine duckdb --format cur --files 'bills/*.csv.gz' | duckdb -csv > cube.csv
        spendtop sql --engine trino --format cur2 --table data_exports.cur2 --by service,account

      Exit codes: 0 success; 64 usage error (options, missing required columns); 65 a column list \
      cannot be read; 66 no file matches --files.
      """)

  @Option(name: .long, help: "athena, trino or duckdb.")
  var engine: SQLEngine

  @Option(name: .long, help: "cur (legacy CUR, CSV or Athena naming), cur2 (CUR 2.0) or focus.")
  var format: SQLBillFormat

  @Option(
    name: .long,
    help: "Dimensions to keep, comma separated (default: the store's grain, every dimension and tag).")
  var by: String?

  @Option(name: .long, help: "First usage day, inclusive (YYYY-MM-DD).")
  var from: String?

  @Option(name: .long, help: "Last usage day, inclusive (YYYY-MM-DD).")
  var to: String?

  @Option(name: .long, help: "The table or view to read (e.g. cur_db.my_cur).")
  var table: String?

  @Option(name: .long, help: "CSV files to read, a glob (DuckDB only; .csv or .csv.gz).")
  var files: String?

  @Option(name: .long, help: "A bill, manifest or list of column names: the columns the source has.")
  var columnsFrom: String?

  func validate() throws {
    guard (table == nil) != (files == nil) else {
      throw ValidationError("give one of --table NAME or --files GLOB")
    }
  }

  func run() throws {
    let source: SQLSource = table.map { .table($0) } ?? .files(files ?? "")
    let first = try day(from, "--from")
    let last = try day(to, "--to")
    warnAboutPartialMonths(from: first, to: last)
    let request = CubeSQLRequest(
      engine: engine, format: format, source: source, columns: try columns(), grain: try grain(),
      from: first, to: last)
    do {
      print(try CubeSQL.query(request), terminator: "")
    } catch {
      printError("spendtop: \(error)")
      throw ExitCode(error.exitCode)
    }
  }

  // MARK: - Options

  private func columns() throws -> [String] {
    do {
      if let columnsFrom { return try ColumnList.read(path: columnsFrom) }
      if let files, engine == .duckdb {
        guard let first = ColumnList.expand(glob: files).first else {
          printError("spendtop: no file matches --files \(files)")
          throw ExitCode(66)
        }
        return try ColumnList.read(path: first)
      }
    } catch let error as CubeSQLError {
      printError("spendtop: \(error)")
      throw ExitCode(error.exitCode)
    }
    var note = "spendtop: note: no --columns-from: assuming the standard \(format.rawValue) columns"
    if format == .cur {
      // A legacy CUR table has only the columns its data had: tags and Savings Plans vary by account.
      note += " (no resource_tags_* columns, no Savings Plans columns: save `SHOW COLUMNS IN TABLE` "
        + "and pass it with --columns-from to keep tags and Savings Plans amortization)"
    }
    printError(note)
    return SourceColumns.assumed(for: format, engine: engine)
  }

  private func grain() throws -> Set<Dimension>? {
    guard let by else { return nil }
    var dimensions: Set<Dimension> = []
    for name in by.split(separator: ",") {
      guard let dimension = Dimension(name: String(name)) else {
        throw ValidationError("unknown dimension '\(name)' in --by")
      }
      dimensions.insert(dimension)
    }
    return dimensions
  }

  /// A cube replaces whole billing periods when imported: a range that cuts a month says what an
  /// import of the result would do to that month.
  private func warnAboutPartialMonths(from first: Day?, to last: Day?) {
    if let first, first != first.month.firstDay {
      printError(
        "spendtop: warning: --from \(first) is not the first of a month: importing the result "
          + "replaces \(first.month) with the days from \(first) on only")
    }
    if let last, last != last.month.lastDay {
      printError(
        "spendtop: warning: --to \(last) is not the last day of a month: importing the result "
          + "replaces \(last.month) with the days up to \(last) only (fine for the month in progress)")
    }
  }

  private func day(_ text: String?, _ option: String) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(iso: text) else {
      throw ValidationError("\(option) expects YYYY-MM-DD, got '\(text)'")
    }
    return day
  }
}

extension SQLEngine: ExpressibleByArgument {}
extension SQLBillFormat: ExpressibleByArgument {}

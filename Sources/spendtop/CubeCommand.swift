import ArgumentParser
import BillImport
import SpendFormats
import SpendModel

/// `spendtop cube`: sums billing exports by dimensions and prints the result.
struct CubeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cube",
    abstract: "Sum billing exports by dimensions over a date range.",
    discussion: """
      PATH is a bill (.csv, .csv.gz), a legacy CUR manifest (.json: its listed parts), or a folder \
      (read recursively: .csv, .csv.gz and manifest .json files). Formats: \(BillFormat.readableFormatsText). \
      With no PATH, cube reads the spend store (see spendtop import; --db or SPENDTOP_DB to choose \
      one) and gives the same answers as the files it was imported from.

      Two files holding the same line items (identity/LineItemId + TimeInterval: a bill and an \
      earlier snapshot of it) or the same bytes are refused (exit 65) rather than summed. A note on \
      stderr says when a manifest lists no report files, and when --basis asks for a basis the \
      bills have no columns for (it then equals the basis it derives from).

      DIM is one of: day, month, payer, account, service, usage-type, operation, region, resource, \
      line-item-type, currency, tag:KEY (usage_type and usage-type both work).

      Exit codes: 0 success; 64 usage error (bad option, or several currencies without \
      --by ...,currency or --currency); 65 a bill cannot be read (format, bad row, manifest), or \
      two files are versions of one bill; \
      66 a path does not exist or cannot be opened, or there is no store.
      """)

  @Argument(help: "Bills, manifests or folders (none: read the spend store).")
  var paths: [String] = []

  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: "Dimensions to group by, comma separated (e.g. day,service).")
  var by: String

  @Option(name: .long, help: "unblended (default, the invoice), amortized, net-unblended, net-amortized.")
  var basis: String = CostBasis.unblended.rawValue

  @Option(name: .long, help: "First day, inclusive (YYYY-MM-DD).")
  var from: String?

  @Option(name: .long, help: "Last day, inclusive (YYYY-MM-DD).")
  var to: String?

  @Option(name: .long, help: "Keep only this currency (e.g. USD).")
  var currency: String?

  @Option(name: .long, help: "csv (default), json or table.")
  var format: OutputFormat = .csv

  @Flag(name: .long, help: "Continue past rows that cannot be read; list them and mark totals incomplete.")
  var skipBadRows = false

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, table
  }

  func run() throws {
    let query = try CubeQuery(by: by, basis: basis, from: from, to: to, currency: currency)
    let source = try CubeSource(paths: paths, store: store)
    let summed: CubeSource.Summed
    do {
      summed = try source.rollup(
        by: query.dimensions, basis: query.basis, filter: query.filter, skipBadRows: skipBadRows)
    } catch {
      printError("spendtop: \(error)")
      if case .rollup(_, let summaries) = error {
        for line in CubeCommand.currencySources(summaries) { printError("  \(line)") }
      }
      throw ExitCode(error.exitCode)
    }
    reportSkipped(summed.skippedRows)
    for summary in summed.summaries where summary.rowsRead == 0 && summary.isComplete {
      printError("spendtop: note: \(summary.path): a header and no data rows; nothing to add")
    }
    for note in DefaultedBases.queryNotes(summed.summaries, basis: query.basis) {
      printError("spendtop: note: \(note)")
    }
    if summed.currencies.isEmpty, from != nil || to != nil || currency != nil {
      printError("spendtop: note: no cost matches --from/--to/--currency in these bills")
    }
    let complete = summed.skippedRows.isEmpty
    let renderer =
      switch summed.groups {
      case .rollup(let rollup): RollupRenderer(rollup: rollup, columnNames: query.columnNames)
      case .grouped(let rows): RollupRenderer(grouped: rows, columnNames: query.columnNames)
      }
    switch format {
    case .csv: renderer.writeCSV { print($0, terminator: "") }
    case .json: renderer.writeJSON(complete: complete) { print($0, terminator: "") }
    case .table:
      let currencies = summed.currencies
      let mixed = currencies.count > 1
      renderer.writeTable(currency: mixed ? nil : currencies.first, showsTotal: !mixed) {
        print($0, terminator: "")
      }
      if mixed { print("(no total: \(currencies.sorted().joined(separator: ", ")) are never added together)") }
      if !complete { print("(incomplete: \(summed.skippedRows.count) unreadable row(s) skipped)") }
    }
  }

  /// Which file holds which currencies (`bills/eu.csv: EUR`), so a mixed-currency error says where
  /// each currency comes from.
  static func currencySources(_ summaries: [ImportSummary]) -> [String] {
    summaries.filter { !$0.currencies.isEmpty }.map { "\($0.path): \($0.currencies.joined(separator: ", "))" }
  }

  private func reportSkipped(_ rows: [BadRow]) {
    guard !rows.isEmpty else { return }
    printError("spendtop: skipped \(rows.count) unreadable row(s); totals are incomplete:")
    for row in rows { printError("  \(row)") }
  }
}

/// The parsed query options of `cube`.
struct CubeQuery {
  var dimensions: [Dimension]
  var columnNames: [String]
  var basis: CostBasis
  var filter: CubeFilter

  init(by: String, basis: String, from: String?, to: String?, currency: String?) throws {
    let names = by.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    guard !names.isEmpty else { throw ValidationError("--by needs at least one dimension") }
    var dimensions: [Dimension] = []
    for name in names {
      guard let dimension = Dimension(name: name) else {
        let known = Dimension.plain.map(\.name).joined(separator: ", ")
        throw ValidationError("unknown dimension '\(name)'; use one of \(known), tag:KEY")
      }
      dimensions.append(dimension)
    }
    guard let parsedBasis = CostBasis(rawValue: basis) else {
      let known = CostBasis.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("unknown basis '\(basis)'; use one of \(known)")
    }
    var filter = CubeFilter()
    if let from {
      guard let day = Day(iso: from) else { throw ValidationError("--from expects YYYY-MM-DD, got '\(from)'") }
      filter.from = day
    }
    if let to {
      guard let day = Day(iso: to) else { throw ValidationError("--to expects YYYY-MM-DD, got '\(to)'") }
      filter.to = day
    }
    if let first = filter.from, let last = filter.to, first > last {
      throw ValidationError("--from \(first) is after --to \(last): no day can match")
    }
    if let currency { filter.equals.append((.currency, currency.uppercased())) }
    self.dimensions = dimensions
    self.columnNames = names
    self.basis = parsedBasis
    self.filter = filter
  }
}

/// Writes a line to standard error.
func printError(_ text: String) {
  writeStandardError(text + "\n")
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

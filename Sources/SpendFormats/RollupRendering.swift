import SpendModel

/// Renders a rollup as CSV, JSON or an aligned table.
///
/// Column names are the dimension names as the user wrote them (`usage_type` stays
/// `usage_type`), then `cost`. Costs are exact decimals: at least six decimals in CSV and JSON
/// (JSON numbers, never strings, never through `Double`), dollars and cents with thousands
/// separators in the table.
public struct RollupRenderer: Sendable {
  /// One column name per dimension, as given on the command line.
  public var columnNames: [String]
  private let rows: Rows

  /// Where the rows come from.
  private enum Rows: Sendable {
    case rollup(Rollup)
    /// Compact groups, each row made as it is written.
    case grouped(GroupedRows)
  }

  /// Creates a renderer; `columnNames` defaults to the dimensions' canonical names.
  public init(rollup: Rollup, columnNames: [String]? = nil) {
    rows = .rollup(rollup)
    self.columnNames = columnNames ?? rollup.dimensions.map(\.name)
  }

  /// Creates a renderer of compact groups (`CompactCube.grouped`), one column name per dimension.
  public init(grouped: GroupedRows, columnNames: [String]) {
    rows = .grouped(grouped)
    self.columnNames = columnNames
  }

  /// Calls `body` with each row's position and the row, in order.
  private func forEachRow(_ body: (Int, RollupRow) -> Void) {
    switch rows {
    case .rollup(let rollup): for (index, row) in rollup.rows.enumerated() { body(index, row) }
    case .grouped(let grouped): for index in grouped.indices { body(index, grouped[index]) }
    }
  }

  private var isEmpty: Bool {
    switch rows {
    case .rollup(let rollup): return rollup.rows.isEmpty
    case .grouped(let grouped): return grouped.isEmpty
    }
  }

  private var total: Money {
    switch rows {
    case .rollup(let rollup): return rollup.total
    case .grouped(let grouped): return grouped.total
    }
  }

  // MARK: - CSV

  /// RFC 4180 CSV with a header line; every line ends with `\n`.
  public func csv() -> String {
    var out = ""
    writeCSV { out += $0 }
    return out
  }

  /// Writes `csv()` in pieces of about 64 KiB, so a large rollup is never held as one string.
  public func writeCSV(_ write: (String) -> Void) {
    var out = (columnNames + ["cost"]).map(RollupRenderer.csvField).joined(separator: ",") + "\n"
    forEachRow { _, row in
      for value in row.values {
        out += RollupRenderer.csvField(value)
        out += ","
      }
      out += row.cost.exactDecimal(minimumDecimals: 6)
      out += "\n"
      if out.utf8.count >= RollupRenderer.pieceSize {
        write(out)
        out = ""
      }
    }
    write(out)
  }

  /// How many bytes `writeCSV` and `writeJSON` gather before writing.
  static let pieceSize = 1 << 16

  static func csvField(_ text: String) -> String {
    // Fast path: none of the bytes of `,`, `"`, LF or CR, so no such character either.
    let special = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard special else { return text }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

  // MARK: - JSON

  /// `{"dimensions": [...], "rows": [{"day": "2026-08-01", "cost": 12.345678}], "complete": true}`.
  ///
  /// - Parameter complete: false when rows were skipped, so totals are incomplete.
  public func json(complete: Bool = true) -> String {
    var out = ""
    writeJSON(complete: complete) { out += $0 }
    return out
  }

  /// Writes `json(complete:)` in pieces of about 64 KiB.
  public func writeJSON(complete: Bool = true, _ write: (String) -> Void) {
    var out = "{\"dimensions\": [" + columnNames.map(JSONValue.quoted).joined(separator: ", ") + "],"
    out += " \"rows\": ["
    let names = columnNames.map { JSONValue.quoted($0) + ": " }
    forEachRow { index, row in
      out += index == 0 ? "\n  {" : ",\n  {"
      for (name, value) in zip(names, row.values) {
        out += name
        out += JSONValue.quoted(value)
        out += ", "
      }
      out += "\"cost\": " + row.cost.exactDecimal(minimumDecimals: 6) + "}"
      if out.utf8.count >= RollupRenderer.pieceSize {
        write(out)
        out = ""
      }
    }
    out += isEmpty ? "]" : "\n]"
    out += ", \"complete\": \(complete)}\n"
    write(out)
  }

  // MARK: - Table

  /// An aligned table for people: dimension columns left-aligned, cost right-aligned with
  /// thousands separators, then a total line.
  ///
  /// - Parameters:
  ///   - currency: the currency code shown in the cost header, if single.
  ///   - showsTotal: whether the table ends with a total line: false when its rows hold several
  ///     currencies, which are never added.
  public func table(currency: String? = nil, showsTotal: Bool = true) -> String {
    var out = ""
    writeTable(currency: currency, showsTotal: showsTotal) { out += $0 }
    return out
  }

  /// Writes `table(currency:showsTotal:)` in pieces of about 64 KiB: a first pass over the rows
  /// measures the columns, a second renders them, so the lines are never all held.
  public func writeTable(currency: String? = nil, showsTotal: Bool = true, _ write: (String) -> Void) {
    let costHeader = currency.map { "cost (\($0))" } ?? "cost"
    let header = columnNames + [costHeader]
    let totalLabel = ["total"] + Array(repeating: "", count: max(0, columnNames.count - 1))
    let totalLine = totalLabel + [total.formatted(decimals: 2, grouping: true)]
    var widths = [Int](repeating: 0, count: columnNames.count + 1)
    func measure(_ cells: [String]) {
      for (column, cell) in cells.enumerated() where column < widths.count {
        widths[column] = max(widths[column], cell.count)
      }
    }
    measure(header)
    if showsTotal { measure(totalLine) }
    forEachRow { _, row in measure(RollupRenderer.tableCells(row)) }
    func render(_ cells: [String]) -> String {
      var parts: [String] = []
      for (column, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        parts.append(column == cells.count - 1 ? pad + cell : cell + pad)
      }
      return parts.joined(separator: "  ")
    }
    var out = render(header) + "\n"
    forEachRow { _, row in
      out += render(RollupRenderer.tableCells(row))
      out += "\n"
      if out.utf8.count >= RollupRenderer.pieceSize {
        write(out)
        out = ""
      }
    }
    if showsTotal {
      out += String(repeating: "-", count: widths.reduce(0, +) + 2 * columnNames.count) + "\n"
      out += render(totalLine) + "\n"
    }
    write(out)
  }

  /// A row's table cells: `(none)` for an empty value, the cost in dollars and cents.
  private static func tableCells(_ row: RollupRow) -> [String] {
    row.values.map { $0.isEmpty ? "(none)" : $0 } + [row.cost.formatted(decimals: 2, grouping: true)]
  }
}

extension String {
  /// The string with every occurrence of `target` replaced (no Foundation).
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}

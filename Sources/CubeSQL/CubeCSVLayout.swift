import BillImport
import SpendFormats
import SpendModel

/// Where each cube column is in one cube CSV file, and how a row becomes a cell.
struct CubeCSVLayout {
  private let width: Int
  private let day: Int
  private let period: Int
  private let text: [String: Int]
  private let tags: Int?
  private let tagColumns: [(index: Int, key: String)]
  private let money: [Int]

  /// Maps a header by name; `path` is for errors.
  init(header: [String], path: String) throws(CubeSQLError) {
    var positions: [String: Int] = [:]
    var tagColumns: [(index: Int, key: String)] = []
    for (index, name) in header.enumerated() {
      if name.lowercased().hasPrefix(CubeCSV.tagPrefix) {
        tagColumns.append((index, String(name.dropFirst(CubeCSV.tagPrefix.count))))
      } else if positions[name.lowercased()] == nil {
        positions[name.lowercased()] = index
      }
    }
    let required = ["day", "billing_period"] + CubeCSV.moneyColumns
    let missing = required.filter { positions[$0] == nil }
    guard missing.isEmpty, let day = positions["day"], let period = positions["billing_period"] else {
      throw .cubeFile(
        path: path, line: 1, column: nil,
        reason: "not a cube CSV: no column \(missing.joined(separator: ", ")) (see spendtop sql --help)")
    }
    width = header.count
    self.day = day
    self.period = period
    text = positions
    tags = positions["tags"]
    self.tagColumns = tagColumns
    money = CubeCSV.moneyColumns.compactMap { positions[$0] }
  }

  /// One row as a cell.
  func row(_ record: CSVRecord, path: String) throws(CubeSQLError) -> CubeRow {
    func failure(_ column: Int?, _ reason: String) -> CubeSQLError {
      .cubeFile(path: path, line: record.line, column: column.map { $0 + 1 }, reason: reason)
    }
    guard record.count == width else { throw failure(nil, "expected \(width) fields, found \(record.count)") }
    let dayText = record.string(day)
    guard let dayValue = Day(iso: String(dayText.prefix(10))), dayText.count == 10 else {
      throw failure(day, "expected a day YYYY-MM-DD, found \"\(dayText)\"")
    }
    let periodText = record.string(period)
    guard let month = Month(iso: String(periodText.prefix(7))) else {
      throw failure(period, "expected a billing period YYYY-MM, found \"\(periodText)\"")
    }
    var amounts: [Money] = []
    for index in money {
      let field = record.field(index)
      guard let value = field.isEmpty ? Money.zero : try? Money.parse(field) else {
        throw failure(index, "expected a decimal amount, found \"\(record.string(index))\"")
      }
      amounts.append(value)
    }
    func value(_ name: String) -> String { text[name].map { record.string($0) } ?? "" }
    var currency = value("currency")
    if currency.isEmpty { currency = "USD" }
    let key = CubeKey(
      day: dayValue, billingPeriod: month, payerAccount: value("payer_account"), account: value("account"),
      service: value("service"), usageType: value("usage_type"), operation: value("operation"),
      region: value("region"), resource: value("resource"), lineItemType: value("line_item_type"),
      currency: currency, tags: tagsOf(record))
    return CubeRow(
      key: key,
      costs: Costs(
        unblended: amounts[0], amortized: amounts[1], netUnblended: amounts[2], netAmortized: amounts[3]))
  }

  /// The `tags` JSON object's scalar members and the `tag:KEY` columns; empty values are dropped.
  private func tagsOf(_ record: CSVRecord) -> Tags {
    var pairs: [(String, String)] = []
    if let tags, !record.isEmpty(tags) {
      // As the importer reads FOCUS `Tags`: a field that is not a JSON object carries no tags.
      if case .object(let members)? = try? JSONValue.parse(record.field(tags)) {
        for member in members {
          if let value = member.value.scalarText { pairs.append((member.key, value)) }
        }
      }
    }
    for column in tagColumns { pairs.append((column.key, record.string(column.index))) }
    return Tags(pairs)
  }
}

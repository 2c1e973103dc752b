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
      var copy = name
      if let problem = copy.withUTF8(CubeCSVLayout.textProblem) {
        throw .cubeFile(path: path, line: 1, column: index + 1, reason: problem)
      }
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
    // Labels end up on a terminal: as the importer, refuse what is not plain UTF-8 text.
    for index in 0..<record.count where index != tags {
      if let problem = CubeCSVLayout.textProblem(record.field(index)) { throw failure(index, problem) }
    }
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
      currency: currency, tags: try tagsOf(record, failure: failure))
    return CubeRow(
      key: key,
      costs: Costs(
        unblended: amounts[0], amortized: amounts[1], netUnblended: amounts[2], netAmortized: amounts[3]))
  }

  /// The `tags` JSON object's scalar members and the `tag:KEY` columns; empty values are dropped.
  private func tagsOf(
    _ record: CSVRecord, failure: (Int?, String) -> CubeSQLError
  ) throws(CubeSQLError) -> Tags {
    var pairs: [(String, String)] = []
    if let tags, !record.isEmpty(tags) {
      // As the importer reads FOCUS `Tags`: a field that is not a JSON object carries no tags.
      if case .object(let members)? = try? JSONValue.parse(record.field(tags)) {
        for member in members {
          guard let value = member.value.scalarText else { continue }
          for text in [member.key, value] {
            var copy = text
            if let problem = copy.withUTF8(CubeCSVLayout.textProblem) { throw failure(tags, problem) }
          }
          pairs.append((member.key, value))
        }
      }
    }
    for column in tagColumns { pairs.append((column.key, record.string(column.index))) }
    return Tags(pairs)
  }

  /// Why bytes are not plain text (invalid UTF-8, or a control character and its byte offset), or nil.
  static func textProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let text = String(validating: bytes, as: UTF8.self) else { return "expected UTF-8 text" }
    var offset = 0
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return
          "expected text without control characters, found U+\(String(repeating: "0", count: 4 - hex.count))\(hex)"
          + " at byte \(offset)"
      }
      offset += UTF8.width(scalar)
    }
    return nil
  }
}

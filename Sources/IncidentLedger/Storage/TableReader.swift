import SpendFormats
import SpendModel

/// Reads typed fields from a TOML table, naming the file and line of every problem, and
/// rejecting keys it was not asked for (a typo is an error, not a silently ignored field).
struct TableReader {
  /// The table read.
  let table: TOMLTable
  /// The file, for errors.
  let path: String
  /// How the table is called in messages (`[[cost]]`, `the file`).
  let name: String
  private var used: Set<String> = []

  init(_ table: TOMLTable, path: String, name: String) {
    self.table = table
    self.path = path
    self.name = name
  }

  /// An error on the line of `key` (or of the table's header when the key is absent).
  func error(_ message: String, at key: String? = nil) -> LedgerError {
    let line = key.flatMap { table[$0]?.line } ?? max(table.line, 1)
    return .invalidFile(path: path, line: line, column: nil, message: message)
  }

  // MARK: - Scalars

  mutating func string(_ key: String) throws(LedgerError) -> String? {
    guard let node = take(key) else { return nil }
    guard case .string(let text) = node.value else { throw mismatch(key, node, "a string") }
    return text
  }

  mutating func requiredString(_ key: String) throws(LedgerError) -> String {
    guard let text = try string(key) else { throw error("\(name) needs \(key) = \"...\"") }
    return text
  }

  mutating func money(_ key: String) throws(LedgerError) -> Money? {
    guard let node = take(key) else { return nil }
    guard case .number(let text) = node.value, let amount = try? Money(parsing: text) else {
      throw mismatch(key, node, "a number")
    }
    return amount
  }

  /// An entered amount of a `category` line, checked by the model's rule for amounts.
  mutating func amount(_ key: String, of category: CostCategory) throws(LedgerError) -> Money? {
    guard let amount = try money(key) else { return nil }
    if let problem = category.problem(amount: amount, key: key) { throw error(problem, at: key) }
    return amount
  }

  mutating func nonNegative(_ key: String) throws(LedgerError) -> Money? {
    guard let amount = try money(key) else { return nil }
    guard amount >= .zero else { throw error("\(key) cannot be negative", at: key) }
    return amount
  }

  mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(LedgerError) -> Int? {
    guard let node = take(key) else { return nil }
    guard case .number(let text) = node.value, let value = Int(text) else {
      throw mismatch(key, node, "a whole number")
    }
    guard range.contains(value) else {
      throw error("\(key) must be between \(range.lowerBound) and \(range.upperBound)", at: key)
    }
    return value
  }

  mutating func day(_ key: String) throws(LedgerError) -> Day? {
    guard let node = take(key) else { return nil }
    guard case .date(let day) = node.value else { throw mismatch(key, node, "a date (YYYY-MM-DD, unquoted)") }
    return day
  }

  mutating func requiredDay(_ key: String) throws(LedgerError) -> Day {
    guard let day = try day(key) else { throw error("\(name) needs \(key) = YYYY-MM-DD") }
    return day
  }

  mutating func time(_ key: String) throws(LedgerError) -> UTCTime {
    guard let node = take(key) else { throw error("\(name) needs \(key) = YYYY-MM-DDTHH:MM:SSZ") }
    guard case .time(let time) = node.value else {
      throw mismatch(key, node, "a UTC time (YYYY-MM-DDTHH:MM:SSZ)")
    }
    return time
  }

  mutating func boolean(_ key: String) throws(LedgerError) -> Bool? {
    guard let node = take(key) else { return nil }
    guard case .boolean(let value) = node.value else { throw mismatch(key, node, "true or false") }
    return value
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(LedgerError)
    -> T?
  where T.RawValue == String {
    guard let text = try string(key) else { return nil }
    guard let value = T(rawValue: text) else {
      let options = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
      throw error("\(key) = \"\(text)\" is not one of \(options)", at: key)
    }
    return value
  }

  // MARK: - Tables

  /// The elements of an array of tables (`[[key]]` or `[{...}, ...]`).
  mutating func tables(_ key: String, name elementName: String) throws(LedgerError) -> [TableReader] {
    guard let node = take(key) else { return [] }
    guard case .array(let items) = node.value else { throw mismatch(key, node, "an array of tables") }
    var readers: [TableReader] = []
    for item in items {
      guard case .table(let table) = item.value else {
        throw LedgerError.invalidFile(
          path: path, line: item.line, column: nil,
          message: "\(key) holds \(item.value.kindName), not a table")
      }
      readers.append(TableReader(table, path: path, name: elementName))
    }
    return readers
  }

  /// A `[key]` table, or nil.
  mutating func table(_ key: String) throws(LedgerError) -> TableReader? {
    guard let node = take(key) else { return nil }
    guard case .table(let table) = node.value else { throw mismatch(key, node, "a [table]") }
    return TableReader(table, path: path, name: "[\(key)]")
  }

  /// Fails on the first key that was never read.
  func finish() throws(LedgerError) {
    if let unknown = table.entries.first(where: { !used.contains($0.key) }) {
      throw LedgerError.invalidFile(
        path: path, line: unknown.node.line, column: nil, message: "unknown key \"\(unknown.key)\" in \(name)"
      )
    }
  }

  /// Whether `key` is present (without reading it).
  func has(_ key: String) -> Bool { table.contains(key) }

  // MARK: - Helpers

  private mutating func take(_ key: String) -> TOMLNode? {
    used.insert(key)
    return table[key]
  }

  /// `key must be EXPECTED, not WHAT`: a number is named by its text (`not 2.5`), as the user typed
  /// it; other values by their kind (`not a string`).
  private func mismatch(_ key: String, _ node: TOMLNode, _ expected: String) -> LedgerError {
    let found: String
    if case .number(let text) = node.value { found = text } else { found = node.value.kindName }
    return .invalidFile(
      path: path, line: node.line, column: nil, message: "\(key) must be \(expected), not \(found)")
  }
}

import SpendFormats

/// A settings file (config or theme) read with the shared TOML parser, seen as the dashboard uses
/// it: top-level keys, then one level of `[table]` sections, every value with its line.
///
/// Inline tables and arrays of tables are refused with a clear error: no setting takes one.
struct SettingsDocument {
  /// One `key = value` line.
  struct Entry {
    /// The key as written (unquoted).
    var key: String
    /// The value and its line.
    var value: TOMLNode
  }

  /// Entries per table name (`""` for the top level), in file order.
  private(set) var tables: [String: [Entry]] = ["": []]
  /// Table names in the order they appear, starting with `""`.
  private(set) var tableOrder: [String] = [""]
  /// The line each table header was written on.
  private(set) var tableLines: [String: Int] = [:]

  /// Parses TOML text.
  ///
  /// - Throws: `TOMLSyntaxError` naming the line and column of the first problem.
  init(parsing text: String) throws(TOMLSyntaxError) {
    let root = try TOMLParser.parse(text)
    for (key, node) in root.entries {
      guard case .table(let table) = node.value, !table.isInline else {
        tables["", default: []].append(try Self.entry(key, node))
        continue
      }
      tableOrder.append(key)
      tableLines[key] = table.line
      tables[key] = []
      for (innerKey, innerNode) in table.entries {
        tables[key, default: []].append(try Self.entry(innerKey, innerNode))
      }
    }
  }

  /// The entries of a table, empty when it is absent.
  func entries(_ table: String) -> [Entry] { tables[table] ?? [] }

  /// One value of a table.
  func value(_ key: String, in table: String = "") -> TOMLNode? {
    tables[table]?.first { $0.key == key }?.value
  }

  /// An entry, refusing the table-valued forms settings files do not use.
  private static func entry(_ key: String, _ node: TOMLNode) throws(TOMLSyntaxError) -> Entry {
    if case .table(let table) = node.value, table.isInline {
      throw TOMLSyntaxError(
        line: node.line, column: 1, message: "inline tables are not supported; use a [table] header")
    }
    if let items = node.array, items.contains(where: \.isTable) {
      throw TOMLSyntaxError(
        line: node.line, column: 1, message: "arrays of tables ([[...]]) are not supported")
    }
    return Entry(key: key, value: node)
  }
}

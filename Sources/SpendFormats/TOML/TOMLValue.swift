import SpendModel

/// A TOML value as the ledger reads it, with the line it was written on.
///
/// Numbers keep their literal text so that amounts parse exactly into `Money`; dates stay
/// calendar days and UTC times, never `Double` seconds.
public indirect enum TOMLValue: Sendable, Equatable {
  /// A string (basic, literal or multi-line).
  case string(String)
  /// An integer or decimal number, as written (underscores removed).
  case number(String)
  /// `true` or `false`.
  case boolean(Bool)
  /// A local date `YYYY-MM-DD`.
  case date(Day)
  /// An offset date-time in UTC, `YYYY-MM-DDTHH:MM[:SS]Z`.
  case time(UTCTime)
  /// An array of values.
  case array([TOMLNode])
  /// A table (a `[header]` section, an `[[array]]` element or an inline table).
  case table(TOMLTable)

  /// The kind of value, for error messages (`a string`, `a date`, …).
  public var kindName: String {
    switch self {
    case .string: return "a string"
    case .number: return "a number"
    case .boolean: return "a boolean"
    case .date: return "a date"
    case .time: return "a UTC time"
    case .array: return "an array"
    case .table: return "a table"
    }
  }
}

/// A value and the 1-based line it starts on.
public struct TOMLNode: Sendable, Equatable {
  /// The value.
  public var value: TOMLValue
  /// The line the value starts on.
  public var line: Int

  /// Creates a node.
  public init(_ value: TOMLValue, line: Int) {
    self.value = value
    self.line = line
  }
}

/// A TOML table: keys in the order written, and the line of its header.
public struct TOMLTable: Sendable, Equatable {
  /// The entries in file order; keys are unique.
  public private(set) var entries: [(key: String, node: TOMLNode)]
  /// The line of the table's header (`[x]`, `[[x]]`, `{`), 0 for the root table.
  public var line: Int
  /// Whether the table was written inline (`{ ... }`) rather than under a header.
  public var isInline = false

  /// An empty table whose header is on `line`.
  public init(line: Int) {
    self.entries = []
    self.line = line
  }

  /// The node stored under `key`, or nil.
  public subscript(key: String) -> TOMLNode? {
    entries.first { $0.key == key }?.node
  }

  /// Whether `key` is present.
  public func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }

  /// Stores `node` under a new key; returns false when the key already exists.
  public mutating func insert(_ key: String, _ node: TOMLNode) -> Bool {
    guard !contains(key) else { return false }
    entries.append((key, node))
    return true
  }

  /// Replaces the node under an existing key.
  public mutating func replace(_ key: String, _ node: TOMLNode) {
    guard let position = entries.firstIndex(where: { $0.key == key }) else { return }
    entries[position].node = node
  }

  public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
    lhs.line == rhs.line && lhs.entries.count == rhs.entries.count
      && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.node == $1.node }
  }
}

extension TOMLNode {
  /// Whether the value is a table.
  public var isTable: Bool {
    if case .table = value { return true }
    return false
  }

  /// The string, or nil for any other value.
  public var string: String? { if case .string(let text) = value { text } else { nil } }

  /// The boolean, or nil for any other value.
  public var boolean: Bool? { if case .boolean(let flag) = value { flag } else { nil } }

  /// The number as a `Double` (for ratios and settings, never for sums of money), or nil.
  public var number: Double? { if case .number(let text) = value { Double(text) } else { nil } }

  /// The elements, or nil when the value is not an array.
  public var array: [TOMLNode]? { if case .array(let items) = value { items } else { nil } }
}

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
  mutating func insert(_ key: String, _ node: TOMLNode) -> Bool {
    guard !contains(key) else { return false }
    entries.append((key, node))
    return true
  }

  /// Replaces the node under an existing key.
  mutating func replace(_ key: String, _ node: TOMLNode) {
    guard let position = entries.firstIndex(where: { $0.key == key }) else { return }
    entries[position].node = node
  }

  public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
    lhs.line == rhs.line && lhs.entries.count == rhs.entries.count
      && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.node == $1.node }
  }
}

/// A moment in UTC to the second, as the timeline records it.
public struct UTCTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The UTC day.
  public var day: Day
  /// Seconds since midnight, 0..<86,400.
  public var secondOfDay: Int

  /// Creates a time; the caller keeps `secondOfDay` in 0..<86,400.
  public init(day: Day, secondOfDay: Int) {
    self.day = day
    self.secondOfDay = secondOfDay
  }

  /// Creates a time from a day and clock fields.
  public init(day: Day, hour: Int, minute: Int, second: Int = 0) {
    self.init(day: day, secondOfDay: hour * 3600 + minute * 60 + second)
  }

  /// Parses `YYYY-MM-DDTHH:MM[:SS]Z` (a space may stand for `T`; seconds default to 0).
  public init?(iso text: String) {
    guard text.count >= 17, text.hasSuffix("Z") || text.hasSuffix("z") else { return nil }
    let body = Array(text.dropLast())
    guard let day = Day(iso: String(body[0..<10])), body[10] == "T" || body[10] == "t" || body[10] == " "
    else { return nil }
    let clock = String(body[11...]).split(separator: ":", omittingEmptySubsequences: false)
    guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
      let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute)
    else { return nil }
    var second = 0
    if clock.count == 3 {
      guard let value = Int(clock[2]), (0..<60).contains(value) else { return nil }
      second = value
    }
    self.init(day: day, hour: hour, minute: minute, second: second)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ`.
  public var description: String {
    let hour = secondOfDay / 3600
    let minute = secondOfDay / 60 % 60
    let second = secondOfDay % 60
    return "\(day)T\(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second))Z"
  }

  /// `YYYY-MM-DD HH:MM` for people.
  public var shortDescription: String {
    "\(day) \(Self.pad(secondOfDay / 3600)):\(Self.pad(secondOfDay / 60 % 60))"
  }

  public static func < (lhs: UTCTime, rhs: UTCTime) -> Bool {
    (lhs.day, lhs.secondOfDay) < (rhs.day, rhs.secondOfDay)
  }

  private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension TOMLNode {
  /// Whether the value is a table.
  var isTable: Bool {
    if case .table = value { return true }
    return false
  }
}

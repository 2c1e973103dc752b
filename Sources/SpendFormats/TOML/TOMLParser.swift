import SpendModel

/// Why a text is not TOML the ledger can read: the 1-based line and column, and what is wrong.
public struct TOMLSyntaxError: Error, Equatable, Sendable {
  /// The line of the offending character.
  public var line: Int
  /// The column of the offending character (1-based, in bytes).
  public var column: Int
  /// What is wrong, for people.
  public var message: String

  /// Creates an error.
  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }
}

/// Parses the TOML subset ledger files use into a `TOMLTable` whose every value knows its line.
///
/// Supported: comments, bare and quoted keys, `[table]` and `[[array-of-tables]]` headers (one
/// level), basic / literal / multi-line strings, integers and decimals (kept as text), booleans,
/// local dates, UTC date-times, arrays and inline tables. Dotted keys, nested headers and local
/// times are rejected with a clear message rather than misread.
public struct TOMLParser {
  let bytes: [UInt8]
  var position = 0
  var line = 1
  var lineStart = 0

  /// Parses a whole document.
  ///
  /// - Throws: `TOMLSyntaxError` with the line and column of the first problem.
  public static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
    var parser = TOMLParser(bytes: Array(text.utf8))
    return try parser.document()
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  // MARK: - Document

  private enum Target {
    case root
    case table(String)
    case arrayElement(String)
  }

  private mutating func document() throws(TOMLSyntaxError) -> TOMLTable {
    var root = TOMLTable(line: 0)
    var target = Target.root
    while true {
      skipBlankLinesAndComments()
      guard let byte = peek() else { return root }
      if byte == UInt8(ascii: "[") {
        target = try header(into: &root)
      } else {
        let keyLine = line
        let key = try self.key()
        skipSpaces()
        try expect("=")
        skipSpaces()
        let node = try value()
        try endOfLine()
        try store(key, node, keyLine: keyLine, in: &root, target: target)
      }
    }
  }

  private mutating func header(into root: inout TOMLTable) throws(TOMLSyntaxError) -> Target {
    let headerLine = line
    advance()
    let isArray = peek() == UInt8(ascii: "[")
    if isArray { advance() }
    skipSpaces()
    let name = try key()
    skipSpaces()
    if peek() == UInt8(ascii: ".") { throw error("nested table headers are not supported here") }
    try expect("]")
    if isArray { try expect("]") }
    try endOfLine()
    if isArray {
      let element = TOMLNode(.table(TOMLTable(line: headerLine)), line: headerLine)
      if let existing = root[name] {
        guard case .array(var items) = existing.value, items.allSatisfy(\.isTable)
        else {
          throw error("[[\(name)]] on line \(headerLine) conflicts with \(name) on line \(existing.line)")
        }
        items.append(element)
        root.replace(name, TOMLNode(.array(items), line: existing.line))
      } else {
        _ = root.insert(name, TOMLNode(.array([element]), line: headerLine))
      }
      return .arrayElement(name)
    }
    guard root.insert(name, TOMLNode(.table(TOMLTable(line: headerLine)), line: headerLine)) else {
      throw TOMLSyntaxError(line: headerLine, column: 1, message: "[\(name)] is defined twice")
    }
    return .table(name)
  }

  private func store(
    _ key: String, _ node: TOMLNode, keyLine: Int, in root: inout TOMLTable, target: Target
  ) throws(TOMLSyntaxError) {
    let duplicate = TOMLSyntaxError(line: keyLine, column: 1, message: "key \"\(key)\" is defined twice")
    switch target {
    case .root:
      guard root.insert(key, node) else { throw duplicate }
    case .table(let name):
      guard let holder = root[name], case .table(var table) = holder.value else { return }
      guard table.insert(key, node) else { throw duplicate }
      root.replace(name, TOMLNode(.table(table), line: holder.line))
    case .arrayElement(let name):
      guard let holder = root[name], case .array(var items) = holder.value, let last = items.last,
        case .table(var table) = last.value
      else { return }
      guard table.insert(key, node) else { throw duplicate }
      items[items.count - 1] = TOMLNode(.table(table), line: last.line)
      root.replace(name, TOMLNode(.array(items), line: holder.line))
    }
  }

  // MARK: - Keys

  private mutating func key() throws(TOMLSyntaxError) -> String {
    guard let byte = peek() else { throw error("expected a key") }
    var name: String
    if byte == UInt8(ascii: "\"") {
      name = try basicString()
    } else if byte == UInt8(ascii: "'") {
      name = try literalString()
    } else {
      let start = position
      while let next = peek(), Self.isBareKeyByte(next) { advance() }
      guard position > start else { throw error("expected a key, found \(Self.describe(byte))") }
      name = String(decoding: bytes[start..<position], as: UTF8.self)
    }
    skipSpaces()
    if peek() == UInt8(ascii: ".") { throw error("dotted keys are not supported here; use a [table]") }
    return name
  }

  static func isBareKeyByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
  }

  // MARK: - Values

  private mutating func value() throws(TOMLSyntaxError) -> TOMLNode {
    let valueLine = line
    guard let byte = peek() else { throw error("expected a value, found the end of the file") }
    switch byte {
    case UInt8(ascii: "\""):
      return TOMLNode(
        .string(try startsWith("\"\"\"") ? multiLineBasicString() : basicString()), line: valueLine)
    case UInt8(ascii: "'"):
      return TOMLNode(
        .string(try startsWith("'''") ? multiLineLiteralString() : literalString()), line: valueLine)
    case UInt8(ascii: "["):
      return TOMLNode(.array(try array()), line: valueLine)
    case UInt8(ascii: "{"):
      return TOMLNode(.table(try inlineTable()), line: valueLine)
    default:
      return TOMLNode(try scalar(), line: valueLine)
    }
  }

  private mutating func scalar() throws(TOMLSyntaxError) -> TOMLValue {
    let start = position
    let column = position - lineStart + 1
    while let byte = peek(), Self.isScalarByte(byte) { advance() }
    // `2026-10-03 09:14:00Z`: a space may separate date and time.
    if position - start == 10, peek() == UInt8(ascii: " "), position + 3 < bytes.count,
      Self.isDigit(bytes[position + 1]), Self.isDigit(bytes[position + 2]),
      bytes[position + 3] == UInt8(ascii: ":")
    {
      advance()
      while let byte = peek(), Self.isScalarByte(byte) { advance() }
    }
    let token = String(decoding: bytes[start..<position], as: UTF8.self)
    let fail = TOMLSyntaxError(line: line, column: column, message: "")
    guard !token.isEmpty else {
      throw error("expected a value, found \(peek().map(Self.describe) ?? "the end of the line")")
    }
    if token == "true" { return .boolean(true) }
    if token == "false" { return .boolean(false) }
    if token.count >= 10, token.utf8.dropFirst(4).first == UInt8(ascii: "-"),
      Self.isDigit(token.utf8.first ?? 0)
    {
      if token.count == 10 {
        guard let day = Day(iso: token) else { throw with(fail, "\"\(token)\" is not a valid date") }
        return .date(day)
      }
      guard let time = UTCTime(iso: token) else {
        throw with(fail, "\"\(token)\" is not a UTC time (write YYYY-MM-DDTHH:MM:SSZ)")
      }
      return .time(time)
    }
    guard let number = Self.normalizedNumber(token) else { throw with(fail, "\"\(token)\" is not a value (strings need quotes)") }
    return .number(number)
  }

  private static func isScalarByte(_ byte: UInt8) -> Bool {
    isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// The number with underscores removed, or nil when `token` is not a TOML decimal number.
  public static func normalizedNumber(_ token: String) -> String? {
    var previousDigit = false
    var out = ""
    var sawDigit = false
    for (offset, character) in token.enumerated() {
      switch character {
      case "0"..."9":
        previousDigit = true
        sawDigit = true
        out.append(character)
      case "_":
        guard previousDigit, offset + 1 < token.count else { return nil }
        previousDigit = false
      case "+", "-", ".", "e", "E":
        previousDigit = false
        out.append(character)
      default: return nil
      }
    }
    guard sawDigit, (try? Money(parsing: out)) != nil else { return nil }
    return out
  }

  private mutating func array() throws(TOMLSyntaxError) -> [TOMLNode] {
    advance()
    var items: [TOMLNode] = []
    while true {
      skipWhitespaceNewlinesAndComments()
      guard let byte = peek() else { throw error("the array is not closed with ]") }
      if byte == UInt8(ascii: "]") {
        advance()
        return items
      }
      items.append(try value())
      skipWhitespaceNewlinesAndComments()
      if peek() == nil { throw error("the array is not closed with ]") }
      if peek() == UInt8(ascii: ",") {
        advance()
      } else if peek() != UInt8(ascii: "]") {
        throw error("expected , or ] in the array")
      }
    }
  }

  private mutating func inlineTable() throws(TOMLSyntaxError) -> TOMLTable {
    var table = TOMLTable(line: line)
    table.isInline = true
    advance()
    skipSpaces()
    if peek() == UInt8(ascii: "}") {
      advance()
      return table
    }
    while true {
      skipSpaces()
      let keyLine = line
      let name = try key()
      skipSpaces()
      try expect("=")
      skipSpaces()
      guard table.insert(name, try value()) else {
        throw TOMLSyntaxError(line: keyLine, column: 1, message: "key \"\(name)\" is defined twice")
      }
      skipSpaces()
      guard let byte = peek() else { throw error("the inline table is not closed with }") }
      advance()
      if byte == UInt8(ascii: "}") { return table }
      guard byte == UInt8(ascii: ",") else {
        position -= 1
        throw error("expected , or } in the inline table (inline tables stay on one line)")
      }
    }
  }
}

import SpendModel

/// Why a text is not TOML the ledger can read: the 1-based line and column, and what is wrong.
public struct TOMLSyntaxError: Error, Equatable, Sendable {
  /// The line of the offending character.
  public var line: Int
  /// The column of the offending character (1-based, in bytes).
  public var column: Int
  /// What is wrong, for people.
  public var message: String
}

/// Parses the TOML subset ledger files use into a `TOMLTable` whose every value knows its line.
///
/// Supported: comments, bare and quoted keys, `[table]` and `[[array-of-tables]]` headers (one
/// level), basic / literal / multi-line strings, integers and decimals (kept as text), booleans,
/// local dates, UTC date-times, arrays and inline tables. Dotted keys, nested headers and local
/// times are rejected with a clear message rather than misread.
public struct TOMLParser {
  private let bytes: [UInt8]
  private var position = 0
  private var line = 1
  private var lineStart = 0

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
        else { throw error("[[\(name)]] on line \(headerLine) conflicts with \(name) on line \(existing.line)") }
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

  private static func isBareKeyByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
  }

  // MARK: - Values

  private mutating func value() throws(TOMLSyntaxError) -> TOMLNode {
    let valueLine = line
    guard let byte = peek() else { throw error("expected a value, found the end of the file") }
    switch byte {
    case UInt8(ascii: "\""):
      return TOMLNode(.string(try startsWith("\"\"\"") ? multiLineBasicString() : basicString()), line: valueLine)
    case UInt8(ascii: "'"):
      return TOMLNode(.string(try startsWith("'''") ? multiLineLiteralString() : literalString()), line: valueLine)
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
      Self.isDigit(bytes[position + 1]), Self.isDigit(bytes[position + 2]), bytes[position + 3] == UInt8(ascii: ":")
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
    if token.count >= 10, token.utf8.dropFirst(4).first == UInt8(ascii: "-"), Self.isDigit(token.utf8.first ?? 0) {
      if token.count == 10 {
        guard let day = Day(iso: token) else { throw with(fail, "\"\(token)\" is not a valid date") }
        return .date(day)
      }
      guard let time = UTCTime(iso: token) else {
        throw with(fail, "\"\(token)\" is not a UTC time (write YYYY-MM-DDTHH:MM:SSZ)")
      }
      return .time(time)
    }
    guard let number = Self.normalizedNumber(token) else { throw with(fail, "\"\(token)\" is not a value") }
    return .number(number)
  }

  private static func isScalarByte(_ byte: UInt8) -> Bool {
    isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// The number with underscores removed, or nil when `token` is not a TOML decimal number.
  static func normalizedNumber(_ token: String) -> String? {
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

  // MARK: - Strings

  private mutating func basicString() throws(TOMLSyntaxError) -> String {
    advance()
    var out: [UInt8] = []
    while let byte = peek() {
      if byte == UInt8(ascii: "\"") {
        advance()
        return String(decoding: out, as: UTF8.self)
      }
      if byte == 0x0A || byte == 0x0D { break }
      if byte == UInt8(ascii: "\\") {
        try escape(into: &out)
      } else {
        out.append(byte)
        advance()
      }
    }
    throw error("the string is not closed with \" on this line")
  }

  private mutating func multiLineBasicString() throws(TOMLSyntaxError) -> String {
    position += 3
    skipOneNewline()
    var out: [UInt8] = []
    while position < bytes.count {
      if startsWith("\"\"\"") {
        position += 3
        while peek() == UInt8(ascii: "\"") {
          out.append(UInt8(ascii: "\""))
          advance()
        }
        return String(decoding: out, as: UTF8.self)
      }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\\") {
        if lineEndingBackslash() { continue }
        try escape(into: &out)
      } else if byte == 0x0A {
        out.append(byte)
        newLine()
      } else if byte == 0x0D {
        advance()
      } else {
        out.append(byte)
        advance()
      }
    }
    throw error("the multi-line string is not closed with \"\"\"")
  }

  private mutating func literalString() throws(TOMLSyntaxError) -> String {
    advance()
    let start = position
    while let byte = peek() {
      if byte == UInt8(ascii: "'") {
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        advance()
        return text
      }
      if byte == 0x0A || byte == 0x0D { break }
      advance()
    }
    throw error("the string is not closed with ' on this line")
  }

  private mutating func multiLineLiteralString() throws(TOMLSyntaxError) -> String {
    position += 3
    skipOneNewline()
    var out: [UInt8] = []
    while position < bytes.count {
      if startsWith("'''") {
        position += 3
        return String(decoding: out, as: UTF8.self)
      }
      let byte = bytes[position]
      if byte == 0x0A {
        out.append(byte)
        newLine()
      } else {
        if byte != 0x0D { out.append(byte) }
        advance()
      }
    }
    throw error("the multi-line string is not closed with '''")
  }

  /// A `\` followed by spaces and a newline trims up to the next non-blank character.
  private mutating func lineEndingBackslash() -> Bool {
    var probe = position + 1
    while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 || bytes[probe] == 0x0D { probe += 1 }
    guard probe < bytes.count, bytes[probe] == 0x0A else { return false }
    position = probe
    while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      if byte == 0x0A { newLine() } else { advance() }
    }
    return true
  }

  private mutating func escape(into out: inout [UInt8]) throws(TOMLSyntaxError) {
    advance()
    guard let code = peek() else { throw error("the escape is not finished") }
    advance()
    switch code {
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
    case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
    case UInt8(ascii: "u"), UInt8(ascii: "U"):
      let digits = code == UInt8(ascii: "u") ? 4 : 8
      guard position + digits <= bytes.count,
        let scalarValue = UInt32(String(decoding: bytes[position..<position + digits], as: UTF8.self), radix: 16),
        let scalar = Unicode.Scalar(scalarValue)
      else { throw error("\\\(Character(Unicode.Scalar(code))) needs \(digits) hex digits of a Unicode scalar") }
      out.append(contentsOf: Array(String(Character(scalar)).utf8))
      position += digits
    default:
      position -= 1
      throw error("unknown escape \\\(Character(Unicode.Scalar(code)))")
    }
  }

  // MARK: - Lexing helpers

  private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func advance() { position += 1 }

  private mutating func newLine() {
    position += 1
    line += 1
    lineStart = position
  }

  private func startsWith(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    return text.withUTF8Buffer { Array($0) == Array(bytes[position..<position + count]) }
  }

  private mutating func expect(_ character: Unicode.Scalar) throws(TOMLSyntaxError) {
    guard peek() == UInt8(ascii: character) else {
      throw error("expected \(character), found \(peek().map(Self.describe) ?? "the end of the file")")
    }
    advance()
  }

  private mutating func skipSpaces() {
    while let byte = peek(), byte == 0x20 || byte == 0x09 { advance() }
  }

  private mutating func skipComment() {
    guard peek() == UInt8(ascii: "#") else { return }
    while let byte = peek(), byte != 0x0A { advance() }
  }

  private mutating func skipOneNewline() {
    if peek() == 0x0D { advance() }
    if peek() == 0x0A { newLine() }
  }

  private mutating func skipBlankLinesAndComments() { skipWhitespaceNewlinesAndComments() }

  private mutating func skipWhitespaceNewlinesAndComments() {
    while true {
      skipSpaces()
      skipComment()
      guard let byte = peek(), byte == 0x0A || byte == 0x0D else { return }
      if byte == 0x0A { newLine() } else { advance() }
    }
  }

  private mutating func endOfLine() throws(TOMLSyntaxError) {
    skipSpaces()
    skipComment()
    if peek() == 0x0D { advance() }
    guard let byte = peek() else { return }
    guard byte == 0x0A else { throw error("expected the end of the line, found \(Self.describe(byte))") }
    newLine()
  }

  private func error(_ message: String) -> TOMLSyntaxError {
    TOMLSyntaxError(line: line, column: position - lineStart + 1, message: message)
  }

  private func with(_ base: TOMLSyntaxError, _ message: String) -> TOMLSyntaxError {
    TOMLSyntaxError(line: base.line, column: base.column, message: message)
  }

  private static func describe(_ byte: UInt8) -> String {
    switch byte {
    case 0x0A, 0x0D: return "the end of the line"
    case 0x20...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
    default: return "byte 0x\(String(byte, radix: 16))"
    }
  }
}

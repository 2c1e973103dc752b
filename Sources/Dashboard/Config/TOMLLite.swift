/// A value read from a TOML file, with the line it was written on (for error messages).
public struct TOMLValue: Sendable, Equatable {
  /// What the value is.
  public enum Kind: Sendable, Equatable {
    /// A basic or literal string.
    case string(String)
    /// An integer (underscores allowed).
    case integer(Int)
    /// A float.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// `[a, b, ...]`, possibly over several lines.
    case array([TOMLValue])
  }

  /// The value.
  public var kind: Kind
  /// The 1-based line of the value.
  public var line: Int

  /// The string, if the value is one.
  public var string: String? { if case .string(let text) = kind { return text } else { return nil } }
  /// The number (integer or float) as a `Double`, if the value is one.
  public var number: Double? {
    switch kind {
    case .integer(let value): return Double(value)
    case .float(let value): return value
    default: return nil
    }
  }
  /// The boolean, if the value is one.
  public var boolean: Bool? { if case .boolean(let flag) = kind { return flag } else { return nil } }
  /// The elements, if the value is an array.
  public var array: [TOMLValue]? { if case .array(let items) = kind { return items } else { return nil } }
}

/// A syntax error in a TOML file, with its position.
public struct TOMLLiteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column.
  public var column: Int
  /// What is wrong.
  public var message: String

  public var description: String { "line \(line), column \(column): \(message)" }
}

/// The subset of TOML that spendtop's themes and config use, parsed with line numbers kept.
///
/// Supports comments, `[table]` and `[table.sub]` headers, bare and quoted keys, basic and
/// literal strings, integers, floats, booleans and (multi-line) arrays. Inline tables, dates and
/// multi-line strings are rejected with a clear error rather than misread.
public struct TOMLDocument: Sendable {
  /// One `key = value` line.
  public struct Entry: Sendable, Equatable {
    /// The key as written (unquoted).
    public var key: String
    /// The value.
    public var value: TOMLValue
  }

  /// Entries per table name (`""` for the top level), in file order.
  public private(set) var tables: [String: [Entry]] = [:]
  /// Table names in the order they first appear, starting with `""`.
  public private(set) var tableOrder: [String] = [""]
  /// The line each table header was written on.
  public private(set) var tableLines: [String: Int] = [:]

  /// Parses TOML text.
  ///
  /// - Throws: `TOMLLiteError` naming the line and column of the first problem.
  public init(parsing text: String) throws(TOMLLiteError) {
    var reader = TOMLReader(text: text)
    var table = ""
    tables[""] = []
    while true {
      reader.skipBlankAndComments()
      guard let character = reader.peek else { break }
      if character == "[" {
        let line = reader.line
        reader.advance()
        if reader.peek == "[" { throw reader.error("arrays of tables ([[...]]) are not supported") }
        var parts: [String] = []
        repeat {
          reader.skipSpaces()
          parts.append(try reader.key())
          reader.skipSpaces()
        } while reader.consume(".")
        guard reader.consume("]") else { throw reader.error("expected ']' to close the table header") }
        table = parts.joined(separator: ".")
        if tableLines[table] != nil {
          throw TOMLLiteError(line: line, column: 1, message: "table [\(table)] is defined twice")
        }
        tableLines[table] = line
        tableOrder.append(table)
        tables[table] = []
        try reader.endOfLine()
        continue
      }
      let key = try reader.key()
      reader.skipSpaces()
      if reader.peek == "." { throw reader.error("dotted keys are not supported; use a [table] header") }
      guard reader.consume("=") else { throw reader.error("expected '=' after key '\(key)'") }
      reader.skipSpaces()
      let value = try reader.value()
      if tables[table, default: []].contains(where: { $0.key == key }) {
        throw TOMLLiteError(line: value.line, column: 1, message: "key '\(key)' is set twice")
      }
      tables[table, default: []].append(Entry(key: key, value: value))
      try reader.endOfLine()
    }
  }

  /// The entries of a table, empty when it is absent.
  public func entries(_ table: String) -> [Entry] { tables[table] ?? [] }

  /// One value of a table.
  public func value(_ key: String, in table: String = "") -> TOMLValue? {
    tables[table]?.first { $0.key == key }?.value
  }
}

// MARK: - Reader

/// A cursor over TOML text that tracks line and column.
private struct TOMLReader {
  let characters: [Character]
  var offset = 0
  var line = 1
  var column = 1

  init(text: String) { characters = Array(text) }

  var peek: Character? { offset < characters.count ? characters[offset] : nil }

  mutating func advance() {
    guard let character = peek else { return }
    offset += 1
    if character == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
  }

  mutating func consume(_ expected: Character) -> Bool {
    guard peek == expected else { return false }
    advance()
    return true
  }

  func error(_ message: String) -> TOMLLiteError {
    TOMLLiteError(line: line, column: column, message: message)
  }

  mutating func skipSpaces() {
    while peek == " " || peek == "\t" { advance() }
  }

  mutating func skipComment() {
    if peek == "#" { while let character = peek, character != "\n" { advance() } }
  }

  mutating func skipBlankAndComments() {
    while true {
      skipSpaces()
      skipComment()
      guard peek == "\n" || peek == "\r\n" || peek == "\r" else { return }
      advance()
    }
  }

  mutating func endOfLine() throws(TOMLLiteError) {
    skipSpaces()
    skipComment()
    guard peek == nil || peek == "\n" || peek == "\r\n" || peek == "\r" else {
      throw error("unexpected text after the value")
    }
  }

  mutating func key() throws(TOMLLiteError) -> String {
    if peek == "\"" { return try basicString() }
    if peek == "'" { return try literalString() }
    var key = ""
    while let character = peek,
      character.isLetter || character.isNumber || character == "_" || character == "-"
    {
      key.append(character)
      advance()
    }
    guard !key.isEmpty else { throw error("expected a key") }
    return key
  }

  mutating func value() throws(TOMLLiteError) -> TOMLValue {
    let startLine = line
    guard let character = peek else { throw error("expected a value") }
    switch character {
    case "\"":
      if characters.count > offset + 2 && characters[offset + 1] == "\"" && characters[offset + 2] == "\"" {
        throw error("multi-line strings are not supported")
      }
      return TOMLValue(kind: .string(try basicString()), line: startLine)
    case "'": return TOMLValue(kind: .string(try literalString()), line: startLine)
    case "[": return TOMLValue(kind: .array(try arrayValues()), line: startLine)
    case "{": throw error("inline tables are not supported; use a [table] header")
    default:
      var word = ""
      while let next = peek, !" \t\n\r#,]".contains(next) {
        word.append(next)
        advance()
      }
      if word == "true" { return TOMLValue(kind: .boolean(true), line: startLine) }
      if word == "false" { return TOMLValue(kind: .boolean(false), line: startLine) }
      let digits = word.filter { $0 != "_" }
      if let integer = Int(digits) { return TOMLValue(kind: .integer(integer), line: startLine) }
      if let float = Double(digits), digits.contains(where: { $0.isNumber }) {
        return TOMLValue(kind: .float(float), line: startLine)
      }
      throw TOMLLiteError(
        line: startLine, column: column - word.count,
        message: "'\(word)' is not a value (strings need quotes)")
    }
  }

  mutating func arrayValues() throws(TOMLLiteError) -> [TOMLValue] {
    advance()
    var items: [TOMLValue] = []
    while true {
      skipBlankAndComments()
      if consume("]") { return items }
      items.append(try value())
      skipBlankAndComments()
      if consume(",") { continue }
      skipBlankAndComments()
      guard consume("]") else { throw error("expected ',' or ']' in the array") }
      return items
    }
  }

  mutating func basicString() throws(TOMLLiteError) -> String {
    advance()
    var text = ""
    while let character = peek {
      if character == "\n" { break }
      advance()
      if character == "\"" { return text }
      if character == "\\" {
        guard let escaped = peek else { break }
        advance()
        switch escaped {
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "\"": text.append("\"")
        case "\\": text.append("\\")
        case "u":
          var hex = ""
          for _ in 0..<4 {
            if let digit = peek { hex.append(digit) }
            advance()
          }
          guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
            throw error("bad \\u escape")
          }
          text.unicodeScalars.append(scalar)
        default: throw error("unknown escape '\\\(escaped)'")
        }
      } else {
        text.append(character)
      }
    }
    throw error("unterminated string")
  }

  mutating func literalString() throws(TOMLLiteError) -> String {
    advance()
    var text = ""
    while let character = peek, character != "\n" {
      advance()
      if character == "'" { return text }
      text.append(character)
    }
    throw error("unterminated string")
  }
}

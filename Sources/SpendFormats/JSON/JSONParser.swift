/// Why a text is not JSON, and where (1-based line and column).
public struct JSONParseError: Error, Equatable, Sendable {
  /// The line of the offending character.
  public var line: Int
  /// The column of the offending character (in Unicode scalars).
  public var column: Int
  /// What was wrong.
  public var reason: String

  /// Creates an error.
  public init(line: Int, column: Int, reason: String) {
    self.line = line
    self.column = column
    self.reason = reason
  }
}

/// A strict JSON parser (RFC 8259) that keeps numbers as text.
public struct JSONParser {
  private let scalars: [Unicode.Scalar]
  private var position = 0
  private var line = 1
  private var column = 1

  /// Parses a whole document.
  ///
  /// - Throws: `JSONParseError` at the first character that does not fit.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    var parser = JSONParser(scalars: Array(text.unicodeScalars))
    parser.skipSpace()
    let value = try parser.parseValue(depth: 0)
    parser.skipSpace()
    guard parser.position == parser.scalars.count else {
      throw parser.error("unexpected text after the document")
    }
    return value
  }

  private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

  // MARK: - Values

  private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth < 200 else { throw error("nested too deeply") }
    guard let next = peek else { throw error("the document ends where a value should be") }
    switch next {
    case "{": return try parseObject(depth: depth)
    case "[": return try parseArray(depth: depth)
    case "\"": return .string(try parseString())
    case "t":
      try expectWord("true")
      return .bool(true)
    case "f":
      try expectWord("false")
      return .bool(false)
    case "n":
      try expectWord("null")
      return .null
    case "-", "0"..."9": return .number(try parseNumber())
    default: throw error("unexpected character '\(next)'")
    }
  }

  private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
    advance()
    var members: [JSONValue.Member] = []
    skipSpace()
    if peek == "}" {
      advance()
      return .object(members)
    }
    while true {
      skipSpace()
      guard peek == "\"" else { throw error("expected a key in quotes") }
      let key = try parseString()
      guard !members.contains(where: { $0.key == key }) else { throw error("duplicate key \"\(key)\"") }
      skipSpace()
      guard peek == ":" else { throw error("expected ':' after a key") }
      advance()
      skipSpace()
      members.append(JSONValue.Member(key, try parseValue(depth: depth + 1)))
      skipSpace()
      switch peek {
      case ",": advance()
      case "}":
        advance()
        return .object(members)
      default: throw error("expected ',' or '}'")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
    advance()
    var elements: [JSONValue] = []
    skipSpace()
    if peek == "]" {
      advance()
      return .array(elements)
    }
    while true {
      skipSpace()
      elements.append(try parseValue(depth: depth + 1))
      skipSpace()
      switch peek {
      case ",": advance()
      case "]":
        advance()
        return .array(elements)
      default: throw error("expected ',' or ']'")
      }
    }
  }

  // MARK: - Scalars

  private mutating func parseString() throws(JSONParseError) -> String {
    advance()
    var out = String.UnicodeScalarView()
    while true {
      guard let next = peek else { throw error("unterminated string") }
      advance()
      switch next {
      case "\"": return String(out)
      case "\\":
        guard let escape = peek else { throw error("unterminated escape") }
        advance()
        switch escape {
        case "\"", "\\", "/": out.append(escape)
        case "b": out.append("\u{8}")
        case "f": out.append("\u{C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "u": out.append(try parseUnicodeEscape())
        default: throw error("unknown escape '\\\(escape)'")
        }
      case _ where next.value < 0x20: throw error("control character in a string")
      default: out.append(next)
      }
    }
  }

  private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
    let high = try parseHex4()
    if (0xD800...0xDBFF).contains(high) {
      guard peek == "\\" else { throw error("lone surrogate") }
      advance()
      guard peek == "u" else { throw error("lone surrogate") }
      advance()
      let low = try parseHex4()
      guard (0xDC00...0xDFFF).contains(low),
        let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      else { throw error("invalid surrogate pair") }
      return scalar
    }
    guard let scalar = Unicode.Scalar(high) else { throw error("invalid \\u escape") }
    return scalar
  }

  private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let next = peek, let digit = hexDigit(next) else { throw error("expected four hex digits") }
      value = value * 16 + digit
      advance()
    }
    return value
  }

  private func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "0"..."9": return scalar.value - 48
    case "a"..."f": return scalar.value - 87
    case "A"..."F": return scalar.value - 55
    default: return nil
    }
  }

  private mutating func parseNumber() throws(JSONParseError) -> String {
    let start = position
    if peek == "-" { advance() }
    guard let first = peek, isDigit(first) else { throw error("expected a digit") }
    advance()
    if first != "0" { while let next = peek, isDigit(next) { advance() } }
    if peek == "." {
      advance()
      guard let next = peek, isDigit(next) else { throw error("expected a digit after '.'") }
      while let next = peek, isDigit(next) { advance() }
    }
    if peek == "e" || peek == "E" {
      advance()
      if peek == "+" || peek == "-" { advance() }
      guard let next = peek, isDigit(next) else { throw error("expected an exponent") }
      while let next = peek, isDigit(next) { advance() }
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars[start..<position])
    return String(text)
  }

  private mutating func expectWord(_ word: String) throws(JSONParseError) {
    for scalar in word.unicodeScalars {
      guard peek == scalar else { throw error("expected '\(word)'") }
      advance()
    }
  }

  // MARK: - Cursor

  private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  private mutating func advance() {
    if scalars[position] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    position += 1
  }

  private mutating func skipSpace() {
    while let next = peek, next == " " || next == "\t" || next == "\n" || next == "\r" { advance() }
  }

  private func error(_ reason: String) -> JSONParseError {
    JSONParseError(line: line, column: column, reason: reason)
  }
}

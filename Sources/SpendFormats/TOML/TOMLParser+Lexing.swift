/// Strings and the byte-level helpers of the parser.
extension TOMLParser {
  // MARK: - Strings

  mutating func basicString() throws(TOMLSyntaxError) -> String {
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

  mutating func multiLineBasicString() throws(TOMLSyntaxError) -> String {
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

  mutating func literalString() throws(TOMLSyntaxError) -> String {
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

  mutating func multiLineLiteralString() throws(TOMLSyntaxError) -> String {
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
  mutating func lineEndingBackslash() -> Bool {
    var probe = position + 1
    while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 || bytes[probe] == 0x0D {
      probe += 1
    }
    guard probe < bytes.count, bytes[probe] == 0x0A else { return false }
    position = probe
    while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      if byte == 0x0A { newLine() } else { advance() }
    }
    return true
  }

  mutating func escape(into out: inout [UInt8]) throws(TOMLSyntaxError) {
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
        let scalarValue = UInt32(
          String(decoding: bytes[position..<position + digits], as: UTF8.self), radix: 16),
        let scalar = Unicode.Scalar(scalarValue)
      else {
        throw error("\\\(Character(Unicode.Scalar(code))) needs \(digits) hex digits of a Unicode scalar")
      }
      out.append(contentsOf: Array(String(Character(scalar)).utf8))
      position += digits
    default:
      position -= 1
      throw error("unknown escape \\\(Character(Unicode.Scalar(code)))")
    }
  }

  // MARK: - Lexing helpers

  func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  mutating func advance() { position += 1 }

  mutating func newLine() {
    position += 1
    line += 1
    lineStart = position
  }

  func startsWith(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    return text.withUTF8Buffer { Array($0) == Array(bytes[position..<position + count]) }
  }

  mutating func expect(_ character: Unicode.Scalar) throws(TOMLSyntaxError) {
    guard peek() == UInt8(ascii: character) else {
      throw error("expected \(character), found \(peek().map(Self.describe) ?? "the end of the file")")
    }
    advance()
  }

  mutating func skipSpaces() {
    while let byte = peek(), byte == 0x20 || byte == 0x09 { advance() }
  }

  mutating func skipComment() {
    guard peek() == UInt8(ascii: "#") else { return }
    while let byte = peek(), byte != 0x0A { advance() }
  }

  mutating func skipOneNewline() {
    if peek() == 0x0D { advance() }
    if peek() == 0x0A { newLine() }
  }

  mutating func skipBlankLinesAndComments() { skipWhitespaceNewlinesAndComments() }

  mutating func skipWhitespaceNewlinesAndComments() {
    while true {
      skipSpaces()
      skipComment()
      guard let byte = peek(), byte == 0x0A || byte == 0x0D else { return }
      if byte == 0x0A { newLine() } else { advance() }
    }
  }

  mutating func endOfLine() throws(TOMLSyntaxError) {
    skipSpaces()
    skipComment()
    if peek() == 0x0D { advance() }
    guard let byte = peek() else { return }
    guard byte == 0x0A else { throw error("expected the end of the line, found \(Self.describe(byte))") }
    newLine()
  }

  func error(_ message: String) -> TOMLSyntaxError {
    TOMLSyntaxError(line: line, column: position - lineStart + 1, message: message)
  }

  func with(_ base: TOMLSyntaxError, _ message: String) -> TOMLSyntaxError {
    TOMLSyntaxError(line: base.line, column: base.column, message: message)
  }

  static func describe(_ byte: UInt8) -> String {
    switch byte {
    case 0x0A, 0x0D: return "the end of the line"
    case 0x20...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
    default: return "byte 0x\(String(byte, radix: 16))"
    }
  }
}

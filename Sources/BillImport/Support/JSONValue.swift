/// A parsed JSON document: enough of JSON for manifests and the map columns of CUR 2.0 and FOCUS.
///
/// Numbers keep their text so that nothing passes through `Double`.
enum JSONValue: Equatable, Sendable {
  case object([(key: String, value: JSONValue)])
  case array([JSONValue])
  case string(String)
  case number(String)
  case bool(Bool)
  case null

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let a), .array(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.null, .null): return true
    default: return false
    }
  }

  /// The member named `key` of an object (first match), or nil.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The value as text: strings as they are, numbers and booleans as written, nil for the rest.
  var scalarText: String? {
    switch self {
    case .string(let text), .number(let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    default: return nil
    }
  }

  /// Parses a whole document.
  ///
  /// - Throws: `JSONSyntaxError` with the byte offset of the problem.
  static func parse<C: Collection<UInt8>>(_ bytes: C) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: Array(bytes))
    let value = try parser.value()
    parser.skipSpace()
    guard parser.atEnd else { throw JSONSyntaxError(offset: parser.position, expected: "end of document") }
    return value
  }
}

/// Where and why a JSON text could not be parsed.
struct JSONSyntaxError: Error, Equatable, Sendable {
  /// Byte offset of the problem.
  var offset: Int
  /// What the parser expected there.
  var expected: String
}

/// A recursive-descent JSON parser over bytes.
private struct JSONParser {
  let bytes: [UInt8]
  var position = 0
  var depth = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool { position >= bytes.count }

  mutating func skipSpace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
  }

  mutating func value() throws(JSONSyntaxError) -> JSONValue {
    skipSpace()
    guard position < bytes.count else { throw fail("a value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  private func fail(_ expected: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: position, expected: expected)
  }

  private mutating func nest() throws(JSONSyntaxError) {
    depth += 1
    guard depth < 200 else { throw fail("less nesting") }
  }

  private mutating func object() throws(JSONSyntaxError) -> JSONValue {
    try nest()
    position += 1
    var members: [(key: String, value: JSONValue)] = []
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("a member name") }
      let key = try string()
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw fail("':'") }
      position += 1
      members.append((key, try value()))
      skipSpace()
      guard position < bytes.count else { throw fail("',' or '}'") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "}") else { throw fail("',' or '}'") }
      position += 1
      depth -= 1
      return .object(members)
    }
  }

  private mutating func array() throws(JSONSyntaxError) -> JSONValue {
    try nest()
    position += 1
    var elements: [JSONValue] = []
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      elements.append(try value())
      skipSpace()
      guard position < bytes.count else { throw fail("',' or ']'") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "]") else { throw fail("',' or ']'") }
      position += 1
      depth -= 1
      return .array(elements)
    }
  }

  private mutating func literal(_ word: String, _ result: JSONValue) throws(JSONSyntaxError) -> JSONValue {
    let expected = Array(word.utf8)
    guard bytes.count - position >= expected.count,
      Array(bytes[position..<position + expected.count]) == expected
    else { throw fail(word) }
    position += expected.count
    return result
  }

  private mutating func number() throws(JSONSyntaxError) -> JSONValue {
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      let isNumberByte =
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
      guard isNumberByte else { break }
      position += 1
    }
    guard position > start else { throw fail("a value") }
    return .number(String(decoding: bytes[start..<position], as: UTF8.self))
  }

  private mutating func string() throws(JSONSyntaxError) -> String {
    position += 1
    var out: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return String(decoding: out, as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") {
        position += 1
        guard position < bytes.count else { break }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"): out.append(contentsOf: Array(String(try unicodeEscape()).utf8))
        default: out.append(escape)
        }
        continue
      }
      out.append(byte)
      position += 1
    }
    throw fail("a closing '\"'")
  }

  private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
    guard bytes.count - position >= 4 else { throw fail("four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw fail("a hex digit")
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }

  private mutating func unicodeEscape() throws(JSONSyntaxError) -> Character {
    var scalar = try hexQuad()
    if (0xD800..<0xDC00).contains(scalar), bytes.count - position >= 6,
      bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
    {
      position += 2
      let low = try hexQuad()
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
    }
    return Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")
  }
}

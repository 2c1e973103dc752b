/// A JSON document as spendtop writes and reads it: numbers are kept as their decimal text, so
/// amounts go from `Money` to the file and back without ever passing through `Double`.
///
/// One implementation for every JSON in spendtop: bill manifests and the map columns of CUR 2.0
/// and FOCUS (read), report snapshots (read and written), report and ledger output (written).
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, as its JSON text (`12.5`, `-0.0000000021`).
  case number(String)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object with its members in order (keys unique).
  case object([Member])

  /// An object member.
  public struct Member: Sendable, Equatable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  // MARK: - Access

  /// The member named `key` of an object, or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The string, or nil for any other value.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The number's text, or nil for any other value.
  public var numberText: String? {
    if case .number(let text) = self { return text }
    return nil
  }

  /// The elements of an array, or nil.
  public var arrayValue: [JSONValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// The value as text: strings as they are, numbers and booleans as written, nil for the rest.
  public var scalarText: String? {
    switch self {
    case .string(let text), .number(let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    default: return nil
    }
  }

  // MARK: - Reading

  /// Parses a whole document from UTF-8 bytes (invalid UTF-8 reads as U+FFFD).
  ///
  /// - Throws: `JSONParseError` at the first character that does not fit.
  public static func parse<C: Collection<UInt8>>(_ bytes: C) throws(JSONParseError) -> JSONValue {
    try JSONParser.parse(String(decoding: bytes, as: UTF8.self))
  }

  // MARK: - Writing

  /// The document pretty-printed with two-space indentation and a final newline.
  public func rendered() -> String {
    var out = ""
    write(into: &out, indent: "")
    return out + "\n"
  }

  private func write(into out: inout String, indent: String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let text): out += text
    case .string(let text): out += JSONValue.quoted(text)
    case .array(let elements):
      guard !elements.isEmpty else {
        out += "[]"
        return
      }
      let inner = indent + "  "
      out += "["
      for (index, element) in elements.enumerated() {
        out += (index == 0 ? "\n" : ",\n") + inner
        element.write(into: &out, indent: inner)
      }
      out += "\n" + indent + "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      let inner = indent + "  "
      out += "{"
      for (index, member) in members.enumerated() {
        out += (index == 0 ? "\n" : ",\n") + inner + JSONValue.quoted(member.key) + ": "
        member.value.write(into: &out, indent: inner)
      }
      out += "\n" + indent + "}"
    }
  }

  /// A JSON string literal: `text` in double quotes, with quotes, backslashes and control
  /// characters escaped.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

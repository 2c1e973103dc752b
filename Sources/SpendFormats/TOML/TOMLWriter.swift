import SpendModel

/// Writes TOML text line by line in the order it is told: the caller decides the layout, so
/// files come out the same for the same content and diff cleanly.
public struct TOMLWriter {
  /// The text written so far.
  public private(set) var text = ""

  /// An empty writer.
  public init() {}

  /// A `# comment` line (one per line of `comment`).
  public mutating func comment(_ comment: String) {
    for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
      text += line.isEmpty ? "#\n" : "# \(line)\n"
    }
  }

  /// An empty line, unless the text already ends with one or is empty.
  public mutating func blankLine() {
    guard !text.isEmpty, !text.hasSuffix("\n\n") else { return }
    text += "\n"
  }

  /// A `[name]` header after a blank line.
  public mutating func table(_ name: String) {
    blankLine()
    text += "[\(TOMLLiteral.key(name))]\n"
  }

  /// A `[[name]]` header after a blank line.
  public mutating func arrayTable(_ name: String) {
    blankLine()
    text += "[[\(TOMLLiteral.key(name))]]\n"
  }

  /// `key = literal` where `literal` is already TOML.
  public mutating func set(_ key: String, literal: String) {
    text += "\(TOMLLiteral.key(key)) = \(literal)\n"
  }

  /// `key = "text"`, or a multi-line string when the text holds line breaks.
  public mutating func set(_ key: String, _ value: String) {
    set(key, literal: value.contains("\n") ? TOMLLiteral.multiLineString(value) : TOMLLiteral.string(value))
  }

  /// `key = text` when there is text; nothing otherwise.
  public mutating func setIfPresent(_ key: String, _ value: String?) {
    if let value, !value.isEmpty { set(key, value) }
  }

  /// `key = 123.45` (exact decimal) when there is an amount.
  public mutating func setIfPresent(_ key: String, _ value: Money?) {
    if let value { set(key, literal: value.exactDecimal()) }
  }

  /// `key = 12` when there is a number.
  public mutating func setIfPresent(_ key: String, _ value: Int?) {
    if let value { set(key, literal: String(value)) }
  }

  /// `key = YYYY-MM-DD` when there is a day.
  public mutating func setIfPresent(_ key: String, _ value: Day?) {
    if let value { set(key, literal: value.description) }
  }
}

/// TOML spellings of keys and strings.
public enum TOMLLiteral {
  /// A bare key when possible, else a quoted one.
  public static func key(_ key: String) -> String {
    let bare =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy { scalar in
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
          || scalar == "_" || scalar == "-"
      }
    return bare ? key : string(key)
  }

  /// A basic string with escapes.
  public static func string(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// A multi-line basic string: `"""` newline, the text, `"""`.
  public static func multiLineString(_ value: String) -> String {
    var body = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\\": body += "\\\\"
      case "\"": body += body.hasSuffix("\"\"") ? "\\\"" : "\""
      case "\n": body += "\n"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        body += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: body.unicodeScalars.append(scalar)
      }
    }
    if body.hasSuffix("\"") { body = String(body.dropLast()) + "\\\"" }
    return "\"\"\"\n" + body + "\"\"\""
  }
}

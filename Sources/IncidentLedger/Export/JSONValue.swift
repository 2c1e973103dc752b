import SpendModel

/// A JSON value written deterministically: object keys in the order given, numbers as exact
/// decimal text (never through `Double`).
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number's JSON text, e.g. `47012.5`.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// A money amount as an exact JSON number in dollars, or `null`.
  public static func money(_ amount: Money?) -> JSONValue {
    amount.map { .number($0.exactDecimal()) } ?? .null
  }

  /// The JSON text, indented by two spaces per level.
  public func rendered() -> String {
    var out = ""
    write(to: &out, indent: 0)
    return out
  }

  private func write(to out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closing = String(repeating: "  ", count: indent)
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let text): out += text
    case .string(let text): out += Self.quoted(text)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += pad
        item.write(to: &out, indent: indent + 1)
        out += index + 1 < items.count ? ",\n" : "\n"
      }
      out += closing + "]"
    case .object(let pairs):
      guard !pairs.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      for (index, pair) in pairs.enumerated() {
        out += pad + Self.quoted(pair.0) + ": "
        pair.1.write(to: &out, indent: indent + 1)
        out += index + 1 < pairs.count ? ",\n" : "\n"
      }
      out += closing + "}"
    }
  }

  static func quoted(_ text: String) -> String {
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

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
}

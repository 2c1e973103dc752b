/// A series' tags as stored inline in `series.tags`: a JSON object from tag key label id to tag
/// value label id, `{"12":34,"15":40}`, in key-text order (`Tags.keyPrecedes`: UTF-8 bytes, as
/// SQLite's `ORDER BY`); `{}` for no tags.
///
/// JSON so that SQL reads one tag with `json_extract(tags, '$."12"')`; written and read here
/// without a JSON parser, as only this shape is ever stored (SQLite's `json_group_object` writes
/// the same text in the schema 3 migration).
enum SeriesTags {
  /// The text of no tags.
  static let none = "{}"

  /// The text of label id pairs (key, value, key, value, …).
  static func text(of pairs: [Int64]) -> String {
    guard pairs.count >= 2 else { return none }
    var bytes: [UInt8] = [UInt8(ascii: "{")]
    bytes.reserveCapacity(2 + pairs.count * 8)
    var position = 0
    while position + 1 < pairs.count {
      if position > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(UInt8(ascii: "\""))
      appendDecimal(pairs[position], to: &bytes)
      bytes.append(UInt8(ascii: "\""))
      bytes.append(UInt8(ascii: ":"))
      appendDecimal(pairs[position + 1], to: &bytes)
      position += 2
    }
    bytes.append(UInt8(ascii: "}"))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `value` in decimal, as `"\(value)"` writes it.
  private static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var divisor: UInt64 = 1
    while magnitude / divisor >= 10 { divisor *= 10 }
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
      magnitude %= divisor
      divisor /= 10
    } while divisor > 0
  }

  /// The label id pairs (key, value, key, value, …) of a stored text, or nil when it is not one.
  static func ids(of text: String) -> [Int64]? {
    var ids: [Int64] = []
    var current: Int64?
    var expectsKey = true
    let bytes = Array(text.utf8)
    guard bytes.count >= 2, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
      return nil
    }
    for byte in bytes.dropFirst().dropLast() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let (times, overflow) = (current ?? 0).multipliedReportingOverflow(by: 10)
        guard !overflow else { return nil }
        current = times + Int64(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "\""): continue
      case UInt8(ascii: ":"), UInt8(ascii: ","):
        guard let id = current, expectsKey == (byte == UInt8(ascii: ":")) else { return nil }
        ids.append(id)
        current = nil
        expectsKey.toggle()
      default: return nil
      }
    }
    if let id = current {
      guard !expectsKey else { return nil }
      ids.append(id)
    } else if !ids.isEmpty {
      return nil
    }
    return ids
  }
}

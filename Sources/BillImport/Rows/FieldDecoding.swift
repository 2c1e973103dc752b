import SpendModel

/// Turns field bytes into days and amounts, without allocating.
enum FieldDecoding {
  /// The UTC day a timestamp starts on: `2023-11-01`, `2023-11-01T00:00:00Z`,
  /// `2023-11-01T00:00:00.000Z`, `2018-10-01 00:00:00`, `2022-07-01 00:00:00.000`.
  ///
  /// - Returns: nil when the field does not start with a valid `YYYY-MM-DD` followed by the end,
  ///   `T` or a space.
  @inline(__always)
  static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    if bytes.count > 10 && bytes[10] != UInt8(ascii: "T") && bytes[10] != UInt8(ascii: " ") { return nil }
    guard let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
      Day.isValid(year: year, month: month, day: day)
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  @inline(__always)
  private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for index in start..<start + count {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return value
  }

  /// Whether a field is SQL/FOCUS `NULL` (or Hive `\N`).
  @inline(__always)
  static func isNullText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.count == 4 {
      return bytes[0] | 0x20 == UInt8(ascii: "n") && bytes[1] | 0x20 == UInt8(ascii: "u")
        && bytes[2] | 0x20 == UInt8(ascii: "l") && bytes[3] | 0x20 == UInt8(ascii: "l")
    }
    return bytes.count == 2 && bytes[0] == UInt8(ascii: "\\") && bytes[1] == UInt8(ascii: "N")
  }

  /// Parses an amount; an empty field is zero.
  ///
  /// - Returns: nil when the text is not a decimal amount.
  @inline(__always)
  static func money(_ bytes: UnsafeBufferPointer<UInt8>) -> Money? {
    if bytes.isEmpty { return .zero }
    return try? Money.parse(bytes)
  }

  /// A short quotation of a field for error messages, escaped (`FieldText.quote`).
  static func quote(_ bytes: UnsafeBufferPointer<UInt8>) -> String { FieldText.quote(bytes) }
}

/// Remembers the last day field decoded, since consecutive rows usually share it.
struct DayCache {
  private var lastDate: [UInt8] = []
  private var lastDay = Day(ordinal: 0)

  /// The day of a timestamp field, from cache when its first ten bytes repeat.
  @inline(__always)
  mutating func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    if bytes.count >= 10, lastDate.count == 10,
      bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ")
    {
      var same = true
      for index in 0..<10 where lastDate[index] != bytes[index] {
        same = false
        break
      }
      if same { return lastDay }
    }
    guard let day = FieldDecoding.day(bytes) else { return nil }
    lastDate = Array(bytes.prefix(10))
    lastDay = day
    return day
  }
}

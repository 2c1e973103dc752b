/// Checks field text from bills and shows it safely in messages.
///
/// Dimension values (services, accounts, resources, tags) must be UTF-8 without control
/// characters: AWS never writes others, and text that is not what it claims (a Latin-1 export, a
/// binary file) would otherwise be repaired into U+FFFD, merging distinct values silently. Anything
/// quoted in a message is escaped so that input cannot drive the terminal (`\x1B` is shown, not
/// sent).
enum FieldText {
  /// Why bytes are not acceptable text.
  enum Problem: Equatable {
    /// A byte that does not belong to a valid UTF-8 sequence, at a byte offset.
    case invalidUTF8(offset: Int, byte: UInt8)
    /// A control character (C0, DEL or C1), at a byte offset.
    case controlCharacter(offset: Int, scalar: UInt32)

    /// `expected UTF-8 text, found byte 0xFF at byte 7`.
    var expectation: String {
      switch self {
      case .invalidUTF8(let offset, let byte):
        return "expected UTF-8 text, found byte " + hex(byte) + " (not UTF-8) at byte \(offset + 1)"
      case .controlCharacter(let offset, let scalar):
        return "expected text without control characters, found U+" + hex4(scalar) + " at byte \(offset + 1)"
      }
    }
  }

  // MARK: - Checking

  /// The first problem in `bytes`, or nil when they are UTF-8 text without control characters.
  ///
  /// - Parameter allowsControlCharacters: check only UTF-8 validity (for raw JSON, whose
  ///   whitespace may be newlines and tabs).
  static func problem(_ bytes: UnsafeBufferPointer<UInt8>, allowsControlCharacters: Bool = false) -> Problem? {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        if !allowsControlCharacters, lead < 0x20 || lead == 0x7F {
          return .controlCharacter(offset: index, scalar: UInt32(lead))
        }
        index += 1
        continue
      }
      guard let length = sequenceLength(bytes, index) else { return .invalidUTF8(offset: index, byte: lead) }
      if !allowsControlCharacters, lead == 0xC2, bytes[index + 1] < 0xA0 {
        return .controlCharacter(offset: index, scalar: UInt32(bytes[index + 1]))
      }
      index += length
    }
    return nil
  }

  /// The length of the valid UTF-8 sequence at `index` (2–4 bytes; ASCII is handled by the
  /// caller), or nil when the bytes there are not one (overlong, surrogate, beyond U+10FFFF, cut).
  private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, low) = (3, 0xA0)
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: (length, high) = (3, 0x9F)
    case 0xF0: (length, low) = (4, 0x90)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, high) = (4, 0x8F)
    default: return nil
    }
    guard index + length <= bytes.count else { return nil }
    let second = bytes[index + 1]
    guard second >= low, second <= high else { return nil }
    for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
    return length
  }

  // MARK: - Showing

  /// A field quoted for a message, at most `limit` bytes of it: invalid bytes shown as `\xFF`,
  /// control characters as `\x1B` / `\u{85}`, a trailing `…` when cut.
  static func quote(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 60) -> String {
    let shown = UnsafeBufferPointer(rebasing: bytes.prefix(limit))
    var text = ""
    var index = 0
    while index < shown.count {
      let lead = shown[index]
      if lead < 0x80 {
        if lead < 0x20 || lead == 0x7F { text += "\\x" + hex(lead).dropFirst(2) } else { text.unicodeScalars.append(Unicode.Scalar(lead)) }
        index += 1
        continue
      }
      guard let length = sequenceLength(shown, index) else {
        text += "\\x" + hex(lead).dropFirst(2)
        index += 1
        continue
      }
      text += escaping(String(decoding: UnsafeBufferPointer(rebasing: shown[index..<index + length]), as: UTF8.self))
      index += length
    }
    return "\"" + text + (bytes.count > limit ? "…" : "") + "\""
  }

  /// `text` with control characters (C0 but newline-free, DEL, C1) escaped as `\x1B` / `\u{85}`.
  static func escaping(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if !isControl(scalar) {
        out.unicodeScalars.append(scalar)
      } else if scalar.value < 0x80 {
        out += "\\x" + hex(UInt8(scalar.value)).dropFirst(2)
      } else {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return out
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count == 1 ? "0" + digits : digits)
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

/// Why a text is not an amount of money.
public enum MoneyParseError: Error, Equatable, Sendable {
  /// The text is empty.
  case empty
  /// The character at this zero-based offset cannot appear there (an offset equal to the
  /// length means the text ended too early).
  case unexpectedCharacter(offset: Int)
  /// The amount does not fit (more than about 10²⁷).
  case outOfRange
}

extension Money {
  /// Parses a decimal amount as billing exports write it.
  ///
  /// Accepts an optional sign, digits with an optional fraction, and an optional exponent
  /// (`1e-06`, `9.984E-7`, `-2.1e-9`, `+3`, `.5`). Digits beyond the tenth decimal are
  /// rounded half to even. Surrounding spaces are not accepted: callers trim.
  ///
  /// - Throws: `MoneyParseError` naming the offending character.
  public init(parsing text: String) throws {
    var utf8 = Array(text.utf8)
    self = try utf8.withUnsafeMutableBufferPointer { buffer in
      try Money.parse(UnsafeBufferPointer(buffer))
    }
  }

  /// Parses an amount from ASCII bytes without allocating; see `init(parsing:)`.
  ///
  /// - Parameter bytes: the field's bytes, unquoted.
  /// - Returns: the exact amount.
  /// - Throws: `MoneyParseError`.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(MoneyParseError) -> Money {
    let count = bytes.count
    guard count > 0 else { throw .empty }
    var index = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      index = 1
    }
    // Mantissa digits accumulate into `digits` (at most 36 significant digits kept exactly);
    // `pointShift` counts digits after the decimal point.
    var digits: Int128 = 0
    var significant = 0
    var dropped = 0  // digits beyond what fits, before the point (scale up) or after (ignored)
    var pointShift = 0
    var sawDigit = false
    var sawPoint = false
    var roundingTail = false  // a non-zero digit was dropped after the kept ones
    var firstDropped: UInt8 = 0
    var firstDroppedSet = false
    while index < count {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        sawDigit = true
        if significant < 36 {
          if digits != 0 || byte != 0x30 { significant += 1 }
          digits = digits * 10 + Int128(byte - 0x30)
          if sawPoint { pointShift += 1 }
        } else {
          if !sawPoint { dropped += 1 }
          if !firstDroppedSet {
            firstDropped = byte - 0x30
            firstDroppedSet = true
          } else if byte != 0x30 {
            roundingTail = true
          }
        }
      } else if byte == UInt8(ascii: ".") && !sawPoint {
        sawPoint = true
      } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        break
      } else {
        throw .unexpectedCharacter(offset: index)
      }
      index += 1
    }
    guard sawDigit else { throw .unexpectedCharacter(offset: index) }
    var exponent = 0
    if index < count {
      // Exponent part.
      index += 1
      var exponentNegative = false
      if index < count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
        exponentNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      guard index < count else { throw .unexpectedCharacter(offset: count) }
      while index < count {
        let byte = bytes[index]
        guard byte >= 0x30 && byte <= 0x39 else { throw .unexpectedCharacter(offset: index) }
        if exponent < 10_000 { exponent = exponent * 10 + Int(byte - 0x30) }
        index += 1
      }
      if exponentNegative { exponent = -exponent }
    }
    // value = digits × 10^(dropped + exponent − pointShift); units = value × 10^scale.
    let shift = dropped + exponent - pointShift + Money.scale
    var units: Int128
    if shift >= 0 {
      guard shift <= 38 else { throw .outOfRange }
      units = digits
      for _ in 0..<shift {
        let (product, overflow) = units.multipliedReportingOverflow(by: 10)
        guard !overflow else { throw .outOfRange }
        units = product
      }
    } else {
      let drop = -shift
      if drop > 38 {
        units = 0
        if digits != 0 { roundingTail = true }
        firstDroppedSet = false
      } else {
        var divisor: Int128 = 1
        for _ in 0..<drop { divisor *= 10 }
        let quotient = digits / divisor
        let remainder = digits % divisor
        // Round half to even on the remainder plus any digits already dropped.
        let twice = remainder * 2
        var roundUp = false
        if twice > divisor {
          roundUp = true
        } else if twice == divisor {
          roundUp = roundingTail || (firstDroppedSet && firstDropped != 0) || quotient % 2 != 0
        }
        units = roundUp ? quotient + 1 : quotient
      }
    }
    return Money(units: negative ? -units : units)
  }
}

/// An exact amount of money in fixed point: 1 unit = 10⁻¹⁰ of the currency.
///
/// AWS prints costs with up to ten decimals, often in E-notation (`9.984E-7`), so a `Double`
/// loses cents over millions of rows. `Money` keeps every amount exact: parsing rounds only
/// beyond the tenth decimal (half to even), and sums never round at all. The storage is
/// `Int128`, so no realistic bill can overflow a total.
///
///     let cost = try Money(parsing: "1.5E-3")   // 0.0015
///     cost.formatted(decimals: 6)                // "0.001500"
public struct Money: Hashable, Comparable, Sendable {
  /// Units per whole currency unit (10¹⁰).
  public static let unitsPerWhole: Int128 = 10_000_000_000
  /// Decimal digits kept after the point.
  public static let scale = 10

  /// The amount in 10⁻¹⁰ currency units.
  public var units: Int128

  /// Creates an amount from raw 10⁻¹⁰ units.
  public init(units: Int128) { self.units = units }

  /// Creates an amount of whole currency units.
  public init(whole: Int) { self.units = Int128(whole) * Money.unitsPerWhole }

  /// Creates an amount from whole and hundredths, as people write prices (`Money(cents: 1999)`).
  public init(cents: Int) { self.units = Int128(cents) * (Money.unitsPerWhole / 100) }

  /// Zero.
  public static let zero = Money(units: 0)

  /// Whether the amount is exactly zero.
  public var isZero: Bool { units == 0 }

  // MARK: - Arithmetic

  public static func + (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units + rhs.units) }
  public static func - (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units - rhs.units) }
  public static prefix func - (value: Money) -> Money { Money(units: -value.units) }
  public static func += (lhs: inout Money, rhs: Money) { lhs.units += rhs.units }
  public static func -= (lhs: inout Money, rhs: Money) { lhs.units -= rhs.units }
  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.units < rhs.units }

  /// The amount multiplied by an integer count (people × hours, months × delta).
  public static func * (lhs: Money, rhs: Int) -> Money { Money(units: lhs.units * Int128(rhs)) }

  /// The amount multiplied by an exact decimal factor, rounded half to even at 10⁻¹⁰.
  ///
  /// - Parameter factor: a decimal such as `1.5` hours or `0.75` of a role weight.
  public func multiplied(by factor: Money) -> Money {
    Money(units: Money.divideRounded(units * factor.units, by: Money.unitsPerWhole))
  }

  /// The amount divided by an integer, rounded half to even at 10⁻¹⁰.
  public func divided(by divisor: Int) -> Money {
    precondition(divisor != 0, "division of money by zero")
    return Money(units: Money.divideRounded(units, by: Int128(divisor)))
  }

  /// The ratio of two amounts as a `Double` (for percentages and scores, never for sums).
  public func ratio(to other: Money) -> Double? {
    other.isZero ? nil : Double(units) / Double(other.units)
  }

  /// The amount as a `Double` in whole currency units: for statistics and charts only.
  public var doubleValue: Double { Double(units) / Double(Money.unitsPerWhole) }

  /// The nearest amount to a `Double` value in whole currency units (for statistical estimates
  /// such as a median baseline; never for sums of bill lines).
  public init(approximately value: Double) {
    let scaled = (value * Double(Money.unitsPerWhole)).rounded(.toNearestOrEven)
    self.units = scaled.isFinite ? Int128(scaled) : 0
  }

  /// Integer division rounded half to even (banker's rounding), for fixed-point arithmetic on
  /// units: money scaled by a factor, percentages in hundredths.
  public static func divideRounded(_ numerator: Int128, by denominator: Int128) -> Int128 {
    let quotient = numerator / denominator
    let remainder = numerator % denominator
    if remainder == 0 { return quotient }
    let twice = remainder.magnitude * 2
    let away: Int128 = (numerator < 0) != (denominator < 0) ? -1 : 1
    if twice > denominator.magnitude || (twice == denominator.magnitude && quotient % 2 != 0) {
      return quotient + away
    }
    return quotient
  }
}

// MARK: - Formatting

extension Money: CustomStringConvertible {
  /// The exact amount with all ten decimals, trailing zeros trimmed (`"12.5"`, `"-0.0000000021"`).
  public var description: String { exactDecimal() }

  /// The exact amount in plain decimal notation with trailing zeros trimmed, but at least
  /// `minimumDecimals` decimals: a valid JSON number, never E-notation.
  public func exactDecimal(minimumDecimals: Int = 0) -> String {
    let negative = units < 0
    let magnitude = units.magnitude
    let whole = magnitude / UInt128(Money.unitsPerWhole)
    var fraction = String(magnitude % UInt128(Money.unitsPerWhole))
    fraction = String(repeating: "0", count: Money.scale - fraction.count) + fraction
    while fraction.count > minimumDecimals, fraction.last == "0" { fraction.removeLast() }
    let body = fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
    return negative && magnitude != 0 ? "-" + body : body
  }

  /// The amount rounded half to even to `decimals` places (0...10), e.g. `"1234.57"`.
  ///
  /// - Parameters:
  ///   - decimals: digits after the point.
  ///   - grouping: insert `,` between thousands.
  public func formatted(decimals: Int = 2, grouping: Bool = false) -> String {
    precondition((0...Money.scale).contains(decimals))
    var divisor: Int128 = 1
    for _ in 0..<(Money.scale - decimals) { divisor *= 10 }
    let rounded = Money.divideRounded(units, by: divisor)
    let negative = rounded < 0
    let magnitude = rounded.magnitude
    var power: UInt128 = 1
    for _ in 0..<decimals { power *= 10 }
    var whole = String(magnitude / power)
    if grouping { whole = Money.groupThousands(whole) }
    var text = whole
    if decimals > 0 {
      let fraction = String(magnitude % power)
      text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return negative ? "-" + text : text
  }

  /// A currency amount for people: `$1,234.57`, `-$3.00`.
  public func dollars(decimals: Int = 2) -> String {
    let text = formatted(decimals: decimals, grouping: true)
    return text.hasPrefix("-") ? "-$" + text.dropFirst() : "$" + text
  }

  /// A compact amount for narrow columns: `$812`, `$4.2k`, `$51.0k`, `$1.3M`.
  public func compactDollars() -> String {
    let value = abs(doubleValue)
    let sign = units < 0 ? "-" : ""
    switch value {
    case ..<1_000: return sign + "$" + formatted(decimals: value < 10 ? 2 : 0).trimmingSign()
    case ..<1_000_000: return sign + "$" + oneDecimal(value / 1_000) + "k"
    case ..<1_000_000_000: return sign + "$" + oneDecimal(value / 1_000_000) + "M"
    default: return sign + "$" + oneDecimal(value / 1_000_000_000) + "B"
    }
  }

  private func oneDecimal(_ value: Double) -> String {
    Money(approximately: value).formatted(decimals: 1)
  }

  private static func groupThousands(_ digits: String) -> String {
    var out: [Character] = []
    for (index, character) in digits.reversed().enumerated() {
      if index > 0, index % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return String(out.reversed())
  }
}

extension String {
  fileprivate func trimmingSign() -> String { hasPrefix("-") ? String(dropFirst()) : self }
}

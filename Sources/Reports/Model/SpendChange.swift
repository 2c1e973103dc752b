import SpendModel

/// An amount now and before, with its change in dollars and percent.
public struct SpendChange: Hashable, Sendable {
  /// The amount in the period reported on.
  public var current: Money
  /// The amount in the period compared against.
  public var previous: Money

  /// Creates a change.
  public init(current: Money, previous: Money) {
    self.current = current
    self.previous = previous
  }

  /// `current − previous`, exact.
  public var delta: Money { current - previous }

  /// `delta / previous` in percent, rounded half to even to hundredths; nil when `previous` is zero.
  public var deltaPercent: Percent? { Percent(delta, of: previous) }
}

/// A percentage held exactly to hundredths of a percent (`12.34%` is 1234), computed from money
/// without going through `Double`.
public struct Percent: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Hundredths of a percent.
  public var hundredths: Int128

  /// Creates a percentage from hundredths of a percent.
  public init(hundredths: Int128) { self.hundredths = hundredths }

  /// `part / whole × 100`, rounded half to even to hundredths; nil when `whole` is zero.
  public init?(_ part: Money, of whole: Money) {
    guard !whole.isZero else { return nil }
    hundredths = Money.divideRounded(part.units * 10_000, by: whole.units)
  }

  /// The percentage as a plain decimal with two places (`12.34`, `-0.50`): a valid JSON number.
  public var description: String {
    let magnitude = hundredths.magnitude
    let fraction = String(magnitude % 100)
    let body = "\(magnitude / 100)." + (fraction.count == 1 ? "0" + fraction : fraction)
    return hundredths < 0 ? "-" + body : body
  }

  /// The percentage as a `Double` (for charts only).
  public var doubleValue: Double { Double(hundredths) / 100 }

  public static func < (lhs: Percent, rhs: Percent) -> Bool { lhs.hundredths < rhs.hundredths }
}

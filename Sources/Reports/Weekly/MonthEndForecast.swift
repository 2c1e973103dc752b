import SpendModel

/// Where the month's bill will land: month to date plus the recent usage run rate over the days left,
/// with a 90% interval.
///
/// Method (deliberately simple and explainable in a review):
/// - **Run rate** r = mean daily *usage* cost over the last 7 days of data (fewer if the data is
///   shorter). Calendar charges (tax, fees, credits) are not extrapolated: what is already billed
///   counts, nothing more is added for them.
/// - **Central** = month to date + r × days left in the month.
/// - **Interval**: residuals eᵢ = xᵢ − r of daily usage over the last 14 days give
///   s = √(Σeᵢ² / (n − 1)); the sum of the R days left varies by s²·R, the rate's own error adds
///   s²·R²/7, so the half-width is 1.645·s·√(R + R²/7) (a 90% normal interval). The low end never
///   goes below month to date. Low and high are statistical estimates, rounded to cents.
public struct MonthEndForecast: Hashable, Sendable {
  /// The month forecast.
  public var month: Month
  /// The last day of data used.
  public var through: Day
  /// Spend from the first of the month to `through`, exact.
  public var monthToDate: Money
  /// Mean daily usage over `rateDays` days.
  public var usageRunRate: Money
  /// Days the run rate averages (7 unless the data is shorter).
  public var rateDays: Int
  /// Days the spread is measured over (14 unless the data is shorter).
  public var spreadDays: Int
  /// Days of the month after `through`.
  public var remainingDays: Int
  /// The central projection.
  public var monthEnd: Money
  /// The low end of the 90% interval.
  public var low: Money
  /// The high end of the 90% interval.
  public var high: Money

  /// The z value of a two-sided 90% normal interval.
  static let z90 = 1.645

  /// Projects the month of `through`.
  ///
  /// - Parameters:
  ///   - monthToDate: spend from the first of the month to `through`, every charge kind.
  ///   - recentUsage: daily usage cost of up to the last 14 days of data, oldest first, ending `through`.
  ///   - through: the last day of data.
  public init(monthToDate: Money, recentUsage: [Money], through: Day) {
    month = through.month
    self.through = through
    self.monthToDate = monthToDate
    remainingDays = through.distance(to: through.month.lastDay)
    let spread = Array(recentUsage.suffix(14))
    let rateWindow = Array(spread.suffix(7))
    spreadDays = spread.count
    rateDays = rateWindow.count
    usageRunRate = rateWindow.isEmpty ? .zero : rateWindow.reduce(.zero, +).divided(by: rateWindow.count)
    monthEnd = monthToDate + usageRunRate * remainingDays
    let rate = usageRunRate.doubleValue
    var squares = 0.0
    for amount in spread { squares += (amount.doubleValue - rate) * (amount.doubleValue - rate) }
    let deviation = spread.count > 1 ? (squares / Double(spread.count - 1)).squareRoot() : 0
    let days = Double(remainingDays)
    let halfWidth =
      rateDays == 0 ? 0 : Self.z90 * deviation * (days + days * days / Double(rateDays)).squareRoot()
    let center = monthEnd.doubleValue
    low = max(monthToDate, Money(approximately: center - halfWidth)).roundedToCents
    high = Money(approximately: center + halfWidth).roundedToCents
    if remainingDays == 0 {
      low = monthEnd
      high = monthEnd
    }
  }
}

extension Money {
  /// The amount rounded half to even to whole cents.
  var roundedToCents: Money {
    let cent = Money.unitsPerWhole / 100
    return Money(units: Money.divideRounded(units, by: cent) * cent)
  }
}

import SpendModel

/// One window day of an overage: what was billed and what the frozen baseline expected.
public struct DailyOverage: Hashable, Sendable {
  /// The day.
  public var day: Day
  /// Billed cost of the linked series (usage, fees and tax).
  public var actual: Money
  /// The baseline: the weekday's usage median plus the reference month's fees and tax.
  public var expected: Money
  /// The fees and tax in `actual`.
  public var calendarActual: Money = .zero
  /// The fees and tax in `expected`.
  public var calendarExpected: Money = .zero

  /// Actual minus expected.
  public var overage: Money { actual - expected }
}

/// The AWS overage of an incident, computed from the bills.
public struct OverageResult: Sendable, Equatable {
  /// Σ(actual − expected) over the counted window days.
  public var amount: Money { actual - expected }
  /// Billed cost of the linked series over the counted days.
  public var actual: Money
  /// Baseline cost over the counted days.
  public var expected: Money
  /// The history the baseline is taken from (the weeks right before the window).
  public var baseline: ClosedRange<Day>
  /// The window days counted: the window, cut at the last day of the bills.
  public var counted: ClosedRange<Day>
  /// Whether the bills end before the window does.
  public var isPartial: Bool
  /// Each counted day.
  public var days: [DailyOverage]
}

/// `aws-overage` = Σ over the window of (actual − expected), per linked series.
///
/// The expected cost of a day is frozen at the pre-incident baseline and never re-baselined
/// inside the window, so a lasting increase keeps counting as overage:
/// - usage (and the discounts that follow it): for each series and each weekday, the median of
///   that weekday's cost over the `weeks` weeks before the window's start (4 values for 4
///   weeks; the median of an even count is the mean of the middle two);
/// - fees and tax, which land on a calendar day (month start): the same series' fees and tax on
///   the same day of the month before the window's start month (0 past that month's end);
/// - credits and refunds are left out: they are adjustments, not the incident's spend.
/// A day without a cell costs 0. Bills ending inside the window count the days they cover.
public enum AWSOverage {
  /// Computes the overage of `series` over `window` from `cube`.
  ///
  /// - Throws: `BillComputationError` when the bills do not cover the baseline weeks (or the
  ///   reference month of fees and tax) or any of the window, when no series is given, or when
  ///   currencies are mixed.
  public static func compute(
    cube: Cube, series: [SeriesSelector], window: ClosedRange<Day>, basis: CostBasis = .unblended,
    weeks: Int = 4
  ) throws(BillComputationError) -> OverageResult {
    let baseline = window.lowerBound.advanced(by: -7 * max(weeks, 1))...window.lowerBound.advanced(by: -1)
    let reference = window.lowerBound.month.previous
    let readFrom = min(baseline.lowerBound, reference.firstDay)
    let costs = try SeriesDailyCosts(
      cube: cube, series: series, days: readFrom...window.upperBound, basis: basis)
    guard costs.billDays.lowerBound <= baseline.lowerBound else {
      throw .insufficientHistory(needed: baseline.lowerBound, billsStart: costs.billDays.lowerBound)
    }
    guard costs.billDays.upperBound >= window.lowerBound else {
      throw .noDataAfter(window.lowerBound, billsEnd: costs.billDays.upperBound)
    }
    let counted = window.lowerBound...min(window.upperBound, costs.billDays.upperBound)
    if costs.hasCalendarCharges(in: counted), costs.billDays.lowerBound > reference.firstDay {
      throw .insufficientHistory(needed: reference.firstDay, billsStart: costs.billDays.lowerBound)
    }
    let calendarReference =
      costs.hasCalendarCharges(in: counted) ? [reference.firstDay...reference.lastDay] : []
    try BillComputationError.checkNoGap(
      in: [baseline, counted] + calendarReference, of: cube, for: "the overage's baseline and window")
    let expectedByWeekday = costs.usage.map { weekdayBaseline($0, days: baseline) }
    var days: [DailyOverage] = []
    for day in counted {
      let usageExpected = expectedByWeekday.reduce(Money.zero) { $0 + ($1[day.weekday] ?? .zero) }
      var calendarExpected = Money.zero
      if day.dayOfMonth <= reference.dayCount {
        calendarExpected = costs.calendar(
          on: Day(year: reference.year, month: reference.month, day: day.dayOfMonth))
      }
      let calendarActual = costs.calendar(on: day)
      days.append(
        DailyOverage(
          day: day, actual: costs.usage(on: day) + calendarActual, expected: usageExpected + calendarExpected,
          calendarActual: calendarActual, calendarExpected: calendarExpected))
    }
    return OverageResult(
      actual: days.reduce(.zero) { $0 + $1.actual }, expected: days.reduce(.zero) { $0 + $1.expected },
      baseline: baseline, counted: counted, isPartial: counted.upperBound < window.upperBound, days: days)
  }

  /// Per ISO weekday (1 = Monday), the median of the costs of that weekday's days in `days`.
  static func weekdayBaseline(_ daily: [Day: Money], days: ClosedRange<Day>) -> [Int: Money] {
    var byWeekday: [Int: [Money]] = [:]
    for day in days { byWeekday[day.weekday, default: []].append(daily[day] ?? .zero) }
    return byWeekday.mapValues(median)
  }

  /// The median; for an even count, the mean of the middle two (exact, rounded half to even at 10⁻¹⁰).
  static func median(_ values: [Money]) -> Money {
    guard !values.isEmpty else { return .zero }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]).divided(by: 2)
  }
}

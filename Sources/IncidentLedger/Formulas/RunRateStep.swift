import SpendModel

/// A run-rate step measured in the bills: the monthly level before and after.
public struct RunRateResult: Sendable, Equatable {
  /// The day the level stepped.
  public var stepDate: Day
  /// Days averaged for the level before the step.
  public var before: ClosedRange<Day>
  /// Days averaged for the level after the step.
  public var after: ClosedRange<Day>
  /// Monthly level before: mean daily cost × 365 ÷ 12.
  public var monthlyBefore: Money
  /// Monthly level after: mean daily cost × 365 ÷ 12.
  public var monthlyAfter: Money

  /// Post-step minus pre-step monthly level.
  public var monthlyDelta: Money { monthlyAfter - monthlyBefore }
}

/// Measures a lasting level shift of a series: post-step minus pre-step monthly level.
///
/// The level before is the mean daily cost over the `levelDays` days before the earlier of the
/// step and the incident window, so the incident itself does not raise it. The level after is
/// the mean over the last `levelDays` days of the bills after the later of the step and the
/// window end, so that temporary scale-outs inside the window do not count. A month is
/// 365 ÷ 12 days (AWS's 730 hours). Each level needs at least `minimumDays` days of bills.
/// Levels are of usage only: fees and tax land once a month and credits are adjustments, so
/// either would distort a daily level.
public enum RunRateStep {
  /// Days of bills each level needs at least.
  public static let minimumDays = 7

  /// Measures the step of `series` around `window`.
  ///
  /// - Throws: `BillComputationError` when the bills do not cover enough days on either side.
  public static func measure(
    cube: Cube, series: [SeriesSelector], stepDate: Day, window: ClosedRange<Day>, levelDays: Int = 28,
    basis: CostBasis = .unblended
  ) throws(BillComputationError) -> RunRateResult {
    let span = max(levelDays, minimumDays)
    let beforeEnd = min(stepDate, window.lowerBound).advanced(by: -1)
    let afterStart = max(stepDate, window.upperBound).advanced(by: 1)
    guard let billDays = cube.dayRange else { throw .noBills }
    let beforeStart = max(beforeEnd.advanced(by: -(span - 1)), billDays.lowerBound)
    guard beforeStart.distance(to: beforeEnd) + 1 >= minimumDays else {
      throw .insufficientHistory(
        needed: beforeEnd.advanced(by: -(minimumDays - 1)), billsStart: billDays.lowerBound)
    }
    guard afterStart.distance(to: billDays.upperBound) + 1 >= minimumDays else {
      throw .notEnoughDataAfterStep(from: afterStart, billsEnd: billDays.upperBound, needed: minimumDays)
    }
    let afterEnd = billDays.upperBound
    let after = max(afterStart, afterEnd.advanced(by: -(span - 1)))...afterEnd
    let before = beforeStart...beforeEnd
    try BillComputationError.checkNoGap(
      in: [before, after], of: cube, for: "the levels before and after the step")
    let costs = try SeriesDailyCosts(
      cube: cube, series: series, days: before.lowerBound...after.upperBound, basis: basis)
    return RunRateResult(
      stepDate: stepDate, before: before, after: after,
      monthlyBefore: monthlyLevel(costs.usage(over: before), days: before.count),
      monthlyAfter: monthlyLevel(costs.usage(over: after), days: after.count))
  }

  /// Mean daily cost × 365 ÷ 12.
  static func monthlyLevel(_ total: Money, days: Int) -> Money {
    (total * 365).divided(by: days * 12)
  }
}

import Reports
import SpendModel

/// The numbers on the Overview screen, computed once per data, basis or period change.
public struct OverviewModel: Sendable, Equatable {
  /// The period shown.
  public var period: Period
  /// Total in the period.
  public var total: Money
  /// Total in the previous period.
  public var previousTotal: Money
  /// Month to date ("today"'s month).
  public var monthToDate: Money
  /// The month "today" is in.
  public var month: Month
  /// Month-end forecast: the weekly report's (`Reports.MonthEndForecast`), so both agree.
  public var forecast: Money
  /// The forecast's 90% interval (low, high).
  public var forecastBand: (low: Money, high: Money)
  /// Daily totals from the first day of data to "today".
  public var daily: [Money]
  /// The day `daily[0]` is.
  public var firstDay: Day
  /// The biggest changes by service and usage type, by absolute change.
  public var movers: [BreakdownRow]

  public static func == (lhs: OverviewModel, rhs: OverviewModel) -> Bool {
    lhs.period == rhs.period && lhs.total == rhs.total && lhs.previousTotal == rhs.previousTotal
      && lhs.monthToDate == rhs.monthToDate && lhs.forecast == rhs.forecast
      && lhs.forecastBand.low == rhs.forecastBand.low && lhs.forecastBand.high == rhs.forecastBand.high
      && lhs.daily == rhs.daily && lhs.firstDay == rhs.firstDay && lhs.movers == rhs.movers
  }

  /// Computes the overview of the data up to `today`.
  public init(data: DashboardData, today: Day, period: Period, basis: CostBasis) {
    self.period = period
    let cube = data.cube
    let first = data.dayRange?.lowerBound ?? today
    firstDay = first
    var daily = Array(repeating: Money.zero, count: max(first.distance(to: today) + 1, 1))
    var usage = daily
    // `ChargeKind(lineItemType:)` lowercases its input: classify each distinct type once.
    var kinds: [String: Bool] = [:]
    func isUsage(_ type: String) -> Bool {
      if type == "Usage" { return true }
      if let known = kinds[type] { return known }
      let usage = ChargeKind(lineItemType: type) == .usage
      kinds[type] = usage
      return usage
    }
    for row in cube.rows where row.key.day >= first && row.key.day <= today {
      let index = first.distance(to: row.key.day)
      daily[index] += row.costs[basis]
      if isUsage(row.key.lineItemType) { usage[index] += row.costs[basis] }
    }
    self.daily = daily
    func sum(_ days: ClosedRange<Day>) -> Money {
      var total = Money.zero
      for day in days where day >= first && day <= today { total += daily[first.distance(to: day)] }
      return total
    }
    total = sum(period.days)
    previousTotal = sum(period.previous)
    month = today.month
    monthToDate = sum(month.firstDay...today)
    let projection = MonthEndForecast(
      monthToDate: monthToDate, recentUsage: Array(usage.suffix(14)), through: today)
    forecast = projection.monthEnd
    forecastBand = (projection.low, projection.high)
    let byUsage = Breakdown(
      cube: cube, by: [.service, .usageType], filters: [], period: period, basis: basis)
    movers = byUsage.rows.sorted {
      $0.change.units.magnitude != $1.change.units.magnitude
        ? $0.change.units.magnitude > $1.change.units.magnitude : $0.name < $1.name
    }
  }
}

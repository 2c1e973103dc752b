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
  /// Month-end forecast: run rate of the last 7 days over the remaining days.
  public var forecast: Money
  /// The forecast's 80% band (low, high), from the spread of the last 14 days.
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
    for row in cube.rows where row.key.day >= first && row.key.day <= today {
      daily[first.distance(to: row.key.day)] += row.costs[basis]
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
    let remaining = today.distance(to: month.lastDay)
    let recent7 = (0..<7).map { today.advanced(by: -$0) }.filter { $0 >= first }
    let rate = recent7.last.map { sum($0...today).divided(by: recent7.count) } ?? .zero
    forecast = monthToDate + rate * remaining
    let recent14 = (0..<14).map { today.advanced(by: -$0) }.filter { $0 >= first }.map { daily[first.distance(to: $0)].doubleValue }
    let mean = recent14.isEmpty ? 0 : recent14.reduce(0, +) / Double(recent14.count)
    let variance = recent14.isEmpty ? 0 : recent14.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(recent14.count)
    // 80% band of the remaining days' sum, treating days as independent: ±1.28·σ·√n.
    let spread = Money(approximately: 1.28 * variance.squareRoot() * Double(remaining).squareRoot())
    let low = forecast - spread
    forecastBand = (low < monthToDate ? monthToDate : low, forecast + spread)
    let byUsage = Breakdown(cube: cube, by: [.service, .usageType], filters: [], period: period, basis: basis)
    movers = byUsage.rows.sorted {
      $0.change.units.magnitude != $1.change.units.magnitude
        ? $0.change.units.magnitude > $1.change.units.magnitude : $0.name < $1.name
    }
  }
}

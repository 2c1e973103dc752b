import SpendModel

/// A cube cut down to one currency and a window of days, summed per day for each line item group:
/// everything the weekly report derives its numbers from, built in one pass over the cube.
struct GroupedDays {
  /// The first day of the window; index 0 of every series.
  let windowStart: Day
  /// The number of days in the window.
  let dayCount: Int
  /// Per group, one exact amount per window day.
  private(set) var series: [LineItemGroup: [Money]] = [:]
  /// Per window day, whether the cube has any row that day (a day without is a gap in the data,
  /// e.g. a month never imported or forgotten, not a day of $0).
  private(set) var hasRows: [Bool]

  /// Sums `cube`'s cells of one currency whose day falls in `window`, on `basis`.
  init(cube: Cube, window: ReportPeriod, basis: CostBasis, currency: String) {
    windowStart = window.start
    dayCount = window.dayCount
    hasRows = Array(repeating: false, count: window.dayCount)
    for row in cube.rows where row.key.currency == currency && window.contains(row.key.day) {
      let offset = window.start.distance(to: row.key.day)
      hasRows[offset] = true
      let group = LineItemGroup(row.key)
      if series[group] == nil { series[group] = Array(repeating: .zero, count: dayCount) }
      series[group]?[offset] += row.costs[basis]
    }
  }

  // MARK: - Sums

  /// The total of every group over `period` (clipped to the window).
  func total(in period: ReportPeriod, where include: (LineItemGroup) -> Bool = { _ in true }) -> Money {
    var sum = Money.zero
    for (group, amounts) in series where include(group) { sum += amount(amounts, in: period) }
    return sum
  }

  /// A group's total over `period` (clipped to the window).
  func amount(_ amounts: [Money], in period: ReportPeriod) -> Money {
    var sum = Money.zero
    for offset in offsets(of: period) { sum += amounts[offset] }
    return sum
  }

  /// Per day of `period`, the total of the groups that pass `include`.
  func daily(in period: ReportPeriod, where include: (LineItemGroup) -> Bool = { _ in true }) -> [Money] {
    var sums = Array(repeating: Money.zero, count: period.dayCount)
    for (group, amounts) in series where include(group) {
      for offset in offsets(of: period) {
        sums[period.start.distance(to: windowStart.advanced(by: offset))] += amounts[offset]
      }
    }
    return sums
  }

  /// How many days of `period` a group has non-zero spend on.
  func activeDays(_ amounts: [Money], in period: ReportPeriod) -> Int {
    offsets(of: period).reduce(0) { $0 + (amounts[$1].isZero ? 0 : 1) }
  }

  /// How many days of `period` (clipped to the window) have rows.
  func daysWithRows(in period: ReportPeriod) -> Int {
    offsets(of: period).reduce(0) { $0 + (hasRows[$1] ? 1 : 0) }
  }

  /// The runs of days of `period` within `data` that have no rows at all.
  func gaps(in period: ReportPeriod, data: ClosedRange<Day>) -> [ClosedRange<Day>] {
    let offsets = offsets(of: period)
    let days = offsets.lazy.map { self.windowStart.advanced(by: $0) }
    return DayRuns.runs(in: days) { day in
      !self.hasRows[self.windowStart.distance(to: day)] && data.contains(day)
    }
  }

  /// The window offsets of the days of `period` that lie in the window.
  private func offsets(of period: ReportPeriod) -> Range<Int> {
    let low = max(0, windowStart.distance(to: period.start))
    let high = min(dayCount, windowStart.distance(to: period.end) + 1)
    return low < high ? low..<high : 0..<0
  }
}

import SpendModel

extension WeeklyReport {
  /// Days before the week searched for earlier spend when deciding what is new.
  static let newLookbackDays = 35
  /// Days before the week searched for spend that has stopped.
  static let stoppedLookbackDays = 14
  /// Days of daily totals kept for the sparkline.
  static let chartDays = 28

  /// Builds the weekly report from a cube.
  ///
  /// - Throws: `ReportError.noData`, `.mixedCurrencies` (several currencies and none chosen),
  ///   `.periodOutsideData` (the week ends after the data or before it starts).
  public init(cube: Cube, options: WeeklyOptions = WeeklyOptions()) throws(ReportError) {
    let currency = try ReportInput.currency(of: cube, chosen: options.currency)
    guard let dataRange = ReportInput.dayRange(of: cube, currency: currency) else { throw .noData }
    let end = options.end ?? dataRange.upperBound
    let week = ReportPeriod(ending: end, days: 7)
    guard end <= dataRange.upperBound, end >= dataRange.lowerBound else {
      throw .periodOutsideData(period: week, data: dataRange)
    }
    let window = ReportPeriod(start: week.start.advanced(by: -Self.newLookbackDays), end: end)
    let days = GroupedDays(cube: cube, window: window, basis: options.basis, currency: currency)
    let previous = week.preceding

    period = week
    basis = options.basis
    self.currency = currency
    self.dataRange = dataRange
    total = days.total(in: week)
    // Previous 7 days wholly before the data have nothing to compare with (partial ones count the
    // days they have, and the notes say so).
    let previousCovered = previous.end >= dataRange.lowerBound && days.daysWithRows(in: previous) > 0
    previousTotal = previousCovered ? days.total(in: previous) : nil
    let averageWeeks = ReportPeriod(start: week.start.advanced(by: -28), end: week.start.advanced(by: -1))
    // Days with no rows at all (a month not imported or forgotten) are a gap, not $0: the average
    // is per 7 days that have data, and a previous week that is all gap has nothing to compare.
    let averageDays = days.daysWithRows(in: averageWeeks)
    let covered = averageWeeks.start >= dataRange.lowerBound && averageDays > 0
    let weekly: (Money) -> Money? = { total in
      guard covered else { return nil }
      return averageDays == 28 ? total.divided(by: 4) : (total * 7).divided(by: averageDays)
    }
    fourWeekAverage = weekly(days.total(in: averageWeeks))
    let isUsage: (LineItemGroup) -> Bool = { $0.kind == .usage }
    usage = UsageTotals(
      total: days.total(in: week, where: isUsage),
      previousTotal: previousCovered ? days.total(in: previous, where: isUsage) : nil,
      fourWeekAverage: weekly(days.total(in: averageWeeks, where: isUsage)))

    let monthSoFar = ReportPeriod(start: end.month.firstDay, end: end)
    let recent = ReportPeriod(start: max(end.advanced(by: -13), dataRange.lowerBound), end: end)
    forecast = MonthEndForecast(
      monthToDate: days.total(in: monthSoFar),
      recentUsage: days.daily(in: recent) { $0.kind == .usage }, through: end)
    let chartPeriod = ReportPeriod(ending: end, days: Self.chartDays)
    daily = days.daily(in: chartPeriod)
    dailyUsage = days.daily(in: chartPeriod) { $0.kind == .usage }

    let changes = Self.groupChanges(days, week: week, previous: previous).filter { $0.group?.kind == .usage }
    calendarCharges = Self.calendarChanges(days, week: week, previous: previous)
    serviceMovers = Array(
      Self.serviceChanges(changes).filter { !$0.change.delta.isZero }.prefix(options.topCount))
    movers = Array(changes.filter { !$0.change.delta.isZero }.prefix(options.topCount))
    newSpend = Self.newSpend(days, week: week)
    stoppedSpend = Self.stoppedSpend(days, week: week)
    notes = Self.notes(dataRange: dataRange, week: week, hasAverage: fourWeekAverage != nil)
    for gap in days.gaps(in: window, data: dataRange) {
      let span =
        gap.lowerBound == gap.upperBound ? "\(gap.lowerBound)" : "\(gap.lowerBound) … \(gap.upperBound)"
      notes.append(
        "No data at all for \(span) (not imported, or forgotten): a gap, not $0.")
    }
    if covered && averageDays < 28 {
      notes.append(
        "The 4-week average is per 7 days with data: \(averageDays) of its 28 days "
          + (averageDays == 1 ? "has" : "have") + " data, "
          + "the rest are a gap.")
    }
  }

  // MARK: - Movers

  /// Calendar charges (tax, fees, credits, …) summed by kind, in `ChargeKind` order; kinds with
  /// nothing in either week are left out.
  static func calendarChanges(_ days: GroupedDays, week: ReportPeriod, previous: ReportPeriod)
    -> [CalendarChange]
  {
    ChargeKind.allCases.filter(\.isCalendarCharge).compactMap { kind in
      let change = SpendChange(
        current: days.total(in: week) { $0.kind == kind },
        previous: days.total(in: previous) { $0.kind == kind })
      return change.current.isZero && change.previous.isZero
        ? nil : CalendarChange(kind: kind, change: change)
    }
  }

  /// Every group's week against the previous 7 days, largest move first.
  static func groupChanges(_ days: GroupedDays, week: ReportPeriod, previous: ReportPeriod) -> [GroupChange] {
    days.series.map { group, amounts in
      GroupChange(
        service: group.service, group: group,
        change: SpendChange(
          current: days.amount(amounts, in: week), previous: days.amount(amounts, in: previous)))
    }.sorted(by: GroupChange.byMagnitude)
  }

  /// Group changes summed per service, largest move first.
  static func serviceChanges(_ changes: [GroupChange]) -> [GroupChange] {
    var byService: [String: SpendChange] = [:]
    for line in changes {
      var sum = byService[line.service] ?? SpendChange(current: .zero, previous: .zero)
      sum.current += line.change.current
      sum.previous += line.change.previous
      byService[line.service] = sum
    }
    return byService.map { GroupChange(service: $0.key, group: nil, change: $0.value) }
      .sorted(by: GroupChange.byMagnitude)
  }

  // MARK: - New and stopped

  /// Usage groups with spend in the week and none in the 35 days before it, largest first.
  static func newSpend(_ days: GroupedDays, week: ReportPeriod) -> [GroupChange] {
    let before = ReportPeriod(
      start: week.start.advanced(by: -newLookbackDays), end: week.start.advanced(by: -1))
    return days.series.compactMap { group, amounts -> GroupChange? in
      guard group.kind == .usage, days.activeDays(amounts, in: week) > 0,
        days.activeDays(amounts, in: before) == 0
      else { return nil }
      return GroupChange(
        service: group.service, group: group,
        change: SpendChange(
          current: days.amount(amounts, in: week), previous: days.amount(amounts, in: week.preceding)))
    }.sorted(by: GroupChange.byMagnitude)
  }

  /// Usage groups with spend on at least 2 of the 14 days before the week and none in it.
  ///
  /// A single day of spend (a day-1 monthly usage charge such as Route 53 hosted zones, a one-off)
  /// does not make a series, so its absence is not news.
  static func stoppedSpend(_ days: GroupedDays, week: ReportPeriod) -> [GroupChange] {
    let before = ReportPeriod(
      start: week.start.advanced(by: -stoppedLookbackDays), end: week.start.advanced(by: -1))
    return days.series.compactMap { group, amounts -> GroupChange? in
      guard group.kind == .usage, days.activeDays(amounts, in: week) == 0,
        days.activeDays(amounts, in: before) >= 2
      else { return nil }
      return GroupChange(
        service: group.service, group: group,
        change: SpendChange(current: .zero, previous: days.amount(amounts, in: week.preceding)))
    }.sorted(by: GroupChange.byMagnitude)
  }

  // MARK: - Notes

  static func notes(dataRange: ClosedRange<Day>, week: ReportPeriod, hasAverage: Bool) -> [String] {
    var notes: [String] = []
    if week.start < dataRange.lowerBound {
      notes.append(
        "The data starts \(dataRange.lowerBound): the week is partial, with no previous 7 days.")
    } else if week.preceding.start < dataRange.lowerBound {
      notes.append("The data starts \(dataRange.lowerBound): the previous 7 days are partial.")
    }
    if !hasAverage { notes.append("Fewer than 4 weeks of data before the week: no 4-week average.") }
    if week.start.advanced(by: -newLookbackDays) < dataRange.lowerBound {
      notes.append(
        "Fewer than \(newLookbackDays) days of data before the week: \"new\" means new within the data.")
    }
    return notes
  }
}

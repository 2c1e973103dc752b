import Reports
import SpendFormats
import SpendModel
import Testing

/// The weekly report's numbers on the sample bills, checked against independent sums.
///
/// The expected values in `Fixtures/expected-weekly.json` are computed by
/// `Fixtures/independent_sums.py` straight from the CSV files with Python's `csv` and `decimal`
/// (no spendtop code); rerun it after regenerating the sample bills.
@Suite struct WeeklyTotalsTests {
  static let cases: [(dataset: String, index: Int)] = [
    ("incident-127k", 0), ("incident-127k", 1), ("incident-127k", 2),
    ("quiet-quarter", 0), ("quiet-quarter", 1), ("quiet-quarter", 2),
  ]

  private func expected(_ dataset: String, _ index: Int) throws -> JSONValue {
    let fixture = try Fixtures.json("expected-weekly.json")
    let list = try #require(fixture["weekly"]?[dataset]?.arrayValue)
    return try #require(list.count > index ? list[index] : nil)
  }

  private func report(_ dataset: String, end: String?) throws -> WeeklyReport {
    try WeeklyReport(
      cube: try SampleBills.cube(dataset), options: WeeklyOptions(end: end.flatMap(Day.init(iso:))))
  }

  @Test(
    "totals, previous week, 4-week average and month to date equal independent decimal sums", arguments: cases
  )
  func totals(dataset: String, index: Int) throws {
    let want = try expected(dataset, index)
    let report = try report(dataset, end: want["end"]?.stringValue)
    #expect(report.period.end.description == want["end"]?.stringValue)
    #expect(report.total == (try Fixtures.money(want["total"])))
    #expect(report.previousTotal == (try Fixtures.money(want["previousTotal"])))
    if want["fourWeekAverage"] == .null {
      #expect(report.fourWeekAverage == nil)
    } else {
      #expect(report.fourWeekAverage == (try Fixtures.money(want["fourWeekAverage"])))
    }
    #expect(report.forecast.monthToDate == (try Fixtures.money(want["monthToDate"])))
    #expect(report.usage.total == (try Fixtures.money(want["usageTotal"])))
    #expect(report.usage.previousTotal == (try Fixtures.money(want["usagePreviousTotal"])))
    if want["usageFourWeekAverage"] == .null {
      #expect(report.usage.fourWeekAverage == nil)
    } else {
      #expect(report.usage.fourWeekAverage == (try Fixtures.money(want["usageFourWeekAverage"])))
    }
  }

  @Test("the month-end forecast follows the documented method", arguments: cases)
  func forecast(dataset: String, index: Int) throws {
    let want = try expected(dataset, index)
    let forecast = try report(dataset, end: want["end"]?.stringValue).forecast
    #expect(forecast.usageRunRate == (try Fixtures.money(want["usageRunRate"])))
    #expect(forecast.remainingDays == Int(want["remainingDays"]?.numberText ?? ""))
    #expect(forecast.monthEnd == (try Fixtures.money(want["monthEnd"])))
    // The interval is a floating-point estimate rounded to cents: allow one cent.
    let cent = Money(cents: 1)
    let low = try Fixtures.money(want["lowApprox"])
    let high = try Fixtures.money(want["highApprox"])
    #expect(abs((forecast.low - low).units) <= cent.units)
    #expect(abs((forecast.high - high).units) <= cent.units)
    #expect(forecast.low <= forecast.monthEnd && forecast.monthEnd <= forecast.high)
  }

  @Test("every mover's amounts are the group's sums, and no unlisted group moved more", arguments: cases)
  func movers(dataset: String, index: Int) throws {
    let want = try expected(dataset, index)
    let report = try report(dataset, end: want["end"]?.stringValue)
    var groups: [[String]: SpendChange] = [:]
    for entry in try #require(want["usageGroups"]?.arrayValue) {
      let cells = try #require(entry.arrayValue)
      let key = [cells[0].stringValue ?? "", cells[1].stringValue ?? ""]
      groups[key] = SpendChange(current: try Fixtures.money(cells[2]), previous: try Fixtures.money(cells[3]))
    }
    #expect(report.movers.count == min(10, groups.values.filter { !$0.delta.isZero }.count))
    for mover in report.movers {
      let group = try #require(mover.group)
      #expect(group.kind == .usage)
      #expect(
        groups[[group.service, group.usageType]] == mover.change, "\(group.service) \(group.usageType)")
    }
    let smallestListed = report.movers.map { $0.change.delta.units.magnitude }.min() ?? 0
    let listed = Set(report.movers.compactMap { $0.group.map { [$0.service, $0.usageType] } })
    for (key, change) in groups where !listed.contains(key) {
      #expect(change.delta.units.magnitude <= smallestListed, "\(key) moved more than a listed mover")
    }
    let serviceSums = Dictionary(grouping: groups, by: { $0.key[0] }).mapValues { entries in
      entries.reduce(Money.zero) { $0 + $1.value.delta }
    }
    for mover in report.serviceMovers { #expect(serviceSums[mover.service] == mover.change.delta) }
  }

  @Test("tax, fees and credits are summed by kind apart from usage", arguments: cases)
  func calendarCharges(dataset: String, index: Int) throws {
    let want = try expected(dataset, index)
    let report = try report(dataset, end: want["end"]?.stringValue)
    guard case .object(let kinds)? = want["calendarCharges"] else {
      Issue.record("no calendarCharges")
      return
    }
    var expected: [String: SpendChange] = [:]
    for member in kinds {
      let cells = try #require(member.value.arrayValue)
      let change = SpendChange(current: try Fixtures.money(cells[0]), previous: try Fixtures.money(cells[1]))
      if !change.current.isZero || !change.previous.isZero { expected[member.key] = change }
    }
    #expect(
      Dictionary(uniqueKeysWithValues: report.calendarCharges.map { ($0.kind.rawValue, $0.change) })
        == expected)
    let calendarTotal = report.calendarCharges.reduce(Money.zero) { $0 + $1.change.current }
    let usageTotal = try #require(want["usageGroups"]?.arrayValue).reduce(Money.zero) { sum, entry in
      sum + ((try? Fixtures.money(entry.arrayValue?[2])) ?? .zero)
    }
    #expect(report.total == usageTotal + calendarTotal)
  }

  @Test("the default end is the last day in the data")
  func defaultEnd() throws {
    let report = try WeeklyReport(cube: try SampleBills.cube("incident-127k"))
    #expect(report.period.description == "2026-11-22..2026-11-28")
    #expect(report.dataRange.lowerBound.description == "2026-08-01")
  }

  @Test("an end after the data is refused with the data's range")
  func endAfterData() throws {
    let cube = try SampleBills.cube("quiet-quarter")
    #expect(throws: ReportError.self) {
      try WeeklyReport(cube: cube, options: WeeklyOptions(end: Day(iso: "2026-11-01")))
    }
    do {
      _ = try WeeklyReport(cube: cube, options: WeeklyOptions(end: Day(iso: "2026-11-01")))
    } catch {
      #expect(
        error.description == "no data for 2026-10-26..2026-11-01 (the bills cover 2026-08-01..2026-10-31)")
    }
  }
}

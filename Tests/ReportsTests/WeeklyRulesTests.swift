import Reports
import SpendFormats
import SpendModel
import Testing

/// The weekly rules on small hand-built cubes whose answers can be worked out by hand.
@Suite struct WeeklyRulesTests {
  @Test("a flat $10/day usage forecasts exactly, with no spread, and tax counts only as billed")
  func flatForecast() throws {
    var builder = CubeBuilder()
    builder.daily("2026-08-01", "2026-09-10", "AmazonEC2", "BoxUsage", cents: 1000)
    builder.add("2026-09-01", "AmazonEC2", "", cents: 5000, lineItemType: "Tax")
    let report = try WeeklyReport(cube: builder.cube, options: WeeklyOptions(end: Day(iso: "2026-09-10")))
    let forecast = report.forecast
    #expect(forecast.monthToDate == Money(whole: 150))  // 10 days × $10 + $50 tax
    #expect(forecast.usageRunRate == Money(whole: 10))
    #expect(forecast.remainingDays == 20)
    #expect(forecast.monthEnd == Money(whole: 350))
    #expect(forecast.low == Money(whole: 350))
    #expect(forecast.high == Money(whole: 350))
    #expect(report.calendarCharges.map(\.kind) == [.tax])
    #expect(report.movers.isEmpty, "flat usage does not move")
  }

  @Test("the interval is 1.645·s·√(R + R²/7) around the central value")
  func intervalWidth() throws {
    var builder = CubeBuilder()
    // 14 days alternating $8 and $12: the last 7 days are 12,8,12,8,12,8,12 → rate 72/7 = $10.285714…
    let start = try #require(Day(iso: "2026-06-03"))
    for offset in 0..<14 {
      builder.add(
        start.advanced(by: offset).description, "AWSLambda", "GB-Second", cents: offset % 2 == 0 ? 800 : 1200)
    }
    let end = start.advanced(by: 13)  // 2026-06-16: 14 days left in June
    let forecast = try WeeklyReport(cube: builder.cube, options: WeeklyOptions(end: end)).forecast
    let rate = 72.0 / 7
    #expect(forecast.usageRunRate == Money(units: 102_857_142_857))  // 72/7 rounded at 10⁻¹⁰
    let values = (0..<14).map { $0 % 2 == 0 ? 8.0 : 12.0 }
    let s = (values.map { ($0 - rate) * ($0 - rate) }.reduce(0, +) / 13).squareRoot()
    let half = 1.645 * s * (14.0 + 196.0 / 7).squareRoot()
    let center = forecast.monthEnd.doubleValue
    #expect(abs(forecast.high.doubleValue - (center + half)) < 0.006)
    #expect(abs(forecast.low.doubleValue - (center - half)) < 0.006)
  }

  @Test("on the month's last day the forecast is the month to date")
  func lastDayOfMonth() throws {
    var builder = CubeBuilder()
    builder.daily("2026-02-01", "2026-02-28", "AmazonS3", "Requests", cents: 250)
    let forecast = try WeeklyReport(cube: builder.cube, options: WeeklyOptions(end: Day(iso: "2026-02-28")))
      .forecast
    #expect(forecast.remainingDays == 0)
    #expect(forecast.monthEnd == Money(whole: 70))
    #expect(forecast.low == forecast.monthEnd && forecast.high == forecast.monthEnd)
  }

  @Test(
    "new needs 35 quiet days; stopped needs 2 days of spend in the 14 before; one-day charges are neither")
  func newAndStopped() throws {
    var builder = CubeBuilder()
    builder.daily("2026-07-01", "2026-08-31", "AmazonEC2", "BoxUsage", cents: 1000)  // steady
    builder.daily("2026-08-28", "2026-08-31", "AmazonEC2", "NewThing", cents: 300)  // new this week
    builder.daily("2026-08-10", "2026-08-20", "AmazonRDS", "Stopped", cents: 500)  // stopped before the week
    builder.add("2026-08-01", "AmazonRoute53", "HostedZone", cents: 50)  // monthly, day 1 only
    builder.add("2026-07-22", "AWSGlue", "Crawler", cents: 100)  // inside the 35 days before Aug 25: not new
    builder.add("2026-08-30", "AWSGlue", "Crawler", cents: 100)
    let report = try WeeklyReport(cube: builder.cube, options: WeeklyOptions(end: Day(iso: "2026-08-31")))
    #expect(report.newSpend.map { $0.group?.usageType } == ["NewThing"])
    #expect(report.newSpend.first?.change.current == Money(whole: 12))
    #expect(report.stoppedSpend.map { $0.group?.usageType } == ["Stopped"])
    // Aug 18–20 fall in the previous 7 days: 3 × $5.
    #expect(report.stoppedSpend.first?.change.previous == Money(whole: 15))
  }

  @Test("a week at the start of the data is partial and says so; no 4-week average")
  func shortHistory() throws {
    var builder = CubeBuilder()
    builder.daily("2026-08-01", "2026-08-10", "AmazonEC2", "BoxUsage", cents: 1000)
    let report = try WeeklyReport(cube: builder.cube, options: WeeklyOptions(end: Day(iso: "2026-08-10")))
    #expect(report.fourWeekAverage == nil)
    #expect(report.previousTotal == Money(whole: 30))
    #expect(report.notes.contains("The data starts 2026-08-01: the previous 7 days are partial."))
  }

  @Test("a week that starts before the data has no previous 7 days to compare with: n/a, not new")
  func noPreviousWeek() throws {
    var builder = CubeBuilder()
    builder.daily("2026-08-01", "2026-08-10", "AmazonEC2", "BoxUsage", cents: 1000)
    let report = try WeeklyReport(cube: builder.cube, options: WeeklyOptions(end: Day(iso: "2026-08-03")))
    #expect(report.total == Money(whole: 30))
    #expect(report.previousTotal == nil && report.weekOverWeek == nil)
    #expect(report.usage.previousTotal == nil && report.usage.weekOverWeek == nil)
    let markdown = WeeklyMarkdown(report: report).render()
    #expect(markdown.contains("| Previous 7 days (Jul 21–27) | n/a | |"))
    #expect(!markdown.contains("(new)"))
    let json = try JSONParser.parse(WeeklyJSON(report: report).render())
    #expect(json["previousTotal"] == .null)
    #expect(json["usage"]?["previousTotal"] == .null)
  }

  @Test("several currencies need a choice; a chosen currency filters")
  func currencies() throws {
    var builder = CubeBuilder()
    builder.add("2026-08-01", "AmazonEC2", "BoxUsage", cents: 100)
    builder.add("2026-08-01", "AmazonEC2", "BoxUsage", cents: 700, currency: "EUR")
    #expect(throws: ReportError.mixedCurrencies(["EUR", "USD"])) { try WeeklyReport(cube: builder.cube) }
    let euros = try WeeklyReport(cube: builder.cube, options: WeeklyOptions(currency: "eur"))
    #expect(euros.currency == "EUR")
    #expect(euros.total == Money(whole: 7))
    #expect(throws: ReportError.noData) { try WeeklyReport(cube: Cube()) }
  }
}

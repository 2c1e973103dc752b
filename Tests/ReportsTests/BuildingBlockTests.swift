import Reports
import SpendModel
import Testing

/// Periods, percentages and charts.
@Suite struct BuildingBlockTests {
  @Test("periods parse both forms and refuse reversed or invalid days")
  func periods() throws {
    let week = try #require(ReportPeriod(parsing: "2026-10-22..2026-10-28"))
    #expect(week.dayCount == 7)
    #expect(week.preceding.description == "2026-10-15..2026-10-21")
    #expect(ReportPeriod(parsing: "2026-10-22")?.dayCount == 1)
    #expect(ReportPeriod(parsing: "2026-10-28..2026-10-22") == nil)
    #expect(ReportPeriod(parsing: "2026-02-30..2026-03-01") == nil)
    #expect(ReportPeriod(parsing: "2026-10-22...2026-10-28") == nil)
  }

  @Test("percentages are exact to hundredths, half to even, nil against zero")
  func percentages() {
    #expect(Percent(Money(whole: 1), of: Money(whole: 3))?.description == "33.33")
    #expect(Percent(Money(whole: -1), of: Money(whole: 8))?.description == "-12.50")
    #expect(Percent(Money(units: 1), of: Money(units: 80_000))?.description == "0.00")  // 0.00125% → 0.00
    #expect(Percent(Money(units: 3), of: Money(units: 80_000))?.description == "0.00")  // 0.00375% → 0.00
    #expect(Percent(Money(units: 5), of: Money(units: 80_000))?.description == "0.01")  // 0.00625% → 0.01
    #expect(Percent(Money(whole: 5), of: .zero) == nil)
    #expect(
      SpendChange(current: Money(whole: 150), previous: Money(whole: 100)).deltaPercent?.description
        == "50.00")
  }

  @Test("sparklines scale from zero; bars draw eighths and never vanish")
  func charts() {
    #expect(Charts.sparkline([0, 1, 2, 4, 8].map(Money.init(whole:))) == "▁▂▃▅█")
    #expect(Charts.sparkline([5, 5, 5].map(Money.init(whole:))) == "███")
    #expect(Charts.sparkline([Money.zero, Money.zero]) == "▁▁")
    #expect(Charts.bar(1, width: 3) == "███")
    #expect(Charts.bar(0.5, width: 3) == "█▌")
    #expect(Charts.bar(0.001, width: 3) == "▏")
    #expect(Charts.bar(0, width: 3) == "")
  }
}

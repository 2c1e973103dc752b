import Reports
import SpendModel
import Testing

/// The messages for a period the command line cannot use: reversed, or outside the data.
@Suite struct PeriodMessageTests {
  @Test("a reversed range of days or months says it ends before it starts, with both ends")
  func aReversedRangeNamesBothEnds() {
    #expect(
      PeriodArgument.rejection(of: "2026-08-07..2026-08-01", option: "--period")
        == "--period 2026-08-07..2026-08-01 ends before it starts (2026-08-01 is before 2026-08-07)")
    #expect(
      PeriodArgument.rejection(of: "2026-11..2026-09", option: "--against")
        == "--against 2026-11..2026-09 ends before it starts (2026-09 is before 2026-11)")
    #expect(
      PeriodArgument.rejection(of: "2026-1", option: "--period")
        == "--period expects \(PeriodArgument.forms), got '2026-1'")
  }

  @Test("a compared period partly outside the data names the part without data")
  func theUncoveredPartIsNamed() throws {
    let data = Day(year: 2026, month: 8, day: 1)...Day(year: 2026, month: 11, day: 28)
    let both = try #require(ReportPeriod(parsing: "2026-07-01..2026-12-31"))
    #expect(
      ReportError.comparedPeriodOutsideData(side: .period("2026-07..2026-12"), period: both, data: data)
        .description
        == "--period 2026-07..2026-12: no data for 2026-07-01..2026-07-31 and 2026-11-29..2026-12-31, "
        + "part of 2026-07-01..2026-12-31 (the bills cover 2026-08-01..2026-11-28)")
    let july = try #require(ReportPeriod(parsing: "2026-07-01..2026-07-31"))
    #expect(
      ReportError.comparedPeriodOutsideData(
        side: .defaultAgainst("the month before"), period: july, data: data
      ).description
        == "the default comparison, the month before (2026-07-01..2026-07-31), has no data "
        + "(the bills cover 2026-08-01..2026-11-28); give --against")
  }
}

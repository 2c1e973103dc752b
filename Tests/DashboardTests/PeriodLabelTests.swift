import Dashboard
import SpendModel
import Testing

/// The comparison base says `vs Aug` only for a whole month, and names its days otherwise.
@Suite struct PeriodLabelTests {
  static let today = Day(year: 2026, month: 11, day: 28)

  static func previousLabel(_ year: Int, _ month: Int, today: Day = today) -> String {
    Period(.month(Day(year: year, month: month, day: 1).month), today: today).previousLabel
  }

  @Test func aWholePreviousMonthIsNamedByItsMonth() {
    #expect(PeriodLabelTests.previousLabel(2026, 10) == "Sep")  // Oct 1–31 vs Sep 1–30
    #expect(PeriodLabelTests.previousLabel(2026, 3) == "Feb")  // Mar 1–31 vs Feb 1–28
    // Oct 1–30 so far against all of September's 30 days.
    #expect(PeriodLabelTests.previousLabel(2026, 10, today: Day(year: 2026, month: 10, day: 30)) == "Sep")
  }

  @Test func aCutPreviousMonthNamesItsDays() {
    #expect(PeriodLabelTests.previousLabel(2026, 9) == "Aug 1–30")  // Sep 1–30 vs Aug 1–30
    #expect(PeriodLabelTests.previousLabel(2026, 11) == "Oct 1–28")  // Nov 1–28 so far
    #expect(PeriodLabelTests.previousLabel(2026, 2) == "Jan 1–28")
  }

  @Test func everyScreenNamesTheCutBase() {
    var harness = Harness(size: Size(width: 120, height: 40))
    harness.press("<<")
    #expect(harness.state.period?.label == "Sep 2026")
    let overview = harness.render()
    #expect(overview.contains("vs Aug 1–30 $"))
    #expect(overview.contains("Top movers vs Aug 1–30"))
    #expect(!overview.lines.contains { $0.contains("vs Aug ") && !$0.contains("vs Aug 1–30") })
    harness.press("2")
    #expect(harness.render().contains("vs Aug 1–30 ·"))
  }
}

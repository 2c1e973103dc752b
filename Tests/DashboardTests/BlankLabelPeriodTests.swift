import Dashboard
import SpendModel
import Testing

/// An empty usage type is labelled by the line item types of the period shown, not of both periods,
/// and the breadcrumb of a blank row follows the period like the row does.
@Suite struct BlankLabelPeriodTests {
  static let october = Day(year: 2026, month: 10, day: 2)
  static let november = Day(year: 2026, month: 11, day: 3)

  /// EC2: a credit and a tax in October, only a tax in November; Glue: a credit in October only.
  static func cube() -> Cube {
    var cube = Cube()
    let lines: [(Day, String, String, String, Int)] = [
      (october, "AmazonEC2", "", "Credit", -2_000),
      (october, "AmazonEC2", "", "Tax", 900),
      (october, "AWSGlue", "", "Credit", -500),
      (november, "AmazonEC2", "", "Tax", 1_000),
      (november, "AmazonEC2", "USE1-BoxUsage:m6i.large", "Usage", 9_000),
    ]
    for (day, service, usageType, type, cents) in lines {
      cube.add(
        Costs(all: Money(cents: cents)),
        at: IncidentFixture.key(day, service, usageType, "", IncidentFixture.prod, "", type, team: ""))
    }
    return cube
  }

  static func names(in month: Month) -> Set<String> {
    let period = Period(.month(month), today: november)
    let breakdown = Breakdown(
      cube: cube(), by: [.service, .usageType], filters: [], period: period, basis: .unblended)
    return Set(breakdown.rows.map(\.name))
  }

  @Test func aRowNamesOnlyTheTypesOfThePeriodShown() {
    #expect(BlankLabelPeriodTests.names(in: Self.november.month).contains("AmazonEC2 · (Tax)"))
    #expect(BlankLabelPeriodTests.names(in: Self.october.month).contains("AmazonEC2 · (Credit, Tax)"))
  }

  @Test func aRowThatWentAwayNamesWhatItWasInThePreviousPeriod() {
    #expect(BlankLabelPeriodTests.names(in: Self.november.month).contains("AWSGlue · (Credit)"))
  }

  @Test func theBreadcrumbFollowsThePeriodLikeTheRow() throws {
    var harness = Harness(
      size: Size(width: 120, height: 40), data: DashboardData(cube: BlankLabelPeriodTests.cube()))
    harness.press("<2:group usage-type<Enter>")
    let rows = try #require(harness.state.explorer.breakdown?.rows)
    harness.state.explorer.cursor = try #require(
      harness.state.explorer.visible.firstIndex { rows[$0].values == [""] })
    harness.press("<Enter>")
    #expect(harness.render().lines[1].contains("All › (Credit, Tax)"))
    harness.press(">")
    let crumbs = harness.render().lines[1]
    #expect(crumbs.contains("All › (Tax)"), "\(crumbs)")
    harness.press("h")
    #expect(harness.render().lines.contains { $0.contains(" (Tax) ") })
  }
}

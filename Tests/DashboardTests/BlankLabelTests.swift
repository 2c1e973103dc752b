import Dashboard
import SpendModel
import Testing

/// Rows whose value is empty (taxes and fees have no usage type) say what their line items are.
@Suite struct BlankLabelTests {
  static let day = Day(year: 2026, month: 11, day: 3)

  static func cube() -> Cube {
    var cube = Cube()
    let lines: [(service: String, usageType: String, type: String, cents: Int)] = [
      ("AmazonS3", "USE1-Requests-Tier1", "Usage", 12_000),
      ("AmazonS3", "", "Tax", 1_080),
      ("AmazonEC2", "", "Tax", 900),
      ("AmazonEC2", "", "Fee", 500),
      ("AmazonEC2", "USE1-BoxUsage:m6i.large", "Usage", 9_000),
    ]
    for line in lines {
      cube.add(
        Costs(all: Money(cents: line.cents)),
        at: IncidentFixture.key(
          day, line.service, line.usageType, "", IncidentFixture.prod, "", line.type, team: ""))
    }
    return cube
  }

  static func breakdown(by dimensions: [Dimension]) -> Breakdown {
    Breakdown(
      cube: cube(), by: dimensions, filters: [], period: Period(.month(day.month), today: day), basis: .unblended)
  }

  @Test func anEmptyUsageTypeNamesItsLineItemTypes() {
    let names = Set(BlankLabelTests.breakdown(by: [.service, .usageType]).rows.map(\.name))
    #expect(names.contains("AmazonS3 · (Tax)"))
    #expect(names.contains("AmazonEC2 · (Fee, Tax)"))
    #expect(names.contains("AmazonS3 · USE1-Requests-Tier1"))
    #expect(!names.contains { $0.contains("(none)") })
  }

  @Test func groupedByLineItemTypeAnEmptyValueStaysNone() {
    let rows = BlankLabelTests.breakdown(by: [.lineItemType, .usageType]).rows
    #expect(rows.first { $0.values == ["Tax", ""] }?.name == "Tax · (none)")
  }

  @Test func theOverviewAndExplorerShowTheLineItemType() {
    var harness = Harness(data: DashboardData(cube: BlankLabelTests.cube()))
    #expect(harness.render().contains("EC2 · (Fee, Tax)"))
    harness.press("2/ec2<Enter><Enter>")
    #expect(harness.render().contains("(Fee, Tax)"))
  }

  @Test func drillingIntoABlankRowKeepsItsLabelInTheBreadcrumb() throws {
    var harness = Harness(data: DashboardData(cube: BlankLabelTests.cube()))
    harness.press("2/ec2<Enter><Enter>")
    let rows = try #require(harness.state.explorer.breakdown?.rows)
    let blank = try #require(harness.state.explorer.visible.firstIndex { rows[$0].values == [""] })
    harness.state.explorer.cursor = blank
    harness.press("<Enter>")
    #expect(harness.state.explorer.filters.last == DimensionFilter(.usageType, "", blankLabel: "(Fee, Tax)"))
    let crumbs = try #require(harness.render().lines.first { $0.contains("AmazonEC2") })
    #expect(crumbs.contains("(Fee, Tax)"))
    #expect(!crumbs.contains("(none)"))
  }
}

/// A first data frame sent while the rest still loads (the store's preview) says anomalies are coming.
@Suite struct PreviewFrameTests {
  @Test func anomaliesAreStillLoadingWhileMoreDataComes() {
    var harness = Harness(data: DashboardData(cube: BlankLabelTests.cube()))
    #expect(harness.render().contains("no anomalies detected"))
    harness.send(.loadProgress(LoadProgress(item: "the rest of the store", done: 0, total: 0)))
    let screen = harness.render()
    #expect(screen.contains("anomalies: still loading…"))
    #expect(screen.contains("loading the rest of the store"))
  }
}

/// A change from a negative amount (a month of credits) keeps the sign of the dollars.
@Suite struct NegativeBaseTests {
  @Test func aRiseFromCreditsReadsAsARise() {
    var cube = Cube()
    let october = Day(year: 2026, month: 10, day: 2)
    let november = Day(year: 2026, month: 11, day: 3)
    let lines: [(Day, String, Int)] = [(october, "Credit", -25_000), (november, "Usage", 8_000)]
    for (day, type, cents) in lines {
      cube.add(
        Costs(all: Money(cents: cents)),
        at: IncidentFixture.key(day, "AWSGlue", "", "", IncidentFixture.prod, "", type, team: ""))
    }
    let harness = Harness(data: DashboardData(cube: cube))
    let row = harness.render().lines.first { $0.contains("Glue") && $0.contains("+$330") }
    #expect(row?.contains("+132.0%") == true, "\(harness.render().lines.joined(separator: "\n"))")
  }
}

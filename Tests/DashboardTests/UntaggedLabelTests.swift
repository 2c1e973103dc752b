import Dashboard
import SpendModel
import Testing

/// Untagged cost under a tag grouping reads `(none)`, as `spendtop cube --by tag:KEY` prints it.
@Suite struct UntaggedLabelTests {
  static func cube() -> Cube {
    var cube = Cube()
    let day = Day(year: 2026, month: 11, day: 3)
    let lines: [(usageType: String, type: String, team: String, cents: Int)] = [
      ("USE1-BoxUsage:m6i.large", "Usage", "web", 9_000),
      ("USE1-BoxUsage:t3.micro", "Usage", "", 700),
      ("", "Tax", "", 900),
      ("", "Fee", "", 300),
    ]
    for line in lines {
      cube.add(
        Costs(all: Money(cents: line.cents)),
        at: IncidentFixture.key(
          day, "AmazonEC2", line.usageType, "", IncidentFixture.prod, "", line.type, team: line.team))
    }
    return cube
  }

  static func breakdown(by dimensions: [Dimension]) -> Breakdown {
    let day = Day(year: 2026, month: 11, day: 3)
    return Breakdown(
      cube: cube(), by: dimensions, filters: [], period: Period(.month(day.month), today: day),
      basis: .unblended)
  }

  @Test func untaggedCostReadsNone() {
    let rows = UntaggedLabelTests.breakdown(by: [.tag("team")]).rows
    #expect(rows.map(\.name).sorted() == ["(none)", "web"])
    #expect(rows.allSatisfy { $0.blankLabel == "(none)" })
  }

  @Test func onlyTheUsageTypeNamesLineItemTypes() {
    let names = Set(UntaggedLabelTests.breakdown(by: [.tag("team"), .usageType]).rows.map(\.name))
    #expect(
      names == ["web · USE1-BoxUsage:m6i.large", "(none) · USE1-BoxUsage:t3.micro", "(none) · (Fee, Tax)"])
  }

  @Test func theExplorerByTagSaysNone() {
    var harness = Harness(
      size: Size(width: 120, height: 40), data: DashboardData(cube: UntaggedLabelTests.cube()))
    harness.press("2:group tag:team<Enter>")
    let screen = harness.render()
    #expect(screen.lines.contains { $0.hasPrefix(" (none) ") }, "\(screen.lines.joined(separator: "\n"))")
    #expect(!screen.lines.contains { $0.contains("(Fee, Tax)") })
  }
}

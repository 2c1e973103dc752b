import Dashboard
import Foundation
import SpendModel
import Testing

/// The line items of a resource are those of the cells its drill-down selects in the period on
/// screen, and the header's total is theirs (QA: both resources' total, October rows in November).
@Suite struct LineItemScopeTests {
  static let november = Day(year: 2026, month: 11, day: 1)...Day(year: 2026, month: 11, day: 28)

  /// The sample bills drilled to ElastiCache › r6g.4xlarge › its operation and region › the first
  /// of its two cluster nodes; the effect asked for.
  static func drilled() throws -> (harness: Harness, scope: LineItemScope) {
    let data: DashboardData = try #require(SampleBills.incident)
    var harness = Harness(size: Size(width: 120, height: 40), data: data)
    harness.press("2<Enter><Enter><Enter><Enter>")
    #expect(harness.state.explorer.groupBy == .resource)
    #expect(harness.state.explorer.breakdown?.rows.count == 2)
    harness.press("<Enter>")
    guard case .readLineItems(let scope, _)? = harness.effects.last else {
      throw ScopeProblem.noEffect("\(harness.effects)")
    }
    return (harness, scope)
  }

  enum ScopeProblem: Error { case noEffect(String) }

  @Test func theScopeIsTheResourcesCellsInThePeriodUnderTheDrillDown() throws {
    let (harness, scope) = try LineItemScopeTests.drilled()
    #expect(scope.resource.hasSuffix("session-cache-v2-0001-001"))
    #expect(scope.days == LineItemScopeTests.november)
    #expect(scope.cells.count == 28)
    #expect(scope.cells.allSatisfy { LineItemScopeTests.november.contains($0.day) })
    #expect(scope.cells.allSatisfy { $0.usageType == "NodeUsage:cache.r6g.4xlarge" })
    #expect(harness.state.message?.text.hasPrefix("reading the line items of") == true)
    #expect(
      scope.admits(
        usageStart: "2026-11-28T00:00:00Z", usageType: "NodeUsage:cache.r6g.4xlarge",
        operation: "CreateCacheCluster:0002", lineItemType: "Usage"))
    #expect(
      !scope.admits(
        usageStart: "2026-10-22T13:00:00Z", usageType: "NodeUsage:cache.r6g.4xlarge",
        operation: "CreateCacheCluster:0002", lineItemType: "Usage"))
    #expect(
      !scope.admits(
        usageStart: "2026-11-28T00:00:00Z", usageType: "NodeUsage:cache.r6g.large",
        operation: "CreateCacheCluster:0002", lineItemType: "Usage"))
  }

  @Test func theHeaderTotalIsTheLineItemsOwn() throws {
    var (harness, scope) = try LineItemScopeTests.drilled()
    let rows = (1...3).map { ["2026-11-0\($0)T00:00:00Z", "Usage", "39.504"] }
    harness.send(
      .lineItems(
        LineItemTable(
          resource: scope.resource, columns: ["lineItem/UsageStartDate", "lineItem/LineItemType",
            "lineItem/UnblendedCost"], rows: rows, files: 4, truncated: false, days: scope.days)))
    let header = harness.render().lines[2]
    #expect(header.contains("Nov 2026 (1–28)  $118.512  the line items' cost as billed"), "\(header)")
    #expect(!header.contains("$2,212.22"))
    // Another period: these line items are not its own, so the resource list comes back.
    harness.press("<")
    #expect(harness.state.explorer.lineItems == nil)
  }
}

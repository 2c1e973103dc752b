@testable import spendtop
import BillImport
import Dashboard
import SpendModel
import Testing

/// The Explorer's line items read from the sample bills: one resource's, in the period on screen,
/// under the drill-down's filters, summing to the resource's cost there.
@Suite struct LineItemReaderTests {
  static let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"

  @Test func aResourcesLineItemsAreItsOwnWithinThePeriod() throws {
    let cube = try BillReader.read(paths: [LineItemReaderTests.bills]).cube
    let november = Period(.month(Month(year: 2026, month: 11)), today: Day(year: 2026, month: 11, day: 28))
    let node = try #require(
      Set(cube.rows.map(\.key.resource)).first { $0.hasSuffix("session-cache-v2-0001-001") })
    let filters = [
      DimensionFilter(.service, "AmazonElastiCache"),
      DimensionFilter(.usageType, "NodeUsage:cache.r6g.4xlarge"),
    ]
    let scope = LineItemScope(cube: cube, resource: node, filters: filters, period: november)
    let table = try LineItemReader.read(scope: scope, paths: [LineItemReaderTests.bills])
    #expect(table.rows.count == 28)
    #expect(table.rows.allSatisfy { $0[0].hasPrefix("2026-11-") })
    let expected = cube.rows.filter { row in
      row.key.resource == node && november.days.contains(row.key.day)
        && filters.allSatisfy { $0.matches(row.key) }
    }.reduce(Money.zero) { $0 + $1.costs[.unblended] }
    #expect(table.total == expected)
    #expect(table.total.dollars() == "$1,106.11")
    #expect(table.days == november.days)
  }
}

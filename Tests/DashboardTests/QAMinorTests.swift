import Dashboard
import Foundation
import SpendModel
import Testing

/// The minor QA findings on the sample bills: name order, month rows, the first month's
/// comparison, the chart's width.
@Suite struct QAMinorTests {
  static func harness(_ size: Size = Size(width: 120, height: 40)) throws -> Harness {
    let data: DashboardData = try #require(SampleBills.incident)
    return Harness(size: size, data: data)
  }

  @Test func sortingByNameIgnoresCase() throws {
    var harness = try QAMinorTests.harness()
    harness.press("2ss")
    #expect(harness.state.explorer.sort == .name)
    let names = try #require(harness.state.explorer.breakdown).rows
    let shown = harness.state.explorer.visible.map { names[$0].name }
    #expect(
      shown == [
        "AmazonCloudWatch", "AmazonEC2", "AmazonElastiCache", "AmazonRDS", "AmazonS3", "AWSDeveloperSupport",
        "AWSLambda",
      ])
    harness.press("r")
    #expect(harness.state.explorer.visible.map { names[$0].name }.first == "AWSLambda")
  }

  @Test func groupingByMonthShowsOnlyThePeriodsMonths() throws {
    var harness = try QAMinorTests.harness()
    harness.press("2:group month<Enter>")
    let breakdown = try #require(harness.state.explorer.breakdown)
    #expect(breakdown.rows.map(\.name) == ["2026-11"])
    // The header still compares with October 1–28.
    #expect(breakdown.previousTotal.dollars() == "$49,919.08")
    #expect(harness.render().lines[2].contains("vs Oct 1–28 · 1 of 1 row"))
    #expect(!harness.render().lines[2].contains("1 of 1 rows"))
    harness.press("pp")  // the last 30 days: Oct 30 – Nov 28, two months
    #expect(harness.state.explorer.breakdown?.rows.map(\.name).sorted() == ["2026-10", "2026-11"])
  }

  @Test func theFirstMonthOfDataIsNotComparedWithNothing() throws {
    var harness = try QAMinorTests.harness()
    harness.press("<<<")
    let overview = harness.render().lines
    #expect(overview[1].contains("Aug 2026  $4,275.86  first month of data"), "\(overview[1])")
    #expect(!overview.joined().contains("vs Jul"))
    #expect(overview.contains { $0.contains("Top movers (first month of data)") })
    harness.press("2")
    let explorer = harness.render().lines[2]
    #expect(explorer.contains("Aug 2026  $4,275.86  first month of data · 7 of 7 rows"), "\(explorer)")
    harness.press(">")  // September has August before it
    #expect(harness.render().lines[2].contains("vs Aug 1–30"))
  }

  @Test func theDailyChartUsesTheWholeWidth() throws {
    let harness = try QAMinorTests.harness(Size(width: 200, height: 60))
    let lines = harness.render().lines
    let axis = try #require(lines.firstIndex { $0.contains("└───") && $0.hasPrefix(" │") })
    // The axis and the last date end at the box's right edge, not 70 columns before it.
    #expect(lines[axis].contains("─│"), "\(lines[axis])")
    #expect(lines[axis + 1].contains("Nov 28│"), "\(lines[axis + 1])")
    let zeroRow = lines[axis - 1]
    let edge = try #require(zeroRow.lastIndex(of: "│"))
    #expect(zeroRow[..<edge].last != " ", "\(zeroRow)")
  }
}

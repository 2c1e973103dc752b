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
}

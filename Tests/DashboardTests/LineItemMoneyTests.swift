import Dashboard
import SpendModel
import Testing

/// A resource's line items show their cost as money like the rest of the dashboard, exactly.
@Suite struct LineItemMoneyTests {
  static func screen(columns: [String], rows: [[String]]) -> [String] {
    var harness = Harness(size: Size(width: 120, height: 40))
    harness.press("2/ec2<Enter><Enter><Enter><Enter><Enter><Enter>")
    let resource = harness.state.explorer.selectedRow?.name ?? ""
    harness.send(
      .lineItems(LineItemTable(resource: resource, columns: columns, rows: rows, files: 1, truncated: false)))
    return harness.render().lines
  }

  @Test func theCostColumnIsMoneyWithSubCentDigitsKept() throws {
    let lines = LineItemMoneyTests.screen(
      columns: ["lineItem/UsageStartDate", "lineItem/UsageAmount", "lineItem/UnblendedCost"],
      rows: [
        ["2026-11-28T00:00:00Z", "24.0", "4.944"], ["2026-11-27T00:00:00Z", "1.5", "1234.5"],
        ["2026-11-26T00:00:00Z", "0.001", "0.0000012"], ["2026-11-25T00:00:00Z", "1", "-3"],
      ])
    let row = try #require(lines.first { $0.contains("2026-11-28") })
    #expect(row.hasSuffix("$4.944 "), "\(row)")
    #expect(row.contains(" 24.0 "))  // a quantity, not money
    #expect(lines.contains { $0.contains("2026-11-27") && $0.contains(" $1,234.50") })
    #expect(lines.contains { $0.contains("2026-11-26") && $0.contains(" $0.0000012") })
    #expect(lines.contains { $0.contains("2026-11-25") && $0.contains(" -$3.00") })
  }

  @Test func focusBilledCostIsTheCostColumnToo() {
    let lines = LineItemMoneyTests.screen(
      columns: ["ChargePeriodStart", "BilledCost", "ConsumedQuantity"],
      rows: [["2026-11-28T00:00:00Z", "39.504", "24"]])
    #expect(lines.contains { $0.contains("2026-11-28") && $0.contains(" $39.504 ") && $0.contains(" 24") })
  }
}

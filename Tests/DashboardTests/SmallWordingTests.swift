import Dashboard
import Foundation
import SpendModel
import Testing

/// A change that rounds to zero has no sign; one line item, one file, read in the singular.
@Suite struct SmallWordingTests {
  @Test func aChangeThatRoundsToZeroIsUnsigned() throws {
    var harness = try QAMinorTests.harness()
    harness.press("<2/RDS<Enter><Enter>")
    let rows = harness.render().lines.filter { $0.contains("RDS:GP3-Storage") }
    #expect(rows.count == 1)
    #expect(rows.allSatisfy { $0.contains(" $0.00 ") && !$0.contains("-$0.00") }, "\(rows)")
  }

  @Test func oneLineItemFromOneFile() {
    var harness = Harness()
    harness.press("2/ec2<Enter><Enter><Enter><Enter><Enter><Enter>")
    guard case .readLineItems(let scope, _)? = harness.effects.first else {
      Issue.record("no line items asked for: \(harness.effects)")
      return
    }
    harness.send(
      .lineItems(
        LineItemTable(
          resource: scope.resource, columns: ["lineItem/UsageStartDate", "lineItem/UnblendedCost"],
          rows: [["2026-11-28T00:00:00Z", "34.00"]], files: 1, truncated: false)))
    #expect(harness.render().contains("1 line item as billed"))
    #expect(harness.state.message?.text == "1 line item from 1 file")
  }
}

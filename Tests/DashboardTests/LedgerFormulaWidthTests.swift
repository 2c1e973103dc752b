import Dashboard
import Testing

/// The Ledger's lines give the Formula column the larger share of the room, so the sample's overage
/// calculation reads in full at 120 columns (QA: `≈ $46,796.…`).
@Suite struct LedgerFormulaWidthTests {
  @Test func theOverageCalculationIsWholeAt120Columns() throws {
    let data: DashboardData = try #require(SampleBills.incidentWithFindings)
    var harness = Harness(size: Size(width: 120, height: 40), data: data)
    harness.press("4<Enter>")
    let row = try #require(harness.render().lines.first { $0.contains("aws-overage") })
    #expect(row.contains("$48,912.35 − $2,116.17 over 31 days ≈ $46,796.19"), "\(row)")
    #expect(row.contains("$46,796.19 bill"))  // the amount column is untouched
  }
}

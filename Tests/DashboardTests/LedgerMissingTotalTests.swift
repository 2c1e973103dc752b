import Dashboard
import Foundation
import IncidentLedger
import SpendModel
import Testing

/// With bill-derived amounts missing (no bills loaded), the Ledger's totals say they are a lower
/// bound, as `spendtop ledger show` says "incomplete".
@Suite struct LedgerMissingTotalTests {
  @Test func aTotalWithMissingAmountsIsALowerBound() throws {
    let folder = LedgerFolder(path: LedgerEditRoundTripTests.root.path + "/sample-bills/ledger")
    let incident = try folder.load(id: LedgerEditRoundTripTests.id).incident
    let item = LedgerItems.item(for: incident, cube: Cube())
    #expect(item.missingCount == 2)
    // The fixture's bills on screen; the incident's bill-derived lines computed without bills.
    var harness = Harness(
      size: Size(width: 120, height: 30), data: DashboardData(cube: IncidentFixture.cube(), incidents: [item]))
    harness.press("4")
    let list = harness.render().lines.joined(separator: "\n")
    #expect(list.contains("≥$54,900"), "\(list)")
    harness.press("<Enter>")
    let lines = harness.render().lines.joined(separator: "\n")
    #expect(lines.contains("total ≥ $54,900.00 (2 missing)"), "\(lines)")
  }
}

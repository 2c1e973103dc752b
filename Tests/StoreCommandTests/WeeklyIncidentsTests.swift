import Foundation
import Testing

/// `spendtop report weekly` lists the ledger incidents whose window touches the week.
@Suite struct WeeklyIncidentsTests {
  private static let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"
  private static let ledger = ["SPENDTOP_LEDGER": TestPaths.packageRoot + "/sample-bills/ledger"]

  private static func incidents(_ json: String) throws -> [[String: Any]]? {
    let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    return document?["incidents"] as? [[String: Any]]
  }

  @Test func anIncidentWeekListsTheSampleIncidentWithItsLedgerTotal() throws {
    let week = try Spendtop.run(
      ["report", "weekly", Self.bills, "--end", "2026-10-11", "--format", "json"], environment: Self.ledger)
    #expect(week.status == 0, "\(week.stderr)")
    let listed = try #require(try Self.incidents(week.stdout))
    #expect(listed.count == 1)
    let incident = try #require(listed.first)
    #expect(incident["id"] as? String == "INC-2026-10-bill-spike")
    #expect(incident["start"] as? String == "2026-10-01" && incident["end"] as? String == "2026-10-31")
    let total = try #require(incident["total"] as? NSNumber).doubleValue
    #expect(total > 47_000, "the ledger's total includes at least the AWS overage")
    let ledger = try Spendtop.run(["ledger", "list", Self.bills, "--format", "json"], environment: Self.ledger)
    let ledgerTotal = try #require(try Self.incidents(ledger.stdout)?.first?["total"] as? NSNumber)
    #expect(total == ledgerTotal.doubleValue, "the same total as spendtop ledger list on the same bills")
    let markdown = try Spendtop.run(
      ["report", "weekly", Self.bills, "--end", "2026-10-11"], environment: Self.ledger)
    #expect(markdown.stdout.contains("## Incidents touched"))
    #expect(markdown.stdout.contains("| INC-2026-10-bill-spike |"))
  }

  @Test func aWeekOutsideEveryIncidentListsNone() throws {
    let week = try Spendtop.run(
      ["report", "weekly", Self.bills, "--end", "2026-09-20", "--format", "json"], environment: Self.ledger)
    #expect(week.status == 0, "\(week.stderr)")
    #expect(try Self.incidents(week.stdout)?.isEmpty == true)
    let text = try Spendtop.run(
      ["report", "weekly", Self.bills, "--end", "2026-09-20", "--format", "text"], environment: Self.ledger)
    #expect(text.stdout.contains("Incidents touched: none."))
  }
}

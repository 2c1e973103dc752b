import Foundation
import SpendStore
import Testing

/// `spendtop report weekly` on the store lists the week's anomalies with the triage saved for them.
@Suite struct WeeklyTriageTests {
  @Test func theWeeklyReportOnTheStoreCarriesSavedTriage() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"
    #expect(try Spendtop.run(["import", bills, "--db", db, "--quiet"]).status == 0)
    let detected = try Spendtop.run([
      "detect", "--db", db, "--as-of", "2026-10-11", "--since", "2026-10-05", "--format", "json",
    ])
    let anomalies = try #require(try Self.anomalies(detected.stdout))
    let first = try #require(anomalies.first)
    let key = ["kind", "start", "account", "service", "usageType", "region"]
      .map { first[$0] as? String ?? "" }.joined(separator: ":")
    try SpendStore.open(at: db, creating: false)
      .setTriage(anomaly: key, verdict: .unexpected, reason: "SELECT *")

    let weekly = try Spendtop.run(["report", "weekly", "--db", db, "--end", "2026-10-11", "--format", "json"])
    #expect(weekly.status == 0, "\(weekly.stderr)")
    let listed = try #require(try Self.anomalies(weekly.stdout))
    #expect(listed.count == anomalies.count)
    let top = try #require(listed.first)
    #expect(top["impact"] as? NSNumber == first["impact"] as? NSNumber)
    let triage = try #require(top["triage"] as? [String: Any])
    #expect(triage["state"] as? String == "not-expected")
    #expect(triage["reason"] as? String == "SELECT *")

    let fromFiles = try Spendtop.run(["report", "weekly", bills, "--end", "2026-10-11", "--format", "json"])
    let untriaged = try #require(try Self.anomalies(fromFiles.stdout))
    #expect(untriaged.count == listed.count)
    #expect(untriaged.allSatisfy { $0["triage"] is NSNull }, "files open no store, so no triage")
    let markdown = try Spendtop.run(["report", "weekly", "--db", db, "--end", "2026-10-11"]).stdout
    #expect(markdown.contains("| not-expected: SELECT * |"))
  }

  private static func anomalies(_ json: String) throws -> [[String: Any]]? {
    let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    return document?["anomalies"] as? [[String: Any]]
  }
}

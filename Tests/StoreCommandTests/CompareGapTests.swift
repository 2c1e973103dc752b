import Foundation
import Testing

/// `report compare` on a store of the sample bills with September forgotten: a base that is all
/// gap is an error (nothing to compare with, not $0), a base partly in the gap gets a note.
@Suite struct CompareGapTests {
  private static let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"

  /// A store of the sample bills without September.
  private func storeWithoutSeptember(_ directory: TemporaryDirectory) throws -> String {
    let db = directory.file("spend.sqlite")
    #expect(try Spendtop.run(["import", Self.bills, "--db", db, "--quiet"]).status == 0)
    #expect(try Spendtop.run(["forget", "--db", db, "2026-09"]).status == 0)
    return db
  }

  @Test func aBaseThatIsAllGapIsAnError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = try storeWithoutSeptember(directory)
    let result = try Spendtop.run(["report", "compare", "--db", db, "--period", "2026-10", "--format", "text"])
    #expect(result.status == 65)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("no data at all for 2026-09-01..2026-09-30, the period compared against"))
    #expect(result.stderr.contains("--against"))
  }

  @Test func aReportedPeriodThatIsAllGapIsAnErrorNotMinus100Percent() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = try storeWithoutSeptember(directory)
    let result = try Spendtop.run(["report", "compare", "--db", db, "--period", "2026-09", "--format", "json"])
    #expect(result.status == 65)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("no data at all for 2026-09-01..2026-09-30, the period reported on"))
  }

  @Test func aBasePartlyInTheGapGetsANote() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = try storeWithoutSeptember(directory)
    let result = try Spendtop.run([
      "report", "compare", "--db", db, "--period", "2026-10", "--against", "2026-09-15..2026-10-14",
      "--format", "text",
    ])
    #expect(result.status == 0)
    #expect(
      result.stdout.contains(
        "Note: No data at all for 2026-09-15 … 2026-09-30 (not imported, or forgotten): a gap, not $0"))
    let json = try Spendtop.run([
      "report", "compare", "--db", db, "--period", "2026-10", "--against", "2026-08", "--format", "json",
    ])
    #expect(json.status == 0)
    #expect(json.stdout.contains("\"notes\": []"))
  }
}

/// `report compare` of single days says `1 day`.
@Suite struct CompareWordingTests {
  @Test func oneDayIsSingular() throws {
    let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"
    let result = try Spendtop.run(["report", "compare", bills, "--period", "2026-10-15", "--format", "text"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("2026-10-15..2026-10-15 (1 day) against 2026-10-14..2026-10-14 (1 day)."))
  }
}

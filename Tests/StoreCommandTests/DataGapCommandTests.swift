import Foundation
import Testing

/// A forgotten month between imported ones is a gap: `detect` and `report weekly` say so.
@Suite struct DataGapCommandTests {
  @Test func forgottenMonthIsNamedAsAGap() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"
    #expect(try Spendtop.run(["import", bills, "--db", db, "--quiet"]).status == 0)
    #expect(try Spendtop.run(["forget", "2026-09", "--db", db]).status == 0)

    let detect = try Spendtop.run(["detect", "--db", db])
    #expect(detect.status == 0, "\(detect.stderr)")
    #expect(detect.stderr.contains("note: no data at all for 2026-09-01 … 2026-09-30"), "\(detect.stderr)")
    #expect(!detect.stdout.contains("new   2026-10-01"), "\(detect.stdout)")

    let weekly = try Spendtop.run(["report", "weekly", "--db", db, "--end", "2026-10-11"])
    #expect(weekly.status == 0, "\(weekly.stderr)")
    #expect(weekly.stdout.contains("No data at all for 2026-09-01 … 2026-09-30"), "\(weekly.stdout)")
    #expect(weekly.stdout.contains("4 of its 28 days have data"), "\(weekly.stdout)")

    let full = try Spendtop.run(["detect", bills])
    #expect(!full.stderr.contains("no data at all"))
  }
}

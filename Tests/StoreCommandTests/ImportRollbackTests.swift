import Foundation
import Testing

/// Importing an older snapshot of a stored period says that the period now ends earlier.
@Suite struct ImportRollbackTests {
  private static let october = TestPaths.shared("bills/well-architected-labs/Oct2018-WorkshopCUR.csv.gz")

  @Test func anOlderSnapshotSaysThePeriodShrank() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    // The snapshot of Oct 19: every line that mentions a day from Oct 20 on is left out.
    let early = directory.file("oct-early.csv")
    let cut = "gzip -dc '\(Self.october)' | grep -v -e ',2018-10-2[0-9]' -e ',2018-10-3[01]' > '\(early)'"
    #expect(try Shell.run(cut) == 0)
    let full = try Spendtop.run(["import", "--db", db, Self.october])
    #expect(full.status == 0 && full.stdout.contains("  periods  836060457634:2018-10 (added)\n"))

    let older = try Spendtop.run(["import", "--db", db, early])
    #expect(older.status == 0, "\(older.stderr)")
    #expect(
      older.stdout.contains(
        "  periods  836060457634:2018-10 (replaced: was 2018-10-01 – 2018-10-31, "
          + "now 2018-10-01 – 2018-10-19: an older bill?)\n"), "\(older.stdout)")

    // The full bill again: an ordinary replacement.
    let newer = try Spendtop.run(["import", "--db", db, Self.october])
    #expect(newer.stdout.contains("  periods  836060457634:2018-10 (replaced)\n"), "\(newer.stdout)")
  }
}

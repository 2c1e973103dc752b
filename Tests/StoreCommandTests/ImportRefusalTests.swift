import Foundation
import Testing

/// `spendtop import` refuses bills that would count one bill twice, and stores nothing.
@Suite struct ImportRefusalTests {
  private static let october = TestPaths.shared("bills/well-architected-labs/Oct2018-WorkshopCUR.csv.gz")

  /// October and an earlier snapshot of it (its first 10,000 line items) in one import: exit 65,
  /// both files named, the store as before.
  @Test func aBillAndAnEarlierSnapshotOfItAreRefused() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    let early = directory.file("oct-early.csv")
    #expect(try Shell.run("gzip -dc '\(Self.october)' | head -n 10001 > '\(early)'") == 0)
    let koku = TestPaths.shared("bills/koku/aws/2023-06-01.csv")
    #expect(try Spendtop.run(["import", "--db", db, koku]).status == 0)
    let before = try Spendtop.run(["imports", "--db", db])

    let refused = try Spendtop.run(["import", "--db", db, Self.october, early])
    #expect(refused.status == 65)
    #expect(refused.stdout.isEmpty)
    #expect(
      refused.stderr.contains("\(Self.october) and \(early) hold the same line items of billing period"))
    #expect(refused.stderr.contains("Use the newer one alone"))
    #expect(refused.stderr.hasSuffix("spendtop: nothing was imported; the store is unchanged\n"))
    #expect(try Spendtop.run(["imports", "--db", db]).stdout == before.stdout)
    // Each alone imports.
    #expect(try Spendtop.run(["import", "--db", db, early]).status == 0)
  }
}

import Foundation
import Testing

/// `spendtop detect` reading the store gives the answers it gives from the imported files.
@Suite struct DetectStoreTests {
  @Test(arguments: ["incident-127k", "quiet-quarter"])
  func detectFromTheStoreEqualsDetectFromTheFiles(sample: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    let bills = TestPaths.packageRoot + "/sample-bills/" + sample
    let imported = try Spendtop.run(["import", bills, "--db", db, "--quiet"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let runs = [["--format", "json"], ["--format", "table", "--min-impact", "50"], ["--as-of", "2026-10-03"]]
    for options in runs {
      let fromFiles = try Spendtop.run(["detect", bills] + options)
      let fromStore = try Spendtop.run(["detect", "--db", db] + options)
      let fromEnvironment = try Spendtop.run(["detect"] + options, environment: ["SPENDTOP_DB": db])
      #expect(fromFiles.status == 0 && fromStore.status == 0, "\(options): \(fromStore.stderr)")
      #expect(fromStore.stdout == fromFiles.stdout, "\(options)")
      #expect(fromEnvironment.stdout == fromFiles.stdout, "\(options)")
    }
    let json = try Spendtop.run(["detect", "--db", db, "--format", "json"]).stdout
    #expect(json.contains("\"kind\""), "the store's detection found no anomaly in \(sample)")
  }

  @Test func detectWithoutAStoreSaysSo() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let missing = try Spendtop.run(["detect", "--db", directory.file("none.sqlite")])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("none.sqlite"))
  }

  @Test func asOfOutsideTheDataIsSaid() throws {
    let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"
    let before = try Spendtop.run(["detect", bills, "--as-of", "2026-07-01"])
    #expect(before.status == 65)
    #expect(before.stderr.contains("--as-of 2026-07-01 is before the data starts (2026-08-01)"))
    let after = try Spendtop.run(["detect", bills, "--as-of", "2027-01-01", "--format", "json"])
    let plain = try Spendtop.run(["detect", bills, "--format", "json"])
    #expect(after.status == 0 && after.stdout == plain.stdout)
    #expect(after.stderr.contains("after the last day of data (2026-11-28)"))
  }

  @Test func detectRefusesPathsWithDb() throws {
    let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"
    let both = try Spendtop.run(["detect", bills, "--db", "/tmp/x.sqlite"])
    #expect(both.status == 64)
  }
}

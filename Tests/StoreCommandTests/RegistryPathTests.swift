import Foundation
import Testing

/// The import registry keeps absolute paths, so line items are found from any working directory.
@Suite struct RegistryPathTests {
  @Test func aRelativePathIsKeptAbsolute() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    let november = "sample-bills/incident-127k/spendtop-cur/20261101-20261201/spendtop-cur-1.csv.gz"
    let imported = try Spendtop.run(
      ["import", november, "--db", db, "--quiet"], workingDirectory: TestPaths.packageRoot)
    #expect(imported.status == 0, "\(imported.stderr)")
    let json = try Spendtop.run(["imports", "--db", db, "--format", "json"], workingDirectory: directory.path)
    let absolute = URL(fileURLWithPath: TestPaths.packageRoot + "/" + november).standardizedFileURL.path
    #expect(json.stdout.contains("\"path\": \"\(absolute)\""), "\(json.stdout)")
  }
}

import Testing

/// `spendtop imports --format json` names its keys in camelCase, as report, detect and ledger JSON do.
@Suite struct ImportsJSONKeyTests {
  @Test func importsJSONKeysAreCamelCase() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    let imported = try Spendtop.run(["import", TestPaths.shared("bills/koku/aws/2023-06-01.csv"), "--db", db])
    #expect(imported.status == 0, "\(imported.stderr)")
    let json = try Spendtop.run(["imports", "--db", db, "--format", "json"])
    #expect(json.status == 0)
    for key in ["importedAt", "rowsRead", "rowsSkipped", "lineItemType", "firstDay", "lastDay"] {
      #expect(json.stdout.contains("\"\(key)\": "), "\(key)")
    }
    // No key (a quoted name before a colon) holds an underscore.
    let parts = json.stdout.split(separator: "\"", omittingEmptySubsequences: false)
    let keys = parts.indices.filter { $0 % 2 == 1 && $0 + 1 < parts.count && parts[$0 + 1].hasPrefix(":") }
      .map { parts[$0] }
    #expect(!keys.isEmpty)
    #expect(keys.filter { $0.contains("_") }.isEmpty, "\(keys)")
  }
}

import Testing

/// A manifest that lists no report files is said, not read as a bill of $0.00.
@Suite struct EmptyManifestTests {
  /// A real CUR manifest (rudderlabs/ice) with `reportKeys: []`.
  private static let manifest = TestPaths.shared("bills/ice-manifests/manifest-2018-01.json")
  private static var note: String {
    "spendtop: note: \(manifest): lists no report files (its reportKeys is empty): nothing was read from it\n"
  }

  @Test(arguments: [["cube", "--by", "month"], ["detect"]])
  func readersSayTheManifestListsNothing(command: [String]) throws {
    let outcome = try Spendtop.run([command[0], Self.manifest] + command.dropFirst())
    #expect(outcome.status == 0)
    #expect(outcome.stderr == Self.note, "\(outcome.stderr)")
  }

  @Test func importSaysSoInItsSummary() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    let outcome = try Spendtop.run(["import", "--db", db, Self.manifest])
    #expect(outcome.status == 0)
    #expect(outcome.stderr == Self.note)
    #expect(
      outcome.stdout
        == "\(Self.manifest)\n  note     lists no report files (its reportKeys is empty): nothing imported from it\n"
        + "stored 0 cells in \(db): 0 period(s) added, 0 replaced\n")
    // A manifest with parts says nothing of the kind.
    let parts = TestPaths.shared(
      "bills/koku/test_local_bucket_prefix/my-prefix/my-report/20180801-20180901/my-report-Manifest.json")
    let listed = try Spendtop.run(["cube", parts, "--by", "month"])
    #expect(listed.status == 0 && listed.stderr.isEmpty, "\(listed.stderr)")
  }
}

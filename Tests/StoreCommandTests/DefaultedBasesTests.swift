import Testing

/// The import summary and `cube --basis` say which cost bases a bill has no columns for.
@Suite struct DefaultedBasesTests {
  /// The anonymised real CUR sample: no `NetUnblendedCost`, so the net bases equal the others.
  private static let cur = TestPaths.shared("bills/focus-converters/sample-anonymous-aws-export-dataset.csv")
  /// The FOCUS sample: `EffectiveCost` states amortized, nothing states net.
  private static let focus = TestPaths.shared("bills/focus-sample-data/focus_sample.csv")

  @Test func theImportSummaryNamesTheDefaultedBases() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let imported = try Spendtop.run(["import", "--db", directory.file("spend.sqlite"), Self.cur])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(
      imported.stdout.contains(
        "    Usage           USD            1.60\n"
          + "  basis    net-unblended: no net unblended cost column: equals unblended\n"
          + "  basis    net-amortized: no net cost columns: equals amortized\n"
          + "stored 1,281 cells"), "\(imported.stdout)")
    #expect(!imported.stdout.contains("basis    amortized"))
  }

  @Test func cubeNotesABasisTheBillsCannotState() throws {
    let net = try Spendtop.run(["cube", Self.cur, "--by", "month", "--basis", "net-unblended"])
    #expect(net.status == 0)
    #expect(
      net.stderr
        == "spendtop: note: --basis net-unblended: no net unblended cost column: equals unblended (\(Self.cur))\n")
    let both = try Spendtop.run(
      ["cube", Self.cur, Self.focus, "--by", "month,currency", "--basis", "net-amortized"])
    #expect(both.status == 0)
    #expect(both.stderr.contains("--basis net-amortized: no net cost columns: equals amortized (all 2 files)"))
    // Stated bases say nothing: unblended always, amortized where FOCUS has EffectiveCost.
    #expect(try Spendtop.run(["cube", Self.cur, "--by", "month"]).stderr.isEmpty)
    #expect(try Spendtop.run(["cube", Self.focus, "--by", "month", "--basis", "amortized"]).stderr.isEmpty)
  }
}

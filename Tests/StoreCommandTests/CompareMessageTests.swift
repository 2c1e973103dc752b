import Testing

/// `report compare` says which period has no data, with the values typed.
@Suite struct CompareMessageTests {
  private static let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"

  @Test("report compare names the uncovered part, the default comparison and a reversed range")
  func compareSaysWhichPeriodHasNoData() throws {
    let partly = try Spendtop.run(["report", "compare", Self.bills, "--period", "2026-07-01..2026-08-31"])
    #expect(partly.status == 65)
    #expect(
      partly.stderr
        == "spendtop: --period 2026-07-01..2026-08-31: no data for 2026-07-01..2026-07-31, part of "
        + "2026-07-01..2026-08-31 (the bills cover 2026-08-01..2026-11-28)\n")
    let firstWeek = try Spendtop.run(["report", "compare", Self.bills, "--period", "2026-08-01..2026-08-07"])
    #expect(firstWeek.status == 65)
    #expect(
      firstWeek.stderr
        == "spendtop: the default comparison, the 7 days before (2026-07-25..2026-07-31), has no data "
        + "(the bills cover 2026-08-01..2026-11-28); give --against\n")
    let against = try Spendtop.run([
      "report", "compare", Self.bills, "--period", "2026-08", "--against", "2026-07",
    ])
    #expect(against.stderr.hasPrefix("spendtop: --against 2026-07: no data for 2026-07-01..2026-07-31 ("))
    let reversed = try Spendtop.run(["report", "compare", Self.bills, "--period", "2026-08-07..2026-08-01"])
    #expect(reversed.status == 64)
    #expect(
      reversed.stderr.hasPrefix(
        "spendtop: --period 2026-08-07..2026-08-01 ends before it starts "
          + "(2026-08-01 is before 2026-08-07)\n"))
  }
}

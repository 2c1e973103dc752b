import Testing

/// `report compare --period` with one month on the real sample bills.
@Suite struct ReportCompareCommandTests {
  private static let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"

  @Test("--period 2026-10 is October against September, as the two ranges written out")
  func aMonthIsTheMonthAgainstTheMonthBefore() throws {
    let month = try Spendtop.run(["report", "compare", Self.bills, "--period", "2026-10", "--format", "json"])
    let written = try Spendtop.run([
      "report", "compare", Self.bills, "--period", "2026-10-01..2026-10-31", "--against",
      "2026-09-01..2026-09-30", "--format", "json",
    ])
    #expect(month.status == 0)
    #expect(month.stderr == "")
    #expect(month.stdout.contains("\"2026-10-01\""))
    #expect(month.stdout.contains("\"2026-09-30\""))
    #expect(month.stdout == written.stdout)
  }

  @Test("--against takes a month too; a malformed period names the forms")
  func againstAMonthAndAMalformedPeriod() throws {
    let august = try Spendtop.run([
      "report", "compare", Self.bills, "--period", "2026-10", "--against", "2026-08", "--format", "json",
    ])
    let written = try Spendtop.run([
      "report", "compare", Self.bills, "--period", "2026-10-01..2026-10-31", "--against",
      "2026-08-01..2026-08-31", "--format", "json",
    ])
    #expect(august.status == 0)
    #expect(august.stdout == written.stdout)
    let bad = try Spendtop.run(["report", "compare", Self.bills, "--period", "2026-1"])
    #expect(bad.status == 64)
    #expect(
      bad.stderr.hasPrefix(
        "spendtop: --period expects YYYY-MM-DD..YYYY-MM-DD, YYYY-MM-DD, YYYY-MM or YYYY-MM..YYYY-MM, "
          + "got '2026-1'"))
  }

  @Test("--period 2026-11 with data to Nov 28 is Nov 1-28 against Oct 1-28, with a note")
  func aMonthInProgressIsComparedSoFar() throws {
    let month = try Spendtop.run(["report", "compare", Self.bills, "--period", "2026-11", "--format", "json"])
    let written = try Spendtop.run([
      "report", "compare", Self.bills, "--period", "2026-11-01..2026-11-28", "--against",
      "2026-10-01..2026-10-28", "--format", "json",
    ])
    #expect(month.status == 0, "\(month.stderr)")
    #expect(month.stdout == written.stdout)
    #expect(
      month.stderr == "spendtop: note: 2026-11 is in progress (the data ends 2026-11-28): comparing "
        + "2026-11-01..2026-11-28 with the same days before, 2026-10-01..2026-10-28\n")
    let against = try Spendtop.run([
      "report", "compare", Self.bills, "--period", "2026-11", "--against", "2026-09", "--format", "json",
    ])
    let againstWritten = try Spendtop.run([
      "report", "compare", Self.bills, "--period", "2026-11-01..2026-11-28", "--against",
      "2026-09-01..2026-09-30", "--format", "json",
    ])
    #expect(against.status == 0, "\(against.stderr)")
    #expect(against.stdout == againstWritten.stdout)
  }
}

import Testing

/// `ledger new` with a reversed window names both dates.
@Suite struct LedgerWindowMessageTests {
  @Test("ledger new with a reversed window names both dates")
  func aReversedWindowNamesBothDates() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let reversed = try Spendtop.run([
      "ledger", "new", "--ledger", directory.path, "--title", "T", "--start", "2026-10-05",
      "--end", "2026-10-01",
    ])
    #expect(reversed.status == 64)
    #expect(reversed.stderr == "spendtop: the window ends (2026-10-01) before it starts (2026-10-05)\n")
  }
}

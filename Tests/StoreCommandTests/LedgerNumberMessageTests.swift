import Testing

/// A number of the wrong kind is quoted as typed.
@Suite struct LedgerNumberMessageTests {
  /// A ledger folder with one incident, `INC-1`, and the `--ledger` option naming it.
  private func ledgerWithAnIncident() throws -> (directory: TemporaryDirectory, option: [String]) {
    let directory = try TemporaryDirectory()
    let option = ["--ledger", directory.path]
    let created = try Spendtop.run(
      ["ledger", "new"] + option
        + ["--id", "INC-1", "--title", "T", "--start", "2026-10-01", "--end", "2026-10-05"])
    #expect(created.status == 0, "\(created.stderr)")
    return (directory, option)
  }

  @Test("--people 2.5 says 'not 2.5', not 'not a number'")
  func aFractionalHeadcountIsQuoted() throws {
    let (directory, ledger) = try ledgerWithAnIncident()
    defer { directory.remove() }
    let added = try Spendtop.run(
      ["ledger", "add"] + ledger + [
        "INC-1", "cost", "--category", "engineering-time", "--description", "C", "--role", "r",
        "--people", "2.5", "--hours", "3",
      ])
    #expect(added.status == 64)
    #expect(added.stderr == "spendtop: people must be a whole number, not 2.5\n")
  }

  @Test("--amount -5 (a space, not =) is the value -5, refused by name, not a missing value")
  func aNegativeAmountAfterASpaceIsAValue() throws {
    let (directory, ledger) = try ledgerWithAnIncident()
    defer { directory.remove() }
    let added = try Spendtop.run(
      ["ledger", "add"] + ledger + [
        "INC-1", "cost", "--category", "revenue-loss", "--description", "Checkout down", "--amount", "-5",
      ])
    #expect(added.status == 64)
    let refusal = "spendtop: --amount cannot be negative for a revenue-loss line"
    #expect(added.stderr.hasPrefix(refusal), "\(added.stderr)")
    let positive = try Spendtop.run(
      ["ledger", "add"] + ledger + [
        "INC-1", "cost", "--category", "revenue-loss", "--description", "Checkout down", "--amount", "5",
      ])
    #expect(positive.status == 0, "\(positive.stderr)")
  }
}

import Testing

/// Each ledger command's `--help` lists exactly the formats it accepts, and the parser rejects the rest.
@Suite struct LedgerFormatHelpTests {
  @Test("ledger export lists markdown and json only, and rejects table with those two named")
  func exportListsWhatItWrites() throws {
    let help = try Spendtop.run(["ledger", "export", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("(values: markdown, json;"))
    #expect(!help.stdout.contains("values: table"))
    let table = try Spendtop.run(["ledger", "export", "INC-1", "--format", "table"])
    #expect(table.status == 64)
    #expect(
      table.stderr.hasPrefix(
        "spendtop: The value 'table' is invalid for '--format <format>'. "
          + "Please provide one of 'markdown' and 'json'."))
  }

  @Test("ledger list lists table and json only; ledger show keeps all three")
  func listAndShowListWhatTheyPrint() throws {
    let list = try Spendtop.run(["ledger", "list", "--help"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("(values: table, json;"))
    #expect(!list.stdout.contains("markdown"))
    #expect(list.stdout.contains("table or json."))
    let markdown = try Spendtop.run(["ledger", "list", "--format", "markdown"])
    #expect(markdown.status == 64)
    #expect(markdown.stderr.contains("Please provide one of 'table' and 'json'."))
    let show = try Spendtop.run(["ledger", "show", "--help"])
    #expect(show.stdout.contains("(values: table, json,"))
    #expect(show.stdout.contains("markdown; default: table)"))
  }
}

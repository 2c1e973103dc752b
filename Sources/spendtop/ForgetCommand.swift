import ArgumentParser
import SpendStore

/// `spendtop forget PERIOD`: removes a billing period from the store.
struct ForgetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forget",
    abstract: "Remove a billing period from the store.",
    discussion: """
      PERIOD is YYYY-MM (that month of every payer account) or PAYER:YYYY-MM (one payer's bill), \
      e.g. 2026-10 or 123456789012:2026-10. The import registry keeps the files; `spendtop imports` \
      shows their periods as forgotten. Import the bills again to bring a period back.

      Exit codes: 0 success; 64 malformed PERIOD; 66 no store, or no such period in it.
      """)

  @Argument(help: "The billing period: YYYY-MM or PAYER:YYYY-MM.")
  var period: String

  @OptionGroup var store: StoreOptions

  func run() throws {
    let removed = try StoreError.reporting { () throws(StoreError) in
      let selector = try PeriodSelector(parsing: period)
      return try store.open(creating: false).forget(selector)
    }
    for stored in removed {
      let cells = "\(StoreFormatting.count(stored.cells)) \(stored.cells == 1 ? "cell" : "cells")"
      print("forgot \(stored.period) (\(cells))")
    }
  }
}

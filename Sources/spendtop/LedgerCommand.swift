import ArgumentParser

/// `spendtop ledger`: the incident cost ledger.
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "Account for what an incident cost: AWS overage, people, revenue, run-rate, velocity.",
    discussion: """
      One human-readable TOML file per incident in a ledger folder (--ledger PATH, $SPENDTOP_LEDGER, \
      or $XDG_DATA_HOME/spendtop/ledger). Cost lines: aws-overage (from the bills), engineering-time, \
      revenue-loss, customer-credits, run-rate-increase (from a step in the bills, or entered), \
      lost-velocity. Bill-derived lines are recomputed from the bills each time and are missing \
      without them.
      """,
    subcommands: [
      LedgerList.self, LedgerShow.self, LedgerNew.self, LedgerAdd.self, LedgerEdit.self, LedgerExport.self,
    ])
}

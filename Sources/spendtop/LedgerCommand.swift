import ArgumentParser

/// `spendtop ledger`: the incident cost ledger.
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "Account for what an incident cost: AWS overage, people, revenue, run-rate, velocity.",
    discussion: """
      One human-readable TOML file per incident in a ledger folder (--ledger PATH, $SPENDTOP_LEDGER, \
      or $XDG_DATA_HOME/spendtop/ledger). Bill-derived lines are recomputed from the bills given as \
      PATH... each time and are missing without them.

      Categories and formulas:
        aws-overage        Σ(actual − expected) over the window for the linked series; expected frozen \
      at the pre-incident baseline (per-weekday median of the 4 weeks before; fees and tax: the month before)
        engineering-time   people × (hours × role weight + review hours) × hourly rate (annual cost ÷ 2,080)
        revenue-loss       degraded hours × revenue per hour, or an amount
        customer-credits   customers × monthly contract value × credit %, or an amount
        run-rate-increase  (monthly level after the step − before) × 12 months, from the bills; or entered
        lost-velocity      engineer-days × daily rate, or an amount

      Exit codes: 0 success; 64 bad option or change; 65 invalid ledger file or bill; 66 no such \
      incident or bill path; 73 the ID exists; 74 I/O error; 75 the file changed on disk (re-run).
      """,
    subcommands: [
      LedgerList.self, LedgerShow.self, LedgerNew.self, LedgerAdd.self, LedgerEdit.self, LedgerExport.self,
    ])
}

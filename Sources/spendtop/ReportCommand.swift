import ArgumentParser

/// `spendtop report`: the weekly review and period comparisons, for people and cron jobs.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Weekly spend review and period comparison (markdown, json or text).",
    discussion: """
      Exit codes (every report subcommand): 0 report written; 1 report written and an --alert-over \
      threshold crossed; 64 usage error (bad option, several currencies without --currency); 65 the \
      data cannot be read or does not cover the period (bad bill, invalid snapshot, --end after the \
      data); 66 a path or snapshot does not exist or cannot be opened; 73 --output or \
      --save-snapshot cannot be written (the old file is left as it was).
      """,
    subcommands: [ReportWeeklyCommand.self, ReportCompareCommand.self])
}

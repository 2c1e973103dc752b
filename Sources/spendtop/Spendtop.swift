import ArgumentParser

/// The `spendtop` command: a terminal dashboard for cloud spend incidents.
@main
struct Spendtop: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spendtop",
    abstract: "A terminal dashboard for cloud spend incidents.",
    discussion: """
      Reads AWS billing exports (legacy Cost and Usage Report CSV and manifests, its Athena \
      naming, CUR 2.0, FOCUS 1.0–1.2, Cost Explorer downloads), finds spend spikes and their \
      root causes, and accounts for what an incident cost.
      """,
    version: "0.1.0",
    subcommands: [
      DashboardCommand.self, CubeCommand.self, ImportCommand.self, ImportsCommand.self, ForgetCommand.self,
      SQLCommand.self, DetectCommand.self, ReportCommand.self, LedgerCommand.self, InfoCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self)

  /// Parses the command line and runs the chosen command; usage errors end as one line
  /// `spendtop: MESSAGE` and exit 64 (`UsageErrors`), help and version as the parser prints them.
  static func main() async {
    do {
      var command = try await asyncParseAsRoot(nil)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      UsageErrors.exit(with: error)
    }
  }
}

import Testing

/// Usage errors from the argument parser end as spendtop's own errors do: one line
/// `spendtop: MESSAGE` on stderr (and where to find help), nothing on stdout, exit 64.
@Suite(.timeLimit(.minutes(5)))
struct UsageErrorTests {
  /// One mistyped command line and the message it gets.
  struct Case: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var message: String
    var command: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(
      arguments: ["cube", "good.csv", "--by", "service", "--bogus"],
      message: "Unknown option '--bogus'. Did you mean '--basis'?", command: "spendtop cube"),
    Case(
      arguments: ["cube", "good.csv", "--by"], message: "Missing value for '--by <by>'",
      command: "spendtop cube"),
    Case(
      arguments: ["detect", "good.csv", "--format", "xml"],
      message: "The value 'xml' is invalid for '--format <format>'. "
        + "Please provide one of 'table', 'json' or 'csv'.",
      command: "spendtop detect"),
    Case(
      arguments: ["report", "compare", "good.csv"], message: "Missing expected argument '--period <period>'",
      command: "spendtop report compare"),
    // Thrown by the command itself (`ValidationError` in `run`), not by the parser.
    Case(
      arguments: ["cube", "good.csv", "--by", "colour"],
      message: "unknown dimension 'colour'; use one of day, month, payer, account, service, usage-type, "
        + "operation, region, resource, line-item-type, currency, tag:KEY",
      command: "spendtop cube"),
  ]

  @Test(arguments: cases)
  func aUsageErrorIsOneLineAndExit64(_ input: Case) throws {
    let outcome = try SpendtopProcess.run(input.arguments)
    #expect(!outcome.timedOut)
    #expect(outcome.status == 64)
    #expect(outcome.stderr == "spendtop: \(input.message)\nsee '\(input.command) --help'\n")
    #expect(outcome.stdout == "")
  }

  @Test func helpAndVersionStillPrintAndSucceed() throws {
    let help = try SpendtopProcess.run(["report", "compare", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.hasPrefix("OVERVIEW: Two periods side by side"))
    #expect(help.stdout.contains("USAGE: spendtop report compare"))
    #expect(help.stderr == "")
    let version = try SpendtopProcess.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout == "0.1.0\n")
    #expect(version.stderr == "")
  }
}

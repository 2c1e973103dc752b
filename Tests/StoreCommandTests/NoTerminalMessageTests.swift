import Testing

@testable import spendtop

/// The dashboard says why it has no terminal.
@Suite struct NoTerminalMessageTests {
  private static let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"

  @Test("without a TTY the dashboard blames the TTY, not TERM")
  func noTerminalNamesTheActualCause() throws {
    let piped = try Spendtop.run([Self.bills], environment: ["TERM": "xterm"])
    #expect(piped.status == 2)
    #expect(piped.stderr.hasPrefix("spendtop: no usable terminal: standard "))
    #expect(piped.stderr.contains("output"))
    #expect(!piped.stderr.contains("TERM=xterm"))
    #expect(
      DashboardCommand.noTerminalCause(stdinIsTTY: true, stdoutIsTTY: false, term: "xterm")
        == "standard output is not a terminal (piped or redirected)")
    #expect(
      DashboardCommand.noTerminalCause(stdinIsTTY: true, stdoutIsTTY: true, term: "vt9000")
        == "TERM=vt9000 is not known to terminfo (try TERM=xterm-256color)")
    #expect(
      DashboardCommand.noTerminalCause(stdinIsTTY: true, stdoutIsTTY: true, term: nil) == "TERM is not set")
  }
}

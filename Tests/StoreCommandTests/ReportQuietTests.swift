import Foundation
import Testing

/// `--quiet` silences the notes on stderr; the report still goes to stdout unless `--output` names
/// a file, as README and `--help` say.
@Suite struct ReportQuietTests {
  private static let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"

  @Test func quietKeepsTheReportOnStdoutWithoutOutput() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let onStdout = try Spendtop.run(["report", "weekly", Self.bills, "--quiet"])
    #expect(onStdout.status == 0)
    #expect(onStdout.stderr == "")
    #expect(onStdout.stdout.hasPrefix("# "))
    let file = directory.file("weekly.md")
    let toFile = try Spendtop.run(["report", "weekly", Self.bills, "--quiet", "--output", file])
    #expect(toFile.status == 0)
    #expect(toFile.stdout == "" && toFile.stderr == "")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == onStdout.stdout)
    let help = try Spendtop.run(["report", "weekly", "--help"])
    let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("still goes to standard output unless --output names a file"))
  }
}

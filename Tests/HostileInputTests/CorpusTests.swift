import BillImport
import Testing

/// The committed corpus of broken inputs (Tests/Fixtures/hostile), each run through the real
/// `spendtop cube` binary: exact exit code, exact stderr (naming the file as given, the line and
/// column, what was expected), and nothing on stdout when the import fails (a batch with a bad
/// file yields no partial result).
@Suite(.timeLimit(.minutes(5)))
struct CorpusTests {
  /// One input and exactly what spendtop must do with it.
  struct Case: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var status: Int32
    var stderr: String
    var stdout = ""
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let formats = BillFormat.readableFormatsText

  static let cases: [Case] = [
    Case(
      arguments: ["truncated.csv.gz"], status: 65,
      stderr: "truncated.csv.gz:163: damaged or truncated gzip data (unexpected end of file) in the record "
        + "starting here; expected a complete gzip stream"),
    Case(
      arguments: ["binary-garbage.csv"], status: 65,
      stderr: "binary-garbage.csv:1: not a billing export spendtop reads; expected the header of \(formats)"),
    Case(
      arguments: ["empty.csv"], status: 65,
      stderr: "empty.csv: the file is empty (0 bytes); expected a billing export starting with a header line"),
    Case(
      arguments: ["blank-lines-only.csv"], status: 65,
      stderr: "blank-lines-only.csv:3: only blank lines; expected a billing export starting with a header line"),
    Case(
      arguments: ["header-only.csv"], status: 0,
      stderr: "note: header-only.csv: a header and no data rows; nothing to add", stdout: "service,cost\n"),
    Case(
      arguments: ["unknown-header.csv"], status: 65,
      stderr: "unknown-header.csv:1: not a billing export spendtop reads; expected the header of \(formats)"),
    Case(
      arguments: ["unterminated-quote.csv"], status: 65,
      stderr: "unterminated-quote.csv:3:3: a quoted field opens here and never closes; expected a closing quote "
        + "(\") before the end of the file"),
    Case(
      arguments: ["ragged-row.csv"], status: 65, stderr: "ragged-row.csv:3: expected 7 fields, found 5"),
    Case(
      arguments: ["non-numeric-cost.csv"], status: 65,
      stderr: "non-numeric-cost.csv:3:6: column lineItem/UnblendedCost: expected a decimal amount, found \"$1250.00\""),
    Case(
      arguments: ["unparseable-date.csv"], status: 65,
      stderr: "unparseable-date.csv:3:4: column lineItem/UsageStartDate: expected a date (YYYY-MM-DD…), "
        + "found \"08/01/2026 00:00\""),
    Case(
      arguments: ["invalid-utf8.csv"], status: 65,
      stderr: "invalid-utf8.csv:3:5: column lineItem/ProductCode: expected UTF-8 text, found byte 0xE9 (not UTF-8) "
        + "at byte 4: \"Caf\\xE9Service\""),
    Case(
      arguments: ["control-characters.csv"], status: 65,
      stderr: "control-characters.csv:2:5: column lineItem/ProductCode: expected text without control characters, "
        + "found U+001B at byte 7: \"Amazon\\x1B]0;pwned\\x07EC2\""),
    Case(
      arguments: ["duplicate-header.csv"], status: 65,
      stderr: "duplicate-header.csv:1:5: column line_item_unblended_cost repeats column 3 (lineItem/UnblendedCost); "
        + "expected each column once"),
    Case(
      arguments: ["manifest-missing-part"], status: 65,
      stderr: "manifest-missing-part/report-Manifest.json: lists part report/20260801-20260901/asm-1/report-2.csv, "
        + "which is missing; expected a file at manifest-missing-part/asm-1/report-2.csv"),
    Case(
      arguments: ["manifest-missing-part/report-Manifest.json"], status: 65,
      stderr: "manifest-missing-part/report-Manifest.json: lists part report/20260801-20260901/asm-1/report-2.csv, "
        + "which is missing; expected a file at manifest-missing-part/asm-1/report-2.csv"),
    Case(
      arguments: ["manifest-dotdot.json"], status: 65,
      stderr: "manifest-dotdot.json: part report/../../good.csv points outside the manifest's folder; refusing to "
        + "read it (expected a key under the manifest's folder)"),
    Case(
      arguments: ["manifest-absolute.json"], status: 65,
      stderr: "manifest-absolute.json: lists part /etc/passwd, which is missing; expected a file at passwd"),
    Case(
      arguments: ["manifest-nul.json"], status: 65,
      stderr: "manifest-nul.json: part good.csv\\x00.gz points outside the manifest's folder; refusing to read it "
        + "(expected a key under the manifest's folder)"),
    Case(
      arguments: ["broken-manifest-folder"], status: 65,
      stderr: "broken-manifest-folder/report-Manifest.json:3:1: not a valid CUR manifest: not JSON; "
        + "expected ',' or ']'"),
    Case(
      arguments: ["mixed-currencies.csv"], status: 64,
      stderr: "the data holds several currencies (EUR, USD) that cannot be added together; group by currency "
        + "(--by ...,currency) or keep one (--currency EUR)\n  mixed-currencies.csv: EUR, USD"),
    Case(
      arguments: ["good.csv", "eur.csv"], status: 64,
      stderr: "the data holds several currencies (EUR, USD) that cannot be added together; group by currency "
        + "(--by ...,currency) or keep one (--currency EUR)\n  good.csv: USD\n  eur.csv: EUR"),
    Case(
      arguments: ["no-bills"], status: 65,
      stderr: "no-bills: no billing exports found (spendtop reads .csv, .csv.gz and CUR manifest .json files)"),
    Case(arguments: ["does-not-exist.csv"], status: 66, stderr: "does-not-exist.csv: no such file or folder"),
    Case(arguments: ["good.csv/bill.csv"], status: 66, stderr: "good.csv/bill.csv: cannot open: Not a directory"),
    Case(
      arguments: ["good.csv", "ragged-row.csv"], status: 65, stderr: "ragged-row.csv:3: expected 7 fields, found 5"),
  ]

  @Test(arguments: cases)
  func brokenInputGivesItsExactErrorAndExitCode(_ input: Case) throws {
    let outcome = try SpendtopProcess.run(["cube"] + input.arguments + ["--by", "service"])
    #expect(!outcome.timedOut)
    #expect(outcome.status == input.status)
    #expect(outcome.stderr == "spendtop: " + input.stderr + "\n")
    #expect(outcome.stdout == input.stdout)
  }

  @Test func theGoodFileBesideTheCorpusReads() throws {
    let outcome = try SpendtopProcess.run(["cube", "good.csv", "--by", "service"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout == "service,cost\nAmazonEC2,1.250000\nAmazonS3,2.500000\n")
    #expect(outcome.stderr == "")
  }

  @Test func skipBadRowsListsTheInvalidTextRowAndKeepsTheRest() throws {
    let outcome = try SpendtopProcess.run(["cube", "invalid-utf8.csv", "--by", "service", "--skip-bad-rows"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout == "service,cost\nAmazonEC2,1.250000\n")
    #expect(
      outcome.stderr == """
        spendtop: skipped 1 unreadable row(s); totals are incomplete:
          invalid-utf8.csv:3:5: column lineItem/ProductCode: expected UTF-8 text, found byte 0xE9 (not UTF-8) \
        at byte 4: "Caf\\xE9Service"

        """)
  }
}

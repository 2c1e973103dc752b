import Foundation
import Testing

/// `spendtop detect`'s `--currency` and `--skip-bad-rows`, with cube's semantics.
@Suite struct DetectOptionsTests {
  static let usd = TestPaths.packageRoot + "/sample-bills/incident-127k"
  static let nok = TestPaths.shared("bills/koku/aws/2023-06-01.csv")

  @Test func severalCurrenciesNameTheOption() throws {
    let mixed = try Spendtop.run(["detect", Self.usd, Self.nok])
    #expect(mixed.status == 64)
    #expect(mixed.stderr.contains("several currencies (NOK, USD)"), "\(mixed.stderr)")
    #expect(mixed.stderr.contains("--currency CODE"), "\(mixed.stderr)")
  }

  @Test func currencyKeepsOneCurrencyAsIfAlone() throws {
    let alone = try Spendtop.run(["detect", Self.usd, "--format", "json"])
    let kept = try Spendtop.run(["detect", Self.usd, Self.nok, "--currency", "usd", "--format", "json"])
    #expect(kept.status == 0, "\(kept.stderr)")
    #expect(kept.stdout == alone.stdout)
    #expect(kept.stdout.contains("AmazonElastiCache"))
    let nokAlone = try Spendtop.run(["detect", Self.nok, "--format", "json"])
    let nokKept = try Spendtop.run(["detect", Self.usd, Self.nok, "--currency", "NOK", "--format", "json"])
    #expect(nokKept.status == 0 && nokKept.stdout == nokAlone.stdout, "\(nokKept.stderr)")
    let none = try Spendtop.run(["detect", Self.usd, "--currency", "EUR"])
    #expect(none.status == 0)
    #expect(none.stderr.contains("note: no cost in EUR"), "\(none.stderr)")
  }

  @Test func skipBadRowsListsThemAndSaysResultsAreIncomplete() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    // koku's CUR with one cost cell damaged on line 3.
    let original = try String(contentsOfFile: TestPaths.shared("bills/koku/test_cur.csv"), encoding: .utf8)
    // CRLF is one Character in Swift: split on any newline.
    var lines = original.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    try #require(lines.count > 2)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
    let cost = try #require(header.firstIndex(of: "lineItem/UnblendedCost"))
    var fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    try #require(cost < fields.count)
    fields[cost] = "n/a"
    lines[2] = fields.joined(separator: ",")
    let damaged = directory.file("damaged.csv")
    try lines.joined(separator: "\n").write(toFile: damaged, atomically: true, encoding: .utf8)

    let strict = try Spendtop.run(["detect", damaged])
    #expect(strict.status == 65)
    let skipping = try Spendtop.run(["detect", damaged, "--skip-bad-rows", "--format", "json"])
    #expect(skipping.status == 0, "\(skipping.stderr)")
    #expect(skipping.stderr.contains("skipped 1 unreadable row(s); results are from incomplete data"))
    #expect(skipping.stderr.contains("damaged.csv:3:\(cost + 1)"), "\(skipping.stderr)")
    #expect(skipping.stdout.hasPrefix("{\"anomalies\""))
  }
}

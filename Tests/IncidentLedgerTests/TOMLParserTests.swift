import SpendFormats
import SpendModel
import Testing

@testable import IncidentLedger

/// The TOML subset ledger files use: values with their lines, and errors with line and column.
@Suite struct TOMLParserTests {
  @Test func readsScalarsWithTheirLines() throws {
    let table = try TOMLParser.parse(
      """
      # comment
      title = "a \\"quoted\\" word\\tand tab" # trailing comment
      literal = 'C:\\path'
      amount = 47_012.5
      count = 12
      negative = -3.25e2
      flag = true
      start = 2026-10-01
      at = 2026-10-03T09:14:00Z
      spaced = 2026-10-03 09:14Z
      """)
    #expect(table["title"] == TOMLNode(.string("a \"quoted\" word\tand tab"), line: 2))
    #expect(table["literal"]?.value == .string("C:\\path"))
    #expect(table["amount"] == TOMLNode(.number("47012.5"), line: 4))
    #expect(table["count"]?.value == .number("12"))
    #expect(table["negative"]?.value == .number("-3.25e2"))
    #expect(table["flag"]?.value == .boolean(true))
    #expect(table["start"]?.value == .date(day("2026-10-01")))
    #expect(table["at"]?.value == .time(UTCTime(day: day("2026-10-03"), hour: 9, minute: 14)))
    #expect(table["spaced"]?.value == .time(UTCTime(day: day("2026-10-03"), hour: 9, minute: 14)))
  }

  @Test func readsMultiLineStringsArraysAndTables() throws {
    let table = try TOMLParser.parse(
      """
      notes = \"\"\"
      first line
      second \\
        joined\"\"\"
      tags = [
        "a", # first
        "b",
      ]

      [rates]
      annual_cost = 208000

      [[cost]]
      category = "aws-overage"
      series = [{ service = "AmazonElastiCache" }, { usage_type = "X", region = "us-east-1" }]

      [[cost]]
      category = "revenue-loss"
      """)
    #expect(table["notes"]?.value == .string("first line\nsecond joined"))
    #expect(
      table["tags"]?.value == .array([TOMLNode(.string("a"), line: 6), TOMLNode(.string("b"), line: 7)]))
    guard case .table(let rates) = table["rates"]?.value, case .array(let costs) = table["cost"]?.value else {
      Issue.record("missing tables")
      return
    }
    #expect(rates.line == 10)
    #expect(rates["annual_cost"]?.value == .number("208000"))
    #expect(costs.count == 2)
    #expect(costs.map(\.line) == [13, 17])
    guard case .table(let first) = costs[0].value, case .array(let series) = first["series"]?.value else {
      Issue.record("missing series")
      return
    }
    #expect(series.count == 2)
  }

  @Test(arguments: [
    ("title = \"unterminated\nnext = 1", 1, "not closed"),
    ("a = 1\na = 2", 2, "defined twice"),
    ("a = 1\n\nb = 2026-13-01", 3, "not a valid date"),
    ("a.b = 1", 1, "dotted keys"),
    ("x = 1 2", 1, "end of the line"),
    ("when = 2026-10-01T10:00:00", 1, "UTC"),
    ("[rates]\nx = 1\n[rates]", 3, "defined twice"),
    ("list = [1, 2", 1, "not closed"),
    ("s = \"bad \\q escape\"", 1, "unknown escape"),
    ("n = 1__0", 1, "not a value"),
  ])
  func reportsLineOfSyntaxErrors(text: String, line: Int, fragment: String) {
    do {
      _ = try TOMLParser.parse(text)
      Issue.record("parsed: \(text)")
    } catch {
      #expect(error.line == line)
      #expect(error.message.contains(fragment), "\(error.message)")
    }
  }

  @Test func writerEscapesRoundTrip() throws {
    let awkward = "quote \" backslash \\ tab \t bell \u{7} é 🚀"
    var writer = TOMLWriter()
    writer.set("one", awkward)
    writer.set("many", "line one\n\"\"\"quoted\"\"\"\nends with quote\"")
    writer.set("odd key", "x")
    let table = try TOMLParser.parse(writer.text)
    #expect(table["one"]?.value == .string(awkward))
    #expect(table["many"]?.value == .string("line one\n\"\"\"quoted\"\"\"\nends with quote\""))
    #expect(table["odd key"]?.value == .string("x"))
  }
}

import SpendFormats
import Testing

/// The shared TOML reader as the dashboard's settings files use it.
@Suite struct TOMLTests {
  @Test func arraysSpanLinesWithComments() throws {
    let root = try TOMLParser.parse("[heat]\ngradient = [\n  \"#000000\", # dark\n  \"red\",\n]\n")
    guard case .table(let heat)? = root["heat"]?.value else {
      Issue.record("no [heat] table")
      return
    }
    #expect(heat["gradient"]?.array?.compactMap(\.string) == ["#000000", "red"])
    #expect(heat["gradient"]?.array?.map(\.line) == [3, 4])
    #expect(heat.line == 1)
    #expect(!heat.isInline)
  }

  @Test func inlineTablesAreMarkedAndBareWordsNeedQuotes() throws {
    let root = try TOMLParser.parse("x = { a = 1 }\nn = 5_000\n")
    guard case .table(let inline)? = root["x"]?.value else {
      Issue.record("x is not a table")
      return
    }
    #expect(inline.isInline)
    #expect(root["n"]?.number == 5000)
    let bareWord = TOMLSyntaxError(line: 1, column: 8, message: "\"dark\" is not a value (strings need quotes)")
    #expect(throws: bareWord) {
      try TOMLParser.parse("name = dark")
    }
  }
}

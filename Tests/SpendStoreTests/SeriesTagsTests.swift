import Testing

@testable import SpendStore

/// The inline tags text of a series: written by the importer, read back by `loadCube`.
@Suite struct SeriesTagsTests {
  @Test func writesTheJSONThatSQLiteWrites() {
    #expect(SeriesTags.text(of: []) == "{}")
    #expect(SeriesTags.text(of: [12, 34, 15, 40]) == #"{"12":34,"15":40}"#)
  }

  @Test func readsBackWhatItWrites() {
    for pairs: [Int64] in [[], [1, 2], [12, 34, 15, 40], [9_000_000_000, 7]] {
      #expect(SeriesTags.ids(of: SeriesTags.text(of: pairs)) == pairs)
    }
  }

  @Test(arguments: ["", "{", "12:34", #"{"12":}"#, #"{"12"}"#, #"{"12":34,}"#, #"{"a":1}"#, #"{"1":2:3}"#])
  func refusesWhatItNeverWrites(text: String) {
    #expect(SeriesTags.ids(of: text) == nil)
  }

  @Test func readsTheTextOfTheSchema3Migration() throws {
    let store = try SpendStore.inMemory()
    let rows = try store.connection.query(
      "SELECT json_group_object(CAST(k AS TEXT), v) FROM (SELECT 12 AS k, 34 AS v UNION ALL SELECT 15, 40)")
    let text = try #require(rows.first?.first?.text)
    #expect(SeriesTags.ids(of: text) == [12, 34, 15, 40])
  }
}

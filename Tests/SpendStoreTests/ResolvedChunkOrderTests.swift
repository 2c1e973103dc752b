import SpendModel
import Testing

@testable import SpendStore

/// Chunks are resolved on the readers' threads and may reach the writer in another order than
/// they were resolved: the store must hold the same cells either way.
@Suite struct ResolvedChunkOrderTests {
  private let september = Month(year: 2026, month: 9)
  private let october = Month(year: 2026, month: 10)

  @Test func chunksWrittenInReverseOfTheirResolutionStoreTheSameCells() throws {
    let store = try SpendStore.inMemory()
    let stored = Fixtures.randomCube(seed: 21, months: [september, october], cells: 800)
    try store.importBatch(ImportBatch(cube: stored, files: [Fixtures.file("stored.csv", for: stored)]))
    // The first chunk creates labels and series (a new payer among them); the second repeats every
    // cell of the first (upserts summed into cells the first wrote) and adds cells of its own.
    let first = Fixtures.randomCube(
      seed: 22, months: [october], payers: ["111111111111", "555555555555"], cells: 500)
    var second = first
    second.merge(Fixtures.randomCube(seed: 23, months: [october], payers: ["111111111111"], cells: 300))
    var imported = first
    imported.merge(second)
    let outcome = try store.importStreaming { (writer) throws(StoreError) -> [ImportedFile] in
      let resolvedFirst = try writer.resolver.resolve(CompactCube(first))
      let resolvedSecond = try writer.resolver.resolve(CompactCube(second))
      #expect(!resolvedFirst.series.isEmpty && !resolvedFirst.labels.isEmpty)
      try writer.add(resolvedSecond)
      try writer.add(resolvedFirst)
      return [Fixtures.file("imported.csv", for: imported)]
    }
    #expect(outcome.replaced.map(\.description).sorted() == ["111111111111:2026-10"])
    #expect(outcome.added.map(\.description) == ["555555555555:2026-10"])
    let expected = Fixtures.replacing(stored, with: imported)
    #expect(Fixtures.sameCells(try store.loadCube(), expected))
    #expect(
      try store.rollup(by: [.day, .service, .currency]).rows
        == (try expected.rollup(by: [.day, .service, .currency])).rows)
    // Ids were assigned once each: no label or series row is stored twice.
    let duplicates = """
      SELECT (SELECT count(*) - count(DISTINCT text) FROM label),
        (SELECT count(*) FROM (SELECT 1 FROM series GROUP BY account, service, usage_type, operation,
          region, resource, line_item_type, currency, tags HAVING count(*) > 1))
      """
    #expect(try store.connection.query(duplicates) == [[.integer(0), .integer(0)]])
  }
}

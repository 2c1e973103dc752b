import CubeSQL
import Foundation
import SpendModel
import SpendStore
import Testing

@testable import spendtop

/// `import --cube` reads a cube CSV in chunks and writes each into the open store transaction.
@Suite("import --cube streams chunks into the store")
struct CubeStreamingImportTests {
  static let header =
    "day,billing_period,payer_account,account,service,currency,tags,"
    + "unblended,amortized,net_unblended,net_amortized\n"

  /// Five rows over two months; the first and last row are the same cell.
  static let rows = """
    2024-03-01,2024-03,111122223333,444455556666,AmazonEC2,USD,"{""team"":""a""}",1.25,1.25,1.0,1.0
    2024-03-01,2024-03,111122223333,444455556666,AmazonS3,USD,,2,2,2,2
    2024-03-02,2024-03,111122223333,444455556666,AmazonEC2,USD,,0.5,0.5,0.5,0.5
    2024-04-01,2024-04,111122223333,444455556666,AmazonEC2,USD,,3,3,3,3
    2024-03-01,2024-03,111122223333,444455556666,AmazonEC2,USD,"{""team"":""a""}",0.75,0.75,0.5,0.5

    """

  @Test("chunks of two rows store what one whole read holds; a cell repeated in a later chunk is summed")
  func chunksEqualTheWholeFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("cube.csv")
    try (Self.header + Self.rows).write(toFile: path, atomically: true, encoding: .utf8)
    let store = try SpendStore.inMemory()
    let outcome = try CubeImporter(chunkRows: 2).run(paths: [path], into: store)

    #expect(outcome.files.map(\.rowsRead) == [5])
    #expect(outcome.stored.cellsWritten == 4)
    #expect(outcome.stored.added.map(\.description) == ["111122223333:2024-03", "111122223333:2024-04"])
    #expect(outcome.files.first?.billingPeriods == outcome.stored.added)
    #expect(outcome.files.first?.totals.map(\.cost) == [Money(cents: 750)])
    let stored = try store.loadCube()
    #expect(Set(stored.rows) == Set(try CubeCSV.read(path: path).cube.rows))
    let tagged = stored.rows.first { $0.key.tags == Tags([("team", "a")]) }
    #expect(tagged?.costs.unblended == Money(whole: 2))
    #expect(tagged?.costs.netAmortized == Money(cents: 150))
  }

  @Test("a bad row after earlier chunks were written names its line and column and stores nothing")
  func aBadRowInALaterChunkStoresNothing() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let good = directory.file("good.csv")
    try (Self.header + Self.rows).write(toFile: good, atomically: true, encoding: .utf8)
    let bad = directory.file("bad.csv")
    try (Self.header + Self.rows + "2024-03-03,2024-03,111122223333,,AmazonEC2,USD,,1,1,x,1\n")
      .write(toFile: bad, atomically: true, encoding: .utf8)
    let store = try SpendStore.inMemory()
    try CubeImporter().run(paths: [good], into: store)
    let before = Set(try store.loadCube().rows)
    let imports = try store.listImports()

    var failure: CubeSQLError?
    do {
      try CubeImporter(chunkRows: 1).run(paths: [good, bad], into: store)
    } catch {
      if case .cube(let error) = error { failure = error }
    }
    let expected = CubeSQLError.cubeFile(
      path: bad, line: 7, column: 10, reason: "expected a decimal amount, found \"x\"")
    #expect(failure == expected)
    #expect(Set(try store.loadCube().rows) == before)
    #expect(try store.listImports() == imports)
  }

  @Test("the store failing mid-file stops the reading thread (no hang) and stores nothing")
  func aStoreFailureStopsTheReader() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("huge.csv")
    let huge = "2024-03-03,2024-03,111122223333,,AmazonEC2,USD,,100000000000000000000000,1,1,1\n"
    try (Self.header + Self.rows + huge + Self.rows + Self.rows)
      .write(toFile: path, atomically: true, encoding: .utf8)
    let store = try SpendStore.inMemory()
    var failure: StoreError?
    do {
      try CubeImporter(chunkRows: 1).run(paths: [path, path], into: store)
    } catch {
      if case .store(let error) = error { failure = error }
    }
    guard case .amountOutOfRange(_)? = failure else {
      Issue.record("expected amountOutOfRange, got \(String(describing: failure))")
      return
    }
    #expect(try store.loadCube().rows.isEmpty)
    #expect(try store.listImports().isEmpty)
  }
}

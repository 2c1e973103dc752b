import SpendModel
import Testing

@testable import SpendStore

@Suite struct StoreImportTests {
  private let september = Month(year: 2026, month: 9)
  private let october = Month(year: 2026, month: 10)

  @Test func storesACubeCellForCell() throws {
    let store = try SpendStore.inMemory(clock: .fixed(1_700_000_000))
    let cube = Fixtures.randomCube(seed: 7, months: [september, october], cells: 2_000)
    let outcome = try store.importBatch(ImportBatch(cube: cube, files: [Fixtures.file("a.csv", for: cube)]))
    #expect(outcome.added.count == 4 && outcome.replaced.isEmpty)
    #expect(outcome.cellsWritten == cube.count)
    #expect(Fixtures.sameCells(try store.loadCube(), cube))
    let periods = try store.periods()
    #expect(
      periods.map(\.period.description) == [
        "111111111111:2026-09", "999999999999:2026-09", "111111111111:2026-10", "999999999999:2026-10",
      ])
    #expect(periods.map(\.cells).reduce(0, +) == cube.count)
    #expect(periods.allSatisfy { $0.importedAt == 1_700_000_000 })
  }

  @Test func reimportingTheSameBatchChangesNothing() throws {
    let store = try SpendStore.inMemory()
    let cube = Fixtures.randomCube(seed: 8, months: [september, october], cells: 1_000)
    let batch = ImportBatch(cube: cube, files: [Fixtures.file("a.csv", for: cube)])
    try store.importBatch(batch)
    let cellsBefore = try store.connection.query("SELECT count(*) FROM cell")
    let dailyBefore = try store.connection.query("SELECT * FROM daily ORDER BY 1, 2, 3, 4, 5, 6, 7, 8")
    // Lookup rows are unique by content (kept so by the importer, not by an index): none is added.
    let lookups = "SELECT (SELECT count(*) FROM label), (SELECT count(*) FROM series)"
    let lookupsBefore = try store.connection.query(lookups)
    let second = try store.importBatch(batch)
    #expect(second.added.isEmpty && second.replaced.count == 4)
    #expect(Fixtures.sameCells(try store.loadCube(), cube))
    #expect(try store.connection.query("SELECT count(*) FROM cell") == cellsBefore)
    #expect(try store.connection.query(lookups) == lookupsBefore)
    #expect(try store.connection.query("SELECT * FROM daily ORDER BY 1, 2, 3, 4, 5, 6, 7, 8") == dailyBefore)
    #expect(
      try store.rollup(by: [.service, .currency]).rows == (try cube.rollup(by: [.service, .currency])).rows)
  }

  @Test func aRestatedPeriodReplacesTheStoredOneAndLeavesOthers() throws {
    let store = try SpendStore.inMemory()
    let first = Fixtures.randomCube(seed: 9, months: [september, october], cells: 1_500)
    try store.importBatch(ImportBatch(cube: first, files: [Fixtures.file("first.csv", for: first)]))
    // AWS restates October for payer 1: fewer, different cells.
    let restated = Fixtures.randomCube(seed: 10, months: [october], payers: ["111111111111"], cells: 300)
    let outcome = try store.importBatch(
      ImportBatch(cube: restated, files: [Fixtures.file("restated.csv", for: restated)]))
    #expect(outcome.replaced == [BillingPeriod(payer: "111111111111", month: october)])
    #expect(outcome.added.isEmpty)
    let expected = Fixtures.replacing(first, with: restated)
    #expect(Fixtures.sameCells(try store.loadCube(), expected))
    #expect(
      try store.rollup(by: [.day, .payerAccount, .currency]).rows
        == (try expected.rollup(by: [.day, .payerAccount, .currency])).rows)
  }

  @Test func aFailingBatchStoresNothing() throws {
    let store = try SpendStore.inMemory()
    let before = Fixtures.randomCube(seed: 11, months: [september], cells: 500)
    try store.importBatch(ImportBatch(cube: before, files: [Fixtures.file("before.csv", for: before)]))
    let registryBefore = try store.listImports()
    // A batch replacing September and adding October, whose very last cell cannot be stored.
    var bad = Fixtures.randomCube(seed: 12, months: [september, october], cells: 800)
    let absurd = Money(units: Int128(Int64.max) * Money.unitsPerWhole * 2)
    bad.add(Costs(all: absurd), at: Fixtures.key(october.lastDay))
    var reached: [StoreProgress] = []
    #expect(throws: StoreError.amountOutOfRange(absurd)) {
      try store.importBatch(ImportBatch(cube: bad, files: [Fixtures.file("bad.csv", for: bad)])) {
        reached.append($0)
      }
    }
    #expect(reached.contains(.began))
    #expect(!reached.contains(.committed))
    #expect(Fixtures.sameCells(try store.loadCube(), before))
    #expect(try store.listImports() == registryBefore)
    #expect(try store.periods().map(\.period.month) == [september, september])
    #expect(!store.connection.isInTransaction)
  }

  @Test func aReaderSeesTheOldStoreUntilTheCommit() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("spend.sqlite")
    let writer = try SpendStore.open(at: path, creating: true)
    let old = Fixtures.randomCube(seed: 13, months: [september], cells: 400)
    try writer.importBatch(ImportBatch(cube: old, files: []))
    let reader = try SpendStore.open(at: path, creating: false)
    let new = Fixtures.randomCube(seed: 14, months: [september, october], cells: 20_000)
    var seenMidway: [Bool] = []
    try writer.importBatch(ImportBatch(cube: new, files: [])) { progress in
      switch progress {
      case .writing, .committing:
        // The other connection reads a consistent snapshot: the old store, whole.
        seenMidway.append((try? Fixtures.sameCells(reader.loadCube(), old)) == true)
      default: break
      }
    }
    #expect(seenMidway.count >= 3)
    #expect(seenMidway.allSatisfy { $0 })
    #expect(Fixtures.sameCells(try reader.loadCube(), new))
  }

  @Test func emptyFilesAreRegisteredWithoutPeriods() throws {
    let store = try SpendStore.inMemory()
    let empty = ImportedFile(
      path: "empty.csv", size: 10, sha256: String(repeating: "a", count: 64), format: "legacy CUR",
      billingPeriods: [], rowsRead: 0, rowsSkipped: 0, totals: [])
    let outcome = try store.importBatch(ImportBatch(cube: Cube(), files: [empty]))
    #expect(outcome.added.isEmpty && outcome.replaced.isEmpty && outcome.cellsWritten == 0)
    #expect(try store.listImports().map(\.file) == [empty])
    #expect(try store.loadCube().isEmpty)
  }
}

@Suite struct StoreBatchOfCubesTests {
  /// Files of one batch may hold the same cell (two parts of a period): the store sums them.
  @Test func sumsTheSameCellFromSeveralCubes() throws {
    let months = [Month(year: 2026, month: 9)]
    let first = Fixtures.randomCube(seed: 41, months: months, cells: 600)
    // The second file repeats 300 of the first file's cells (other costs) and adds its own.
    var second = Cube(
      rows: first.rows.prefix(300).map { CubeRow(key: $0.key, costs: Costs(all: Money(cents: 123))) })
    second.merge(Fixtures.randomCube(seed: 42, months: months, cells: 200))
    var merged = first
    merged.merge(second)
    #expect(merged.count < first.count + second.count)
    let store = try SpendStore.inMemory()
    let outcome = try store.importBatch(ImportBatch(cubes: [first, second], files: []))
    #expect(outcome.cellsWritten == merged.count)
    #expect(Fixtures.sameCells(try store.loadCube(), merged))
    #expect(
      try store.rollup(by: [.day, .service, .currency]).rows
        == (try merged.rollup(by: [.day, .service, .currency])).rows)
  }
}

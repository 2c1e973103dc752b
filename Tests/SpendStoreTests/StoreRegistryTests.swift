import SpendModel
import Testing

@testable import SpendStore

@Suite struct StoreRegistryTests {
  private let september = Month(year: 2026, month: 9)
  private let october = Month(year: 2026, month: 10)

  @Test func recordsEveryFileAndWhereItsPeriodsStand() throws {
    let store = try SpendStore.inMemory(clock: .fixed(1_000))
    let first = Fixtures.randomCube(
      seed: 31, months: [september, october], payers: ["111111111111"], cells: 300)
    let firstFile = Fixtures.file("bills/first.csv", for: first, rowsRead: 12_345)
    try store.importBatch(ImportBatch(cube: first, files: [firstFile]))
    let restated = Fixtures.randomCube(seed: 32, months: [october], payers: ["111111111111"], cells: 50)
    try store.importBatch(
      ImportBatch(cube: restated, files: [Fixtures.file("bills/october.csv", for: restated)]))
    let records = try store.listImports()
    #expect(records.map(\.file.path) == ["bills/first.csv", "bills/october.csv"])
    #expect(records[0].file == firstFile)
    #expect(records[0].file.rowsRead == 12_345)
    #expect(records[0].periodStatus == [.stored, .replaced])
    #expect(records[1].periodStatus == [.stored])
    #expect(records[0].batch != records[1].batch)
    #expect(records.allSatisfy { $0.importedAt == 1_000 })
    let totals = records[0].file.totals
    #expect(
      totals.reduce(Money.zero) { $0 + $1.cost } == first.rows.reduce(Money.zero) { $0 + $1.costs.unblended })

    let removed = try store.forget(PeriodSelector(parsing: "111111111111:2026-10"))
    #expect(removed.map(\.period) == [BillingPeriod(payer: "111111111111", month: october)])
    #expect(removed.map(\.cells) == [restated.count])
    #expect(try store.listImports().map(\.periodStatus) == [[.stored, .forgotten], [.forgotten]])
    #expect(
      Fixtures.sameCells(try store.loadCube(), first.filtered(CubeFilter(equals: [(.month, "2026-09")]))))
  }

  @Test func forgettingAMonthRemovesEveryPayersPeriod() throws {
    let store = try SpendStore.inMemory()
    let cube = Fixtures.randomCube(seed: 33, months: [september, october], cells: 600)
    try store.importBatch(ImportBatch(cube: cube, files: []))
    let removed = try store.forget(PeriodSelector(parsing: "2026-09"))
    #expect(removed.map(\.period.description) == ["111111111111:2026-09", "999999999999:2026-09"])
    #expect(try store.periods().map(\.period.month) == [october, october])
    #expect(
      try store.rollup(by: [.month, .currency]).rows.map(\.values) == [
        ["2026-10", "EUR"], ["2026-10", "USD"],
      ])
    #expect(throws: StoreError.unknownPeriod("2026-09")) {
      try store.forget(PeriodSelector(parsing: "2026-09"))
    }
    #expect(throws: StoreError.unknownPeriod("42:2026-10")) {
      try store.forget(PeriodSelector(parsing: "42:2026-10"))
    }
  }

  @Test func parsesPeriodSelectors() throws {
    #expect(try PeriodSelector(parsing: "2026-10") == PeriodSelector(payer: nil, month: october))
    #expect(
      try PeriodSelector(parsing: "012345678901:2026-10")
        == PeriodSelector(payer: "012345678901", month: october))
    for bad in ["2026-13", "2026", ":2026-10", "a:b:2026-10", "", "2026-10:"] {
      #expect(throws: StoreError.invalidPeriod(bad)) { try PeriodSelector(parsing: bad) }
    }
  }
}

import SpendModel
import Testing

@testable import SpendStore

@Suite struct StoredMoneyTests {
  @Test func splitsIntoWholeAndFractionWithTheSameSign() throws {
    let cases: [(Int128, Int64, Int64)] = [
      (0, 0, 0), (1, 0, 1), (15_000_000_000, 1, 5_000_000_000), (-15_000_000_000, -1, -5_000_000_000),
      (-1, 0, -1), (9_999_999_999, 0, 9_999_999_999),
    ]
    for (units, whole, fraction) in cases {
      let stored = try StoredMoney(Money(units: units))
      #expect(stored.whole == whole && stored.fraction == fraction, "\(units)")
      #expect(StoredMoney.money(whole: stored.whole, fraction: stored.fraction) == Money(units: units))
    }
  }

  @Test func keepsCellsBeyondInt64UnitsExactly() throws {
    // $5 billion and a tenth of a nano-dollar: 5 × 10¹⁹ + 1 units, more than Int64.max (≈ 9.2 × 10¹⁸).
    let huge = Money(units: 50_000_000_000_000_000_001)
    #expect(Int64(exactly: huge.units) == nil)
    let stored = try StoredMoney(huge)
    #expect(stored.whole == 5_000_000_000 && stored.fraction == 1)
    #expect(StoredMoney.money(whole: stored.whole, fraction: stored.fraction) == huge)
  }

  @Test func refusesOnlyAmountsWhoseWholePartOverflows() {
    let absurd = Money(units: Int128(Int64.max) * Money.unitsPerWhole + Money.unitsPerWhole)
    #expect(throws: StoreError.amountOutOfRange(absurd)) { try StoredMoney(absurd) }
  }

  /// Cells over Int64 units, and sums of many cells past Int64, round-trip and roll up exactly in SQL.
  @Test func bigCellsAndBigSumsSurviveTheStore() throws {
    let store = try SpendStore.inMemory()
    let month = Month(year: 2026, month: 10)
    var cube = Cube()
    let big = Money(units: 90_000_000_000_000_000_003)  // $9 billion and 3 × 10⁻¹⁰: over Int64 units
    for day in 0..<31 {
      cube.add(Costs(all: big), at: Fixtures.key(month.firstDay.advanced(by: day)))
      cube.add(
        Costs(all: Money(units: -7)),
        at: Fixtures.key(month.firstDay.advanced(by: day), lineItemType: "Credit"))
    }
    try store.importBatch(ImportBatch(cube: cube, files: []))
    #expect(Fixtures.sameCells(try store.loadCube(), cube))
    let fromStore = try store.rollup(by: [.month])
    #expect(fromStore.rows == [RollupRow(values: ["2026-10"], cost: Money(units: (big.units - 7) * 31))])
    #expect(fromStore.rows == (try cube.rollup(by: [.month])).rows)
    #expect(try store.rollup(by: [.resource]).rows == (try cube.rollup(by: [.resource])).rows)
  }
}

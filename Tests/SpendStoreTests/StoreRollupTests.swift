import SpendModel
import Testing

@testable import SpendStore

/// The SQL rollup must answer exactly as `Cube.rollup` on the same cells.
@Suite struct StoreRollupTests {
  private static let months = [
    Month(year: 2026, month: 8), Month(year: 2026, month: 9), Month(year: 2026, month: 10),
  ]
  private static let cube = Fixtures.randomCube(seed: 21, months: months, cells: 4_000)

  private func store() throws -> SpendStore {
    let store = try SpendStore.inMemory()
    try store.importBatch(ImportBatch(cube: Self.cube, files: []))
    return store
  }

  private static let groupings: [[Dimension]] = [
    [.day, .service, .currency], [.month, .currency], [.payerAccount, .account, .currency],
    [.service, .usageType, .region, .lineItemType, .currency], [.operation, .currency],
    [.resource, .currency],
    [.tag("team"), .currency], [.tag("team"), .tag("env"), .service, .currency], [.tag("nope"), .currency],
    [.currency], [.day, .month, .currency],
  ]

  @Test(arguments: groupings)
  func groupsLikeTheCube(dimensions: [Dimension]) throws {
    let store = try store()
    for basis in CostBasis.allCases {
      let expected = try Self.cube.rollup(by: dimensions, basis: basis)
      let actual = try store.rollup(by: dimensions, basis: basis)
      #expect(actual.rows == expected.rows, "\(dimensions) \(basis)")
      #expect(actual.dimensions == dimensions && actual.basis == basis)
    }
  }

  private static let filters: [CubeFilter] = [
    CubeFilter(from: Day(year: 2026, month: 9, day: 1), to: Day(year: 2026, month: 9, day: 30)),
    CubeFilter(from: Day(year: 2026, month: 9, day: 15)),
    CubeFilter(to: Day(year: 2026, month: 8, day: 3)),
    CubeFilter(equals: [(.currency, "USD")]),
    CubeFilter(equals: [(.currency, "EUR"), (.service, "AmazonS3")]),
    CubeFilter(equals: [(.month, "2026-10"), (.currency, "USD"), (.payerAccount, "999999999999")]),
    CubeFilter(equals: [(.day, "2026-09-04"), (.currency, "USD")]),
    CubeFilter(equals: [(.tag("team"), "core"), (.currency, "USD")]),
    CubeFilter(equals: [(.tag("team"), ""), (.currency, "USD"), (.resource, "")]),
    CubeFilter(equals: [(.operation, "PutObject"), (.currency, "USD")]),
    CubeFilter(equals: [(.service, "NoSuchService"), (.currency, "USD")]),
    CubeFilter(from: Day(year: 2026, month: 10, day: 5), to: Day(year: 2026, month: 10, day: 1)),
    CubeFilter(equals: [(.day, "not-a-day")]),
  ]

  @Test(arguments: 0..<filters.count)
  func filtersLikeTheCube(index: Int) throws {
    let store = try store()
    let filter = Self.filters[index]
    for dimensions: [Dimension] in [
      [.day, .service], [.lineItemType, .currency], [.tag("env")], [.account, .resource],
    ] {
      let expected = Result { try Self.cube.rollup(by: dimensions, filter: filter) }
      let actual = Result { try store.rollup(by: dimensions, filter: filter) }
      switch (expected, actual) {
      case (.success(let expected), .success(let actual)):
        #expect(actual.rows == expected.rows, "\(dimensions) filter \(index)")
      case (.failure(let expected), .failure(let actual)):
        let rollupError = expected as? RollupError
        #expect(
          rollupError.map { StoreError.rollup($0) } == (actual as? StoreError),
          "\(dimensions) filter \(index)")
      default:
        Issue.record("cube and store disagree for \(dimensions) filter \(index): \(expected) vs \(actual)")
      }
    }
    #expect(Fixtures.sameCells(try store.loadCube(filter: filter), Self.cube.filtered(filter)))
  }

  @Test func refusesToAddCurrenciesLikeTheCube() throws {
    let store = try store()
    #expect(throws: StoreError.rollup(.mixedCurrencies(["EUR", "USD"]))) { try store.rollup(by: [.service]) }
    #expect(throws: StoreError.rollup(.mixedCurrencies(["EUR", "USD"]))) { try store.rollup(by: [.resource]) }
  }
}

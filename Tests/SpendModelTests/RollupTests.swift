import Testing

@testable import SpendModel

@Suite struct RollupTests {
  private func key(_ day: Int, service: String, currency: String = "USD", type: String = "Usage") -> CubeKey {
    CubeKey(
      day: Day(year: 2026, month: 10, day: day), billingPeriod: Month(year: 2026, month: 10),
      payerAccount: "012345678901", account: "012345678901", service: service, usageType: "u",
      operation: "op", region: "us-east-1", resource: "", lineItemType: type, currency: currency,
      tags: Tags([("team", "core")]))
  }

  @Test func sumsByDimensionsAndKeepsCreditsApart() throws {
    let cube = Cube(rows: [
      CubeRow(key: key(1, service: "AmazonEC2"), costs: Costs(all: Money(whole: 10))),
      CubeRow(key: key(1, service: "AmazonEC2"), costs: Costs(all: Money(whole: 5))),
      CubeRow(key: key(2, service: "AmazonS3"), costs: Costs(all: Money(whole: 3))),
      CubeRow(key: key(2, service: "AmazonS3", type: "Credit"), costs: Costs(all: Money(whole: -1))),
    ])
    #expect(cube.count == 3)
    let byService = try cube.rollup(by: [.service])
    #expect(byService.rows.map(\.values) == [["AmazonEC2"], ["AmazonS3"]])
    #expect(byService.rows.map(\.cost) == [Money(whole: 15), Money(whole: 2)])
    let byType = try cube.rollup(by: [.lineItemType], filter: CubeFilter(from: Day(year: 2026, month: 10, day: 2)))
    #expect(byType.rows == [RollupRow(values: ["Credit"], cost: Money(whole: -1)), RollupRow(values: ["Usage"], cost: Money(whole: 3))])
    #expect(try cube.rollup(by: [.tag("team")]).rows.first?.values == ["core"])
  }

  @Test func refusesToAddCurrencies() throws {
    let cube = Cube(rows: [
      CubeRow(key: key(1, service: "AmazonEC2"), costs: Costs(all: Money(whole: 10))),
      CubeRow(key: key(1, service: "AmazonEC2", currency: "NOK"), costs: Costs(all: Money(whole: 99))),
    ])
    #expect(throws: RollupError.mixedCurrencies(["NOK", "USD"])) { try cube.rollup(by: [.service]) }
    #expect(try cube.rollup(by: [.service, .currency]).rows.count == 2)
    let usdOnly = try cube.rollup(by: [.service], filter: CubeFilter(equals: [(.currency, "USD")]))
    #expect(usdOnly.total == Money(whole: 10))
  }

  @Test func parsesDimensionNames() {
    #expect(Dimension(name: "usage_type") == .usageType)
    #expect(Dimension(name: "usage-type") == .usageType)
    #expect(Dimension(name: "tag:team") == .tag("team"))
    #expect(Dimension(name: "tag:") == nil)
    #expect(Dimension(name: "colour") == nil)
  }
}

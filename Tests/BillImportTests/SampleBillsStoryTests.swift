import SpendModel
import Testing

@testable import BillImport

/// The bundled sample bills tell the founding story (sample-bills/README.md): these checks read the
/// files through the importer and hold the story's numbers to the ranges the README promises.
@Suite struct SampleBillsStoryTests {
  private func cube(_ dataset: String) throws -> Cube {
    try BillReader.read(paths: [TestPaths.resolve("sample-bills/" + dataset)], options: ImportOptions()).cube
  }

  private func monthly(_ cube: Cube, filter: CubeFilter = .all) throws -> [String: Money] {
    let rollup = try cube.rollup(by: [.month], filter: filter)
    return Dictionary(uniqueKeysWithValues: rollup.rows.map { ($0.values[0], $0.cost) })
  }

  private func within(_ amount: Money?, _ target: Double, percent: Double) -> Bool {
    guard let amount else { return false }
    return abs(amount.doubleValue - target) <= target * percent / 100
  }

  @Test func theIncidentMonthGoesFromAbout4200To51000() throws {
    let months = try monthly(try cube("incident-127k"))
    #expect(within(months["2026-08"], 4_200, percent: 5))
    #expect(within(months["2026-09"], 4_200, percent: 5))
    #expect(within(months["2026-10"], 51_000, percent: 3))
    // The overage of October against the August–September baseline is about $47,000.
    let baseline = ((months["2026-08"] ?? .zero) + (months["2026-09"] ?? .zero)).divided(by: 2)
    #expect(within((months["2026-10"] ?? .zero) - baseline, 47_000, percent: 3))
    // November is the month after the fixes: back near the baseline, plus the Redis upgrade.
    #expect(within(months["2026-11"], 6_000, percent: 10))
  }

  @Test func theElastiCacheUpgradeAddsAbout2100AMonthForGood() throws {
    let bills = try cube("incident-127k")
    let elastiCache = [(Dimension.service, "AmazonElastiCache"), (Dimension.lineItemType, "Usage")]
    func perDay(_ from: Day, _ to: Day) throws -> Double {
      let total = try bills.rollup(by: [], filter: CubeFilter(from: from, to: to, equals: elastiCache)).total
      return total.doubleValue / Double(from.distance(to: to) + 1)
    }
    let september = try perDay(Day(year: 2026, month: 9, day: 1), Day(year: 2026, month: 9, day: 30))
    let november = try perDay(Day(year: 2026, month: 11, day: 1), Day(year: 2026, month: 11, day: 28))
    let monthlyDelta = (november - september) * 365 / 12
    #expect(abs(monthlyDelta - 2_100) <= 2_100 * 0.05, "run-rate change \(monthlyDelta)/month")
  }

  @Test func theQuietQuarterIsAMultiAccountOrgWithTags() throws {
    let bills = try cube("quiet-quarter")
    #expect(try bills.rollup(by: [.account]).rows.count >= 3)
    #expect(try bills.rollup(by: [.service]).rows.count >= 10)
    let teams = try bills.rollup(by: [.tag("team")]).rows.map { $0.values[0] }.filter { !$0.isEmpty }
    let envs = try bills.rollup(by: [.tag("env")]).rows.map { $0.values[0] }.filter { !$0.isEmpty }
    #expect(teams.count >= 2 && envs.count >= 2)
    // The new region of mid-September: nothing in eu-west-1 before September 15, spend after it.
    let region = [(Dimension.region, "eu-west-1")]
    let before = try bills.rollup(by: [], filter: CubeFilter(to: Day(year: 2026, month: 9, day: 14), equals: region))
    let after = try bills.rollup(by: [], filter: CubeFilter(from: Day(year: 2026, month: 9, day: 15), equals: region))
    #expect(before.total.isZero)
    #expect(after.total > Money(whole: 1_000))
  }
}

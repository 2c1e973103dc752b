import Testing

@testable import SpendModel

/// `CompactCube.rollup` on hand-made cells: equal texts under different labels, absent tags,
/// repeated keys, merging.
struct CompactCubeRollupTests {
  private static let costs = Costs(
    unblended: Money(units: 1), amortized: .zero, netUnblended: .zero, netAmortized: .zero)

  private func key(
    day: Int32, service: UInt32, resource: UInt32, currency: UInt32 = 0, tags: UInt32 = 0
  ) -> CompactCube.Key {
    CompactCube.Key(
      day: day, period: 0, payer: 1, account: 1, service: service, usageType: 1, operation: 1, region: 1,
      resource: resource, lineItemType: 1, currency: currency, tags: tags)
  }

  /// Labels with equal texts (here `"é"` composed and decomposed, equal as Swift strings) group
  /// together, as string keys do; an absent tag groups with `""` and sorts first.
  @Test func equalTextsGroupTogetherAndSortAsText() throws {
    let labels = ["USD", "", "b", "\u{E9}", "e\u{301}", "a", "team", "x"]
    let tagSets: [[CompactCube.TagPair]] = [[], [CompactCube.TagPair(key: 6, value: 7)]]
    let keys = [
      key(day: 20_000, service: 2, resource: 3), key(day: 20_000, service: 2, resource: 4),
      key(day: 19_999, service: 5, resource: 1, tags: 1), key(day: 20_000, service: 2, resource: 3),
      key(day: 20_000, service: 5, resource: 1),
    ]
    let cells = CompactCube(
      labels: labels, tagSets: tagSets, keys: keys, costs: Array(repeating: Self.costs, count: keys.count))
    let grain: [Dimension] = [.service, .resource, .tag("team"), .day]
    let compact = try cells.rollup(by: grain)
    #expect(compact.rows == (try cells.cube().rollup(by: grain)).rows)
    #expect(compact.rows.map(\.values) == [
      ["a", "", "", "2024-10-04"], ["a", "", "x", "2024-10-03"], ["b", "\u{E9}", "", "2024-10-04"],
    ])
    #expect(compact.rows.map(\.cost) == [Money(units: 1), Money(units: 1), Money(units: 3)])
  }

  /// Merged cubes keep every cell; a key in two cubes is summed by the rollup.
  @Test func mergedCubesRollUpAsTheirSum() throws {
    var first = Cube()
    var second = Cube()
    let day = Day(ordinal: 20_000)
    func cubeKey(_ service: String, _ tags: Tags) -> CubeKey {
      CubeKey(
        day: day, billingPeriod: day.month, payerAccount: "1", account: "2", service: service, usageType: "u",
        operation: "o", region: "r", resource: "", lineItemType: "Usage", currency: "USD", tags: tags)
    }
    first.add(Self.costs, at: cubeKey("S3", Tags([("team", "a")])))
    second.add(Self.costs, at: cubeKey("EC2", Tags()))
    second.add(Self.costs, at: cubeKey("S3", Tags([("team", "a")])))
    var merger = CompactCube.Merger()
    merger.add(CompactCube(first))
    merger.add(CompactCube(second))
    let merged = merger.cells
    #expect(merged.count == 3)
    #expect(merged.labels.count == Set(merged.labels).count)
    var sum = first
    sum.merge(second)
    for grain: [Dimension] in [[.service], [.tag("team"), .service], Dimension.plain + [.tag("team")]] {
      #expect(try merged.rollup(by: grain).rows == sum.rollup(by: grain).rows)
    }
  }
}

import SpendModel
import Testing

@testable import BillImport

/// A rollup summed from compact cells (`BillReader.readCells` + `CompactCube.rollup`, what
/// `spendtop cube PATH` does) gives exactly the rows of the plain `Cube` rollup of the same bills.
struct CompactRollupTests {
  /// Real bills of every format, single files and folders of several parts.
  static let bills = [
    "../shared/bills/koku/test_cur.csv",
    "../shared/bills/koku/aws/2023-06-01.csv",
    "../shared/bills/koku/aws/2022-07-01-alt-columns.csv",
    "../shared/bills/well-architected-labs/Nov2018-WorkshopCUR.csv.gz",
    "../shared/bills/focus-sample-data/focus_sample.csv",
    "../shared/bills/focus-converters/sample-anonymous-aws-export-dataset.csv",
    "sample-bills/quiet-quarter",
    "sample-bills/incident-127k",
  ]

  /// Grains from narrow to the full grain with every tag key the bills hold.
  static func grains(tagKeys: [String]) -> [[Dimension]] {
    let tags = tagKeys.map { Dimension.tag($0) }
    return [
      [.day, .service],
      [.day, .service, .usageType, .currency],
      [.month, .account, .currency],
      [.day, .resource, .currency],
      [.resource, .currency] + tags.prefix(1),
      [.currency] + tags,
      [.service, .service, .currency],
      Dimension.plain + tags,
    ]
  }

  /// The tag keys present in a cube, sorted.
  private func tagKeys(_ cube: Cube) -> [String] {
    Set(cube.rows.flatMap { $0.key.tags.map(\.key) }).sorted()
  }

  @Test(arguments: bills)
  func compactRollupEqualsThePlainCubeRollup(_ relative: String) throws {
    let paths = [TestPaths.resolve(relative)]
    let full = try BillReader.read(paths: paths).cube
    let allCells = try BillReader.readCells(paths: paths).cells
    #expect(!full.isEmpty)
    for (index, grain) in Self.grains(tagKeys: tagKeys(full)).enumerated() {
      let basis: CostBasis = index.isMultiple(of: 2) ? .unblended : .netAmortized
      let label = "\(relative) by \(grain.map(\.name)) \(basis)"
      let expected = Result { () throws(RollupError) in try full.rollup(by: grain, basis: basis) }
      let fromAll = Result { () throws(RollupError) in try allCells.rollup(by: grain, basis: basis) }
      expectSame(fromAll, expected, label)
      // What `cube PATH --by` reads: only the dimensions asked (and currency).
      let cells = try BillReader.readCells(
        paths: paths, options: ImportOptions(dimensions: Set(grain + [.currency]))
      ).cells
      let fromProjected = Result { () throws(RollupError) in try cells.rollup(by: grain, basis: basis) }
      expectSame(fromProjected, expected, label)
    }
    #expect(allCells.currencies(passing: .all) == full.currencies)
  }

  private func expectSame(
    _ actual: Result<Rollup, RollupError>, _ expected: Result<Rollup, RollupError>, _ label: String
  ) {
    switch (actual, expected) {
    case (.success(let actual), .success(let expected)):
      #expect(actual.rows == expected.rows, "\(label)")
      #expect(!actual.rows.isEmpty, "\(label)")
    case (.failure(let actual), .failure(let expected)):
      #expect(actual == expected, "\(label)")
    default:
      Issue.record("compact and plain rollups disagree for \(label): \(actual) vs \(expected)")
    }
  }

  /// Filters (a date range, a currency, a tag value, a day) keep the same cells both ways.
  @Test(arguments: bills)
  func filteredCompactRollupEqualsThePlainCubeRollup(_ relative: String) throws {
    let paths = [TestPaths.resolve(relative)]
    let full = try BillReader.read(paths: paths).cube
    let cells = try BillReader.readCells(paths: paths).cells
    let range = try #require(full.dayRange)
    let middle = range.lowerBound.advanced(by: range.lowerBound.distance(to: range.upperBound) / 2)
    let currency = try #require(full.currencies.first)
    var filters = [
      CubeFilter(from: middle),
      CubeFilter(to: middle, equals: [(.currency, currency)]),
      CubeFilter(equals: [(.day, middle.description), (.currency, currency)]),
      CubeFilter(equals: [(.month, middle.month.description), (.currency, "XXX")]),
    ]
    if let tag = tagKeys(full).first, let value = full.rows.lazy.compactMap({ $0.key.tags[tag] }).first {
      filters.append(CubeFilter(equals: [(.tag(tag), value), (.currency, currency)]))
      filters.append(CubeFilter(equals: [(.tag(tag), ""), (.currency, currency)]))
    }
    for filter in filters {
      let grain: [Dimension] = [.day, .service, .resource, .currency]
      let expected = try full.rollup(by: grain, filter: filter)
      #expect(try cells.rollup(by: grain, filter: filter).rows == expected.rows, "\(relative) \(filter.equals)")
      #expect(cells.currencies(passing: filter) == full.filtered(filter).currencies)
    }
  }

  /// Several currencies are refused unless currency is a dimension, naming them as `Cube` does.
  @Test func mixedCurrenciesAreRefusedAsByTheCube() throws {
    // NOK and USD (not the whole folder: it also holds 2023-06-01's not-final version of the bill).
    let paths = [
      TestPaths.bill("koku/aws/2023-06-01.csv"), TestPaths.bill("koku/aws/2022-07-01-alt-columns.csv"),
    ]
    let full = try BillReader.read(paths: paths).cube
    let cells = try BillReader.readCells(paths: paths).cells
    try #require(full.currencies.count > 1)
    #expect(throws: RollupError.mixedCurrencies(full.currencies)) { try cells.rollup(by: [.service]) }
    #expect(try cells.rollup(by: [.service, .currency]).rows == full.rollup(by: [.service, .currency]).rows)
  }
}

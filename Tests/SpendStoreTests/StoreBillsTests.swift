import BillImport
import Foundation
import SpendModel
import Testing

@testable import SpendStore

/// The store must give back exactly what the bills in ../shared/bills give.
@Suite struct StoreBillsTests {
  /// Every readable export in ../shared/bills (the ice manifests' parts are absent on purpose).
  static let bills = [
    "bills/focus-converters/sample-anonymous-aws-export-dataset.csv",
    "bills/focus-sample-data/focus_sample.csv",
    "bills/focus-spec",
    "bills/koku/aws/2023-06-01.csv",
    "bills/koku/aws/2023-06-01-not-final.csv",
    "bills/koku/aws/2022-07-01-alt-columns.csv",
    "bills/koku/test_cur.csv",
    "bills/koku/test_cur.csv.gz",
    "bills/koku/test_local_bucket",
    "bills/koku/test_local_bucket_prefix",
    "bills/well-architected-labs/Oct2018-WorkshopCUR.csv.gz",
    "bills/well-architected-labs/Nov2018-WorkshopCUR.csv.gz",
  ]

  static let groupings: [[SpendModel.Dimension]] = [
    [.day, .service, .currency], [.month, .payerAccount, .account, .currency],
    [.usageType, .operation, .region, .lineItemType, .currency], [.resource, .currency], [.currency],
  ]

  @Test(arguments: bills)
  func storeAnswersEqualFileAnswers(bill: String) throws {
    let cube = try BillReader.read(paths: [TestPaths.shared(bill)]).cube
    let store = try SpendStore.inMemory()
    try store.importBatch(ImportBatch(cube: cube, files: []))
    #expect(Fixtures.sameCells(try store.loadCube(), cube), "\(bill)")
    let tagKeys = Set(cube.rows.flatMap { $0.key.tags.map(\.key) }).sorted().prefix(2)
    for dimensions in Self.groupings + [tagKeys.map { SpendModel.Dimension.tag($0) } + [.currency]] {
      for basis in CostBasis.allCases {
        let expected = try cube.rollup(by: dimensions, basis: basis)
        #expect(
          try store.rollup(by: dimensions, basis: basis).rows == expected.rows,
          "\(bill) \(dimensions) \(basis)")
      }
    }
    if let days = cube.dayRange {
      let filter = CubeFilter(from: days.lowerBound.advanced(by: 1), to: days.upperBound)
      let expected = try cube.rollup(by: [.day, .service, .currency], filter: filter)
      #expect(try store.rollup(by: [.day, .service, .currency], filter: filter).rows == expected.rows)
    }
  }

  /// AWS restates a month: the second file for the same payer and month replaces the first.
  @Test func aRestatedFileReplacesItsPeriod() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let original = TestPaths.shared("bills/koku/aws/2023-06-01.csv")
    // The restatement: the same file with each line's lineItem/UnblendedCost raised from 10 to 12.5.
    let text = try String(contentsOfFile: original, encoding: .utf8)
    let restatedPath = directory.file("2023-06-01-restated.csv")
    try text.replacingOccurrences(of: ",,10,0.5,0099999999999,1,", with: ",,12.5,0.5,0099999999999,1,")
      .write(toFile: restatedPath, atomically: true, encoding: .utf8)
    let first = try BillReader.read(paths: [original]).cube
    let restated = try BillReader.read(paths: [restatedPath]).cube
    #expect(
      try restated.rollup(by: [.month]).total == (try first.rollup(by: [.month])).total + Money(cents: 750))
    let store = try SpendStore.inMemory()
    try store.importBatch(ImportBatch(cube: first, files: []))
    let outcome = try store.importBatch(ImportBatch(cube: restated, files: []))
    #expect(outcome.replaced.map(\.description) == ["0099999999999:2023-06"])
    #expect(Fixtures.sameCells(try store.loadCube(), restated))
    // The "not final" file of koku's fixtures names another payer: a period of its own.
    let notFinal = try BillReader.read(paths: [TestPaths.shared("bills/koku/aws/2023-06-01-not-final.csv")])
      .cube
    let added = try store.importBatch(ImportBatch(cube: notFinal, files: []))
    #expect(added.added.map(\.description) == ["9999999999999:2023-06"] && added.replaced.isEmpty)
  }
}

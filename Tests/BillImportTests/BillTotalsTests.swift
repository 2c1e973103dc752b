import SpendModel
import Testing

@testable import BillImport

/// Every bill in ../shared/bills and sample-bills and every committed fixture, checked against totals computed
/// independently of spendtop: `Fixtures/expected/make_expected.py` reads each file with Python's
/// `csv` module, sums with `decimal.Decimal` (amounts rounded half-to-even to 10 decimals) by
/// day × service (unblended) and by line item type (all four bases), and writes
/// `Fixtures/expected/bills.json`. Re-run it when a bill or fixture changes.
struct BillTotalsTests {
  struct Expected: CustomTestStringConvertible, Sendable {
    var path: String
    var cells: Int
    var byDayService: [String: String]
    var byLineItemType: [String: [String]]
    var testDescription: String { path }
  }

  static let expected: [Expected] = {
    let file = TestPaths.fixture("expected/bills.json")
    guard let bytes = FileSystem.read(file), case .object(let bills)? = try? JSONValue.parse(bytes) else { return [] }
    return bills.map { bill in
      let (path, value) = (bill.key, bill.value)
      func strings(_ json: JSONValue?) -> [String: String] {
        guard case .object(let members)? = json else { return [:] }
        return Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value.scalarText ?? "") })
      }
      var byType: [String: [String]] = [:]
      if case .object(let members)? = value["byLineItemType"] {
        for member in members {
          guard case .array(let sums) = member.value else { continue }
          byType[member.key] = sums.map { $0.scalarText ?? "" }
        }
      }
      return Expected(
        path: path, cells: Int(value["cells"]?.scalarText ?? "") ?? -1,
        byDayService: strings(value["byDayService"]), byLineItemType: byType)
    }
  }()

  @Test func expectationsCoverEveryBill() {
    // 23 CSV / CSV.gz files in ../shared/bills, 4 hand-made fixtures, 10 parts in sample-bills.
    #expect(Self.expected.count == 37)
    #expect(Self.expected.filter { $0.path.hasPrefix("../shared/bills/") }.count == 23)
  }

  @Test(arguments: expected)
  func totalsMatchIndependentSums(_ bill: Expected) throws {
    let imported = try BillReader.read(paths: [TestPaths.resolve(bill.path)])
    let cube = imported.cube
    var expectedByDayService: [String: Money] = [:]
    for (key, text) in bill.byDayService { expectedByDayService[key] = try Money(parsing: text) }
    #expect(try cube.sumsByDayAndService() == expectedByDayService)

    for (basisIndex, basis) in [CostBasis.unblended, .amortized, .netUnblended, .netAmortized].enumerated() {
      var actual: [String: Money] = [:]
      for row in try cube.rollup(by: [.lineItemType], basis: basis).rows { actual[row.values[0]] = row.cost }
      var wanted: [String: Money] = [:]
      for (type, sums) in bill.byLineItemType { wanted[type] = try Money(parsing: sums[basisIndex]) }
      #expect(actual == wanted, "basis \(basis.rawValue)")
    }
    #expect(imported.summaries.count == 1)
    if let summary = imported.summaries.first, summary.format != .costExplorer {
      #expect(summary.rowsRead == bill.cells)
      #expect(summary.isComplete)
    }
  }
}

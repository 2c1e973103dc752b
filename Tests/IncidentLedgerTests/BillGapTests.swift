import BillImport
import IncidentLedger
import SpendModel
import Testing

/// Bill-derived lines refuse a gap (a month with no rows at all, e.g. forgotten in the store)
/// instead of counting it as $0 of spend.
@Suite struct BillGapTests {
  /// The sample incident evaluated on the sample bills without the days in `gap`.
  private func costs(without gap: ClosedRange<Day>) throws -> IncidentCosts {
    let cube = try BillReader.read(paths: [SampleIncidentTests.bills]).cube
    let incident = try SampleIncidentTests.ledger.load(id: "INC-2026-10-bill-spike").incident
    return CostEvaluator.evaluate(incident, bills: Cube(rows: cube.rows.filter { !gap.contains($0.key.day) }))
  }

  @Test("September missing: the overage and the run-rate step are not computed, and say why")
  func aMissingBaselineMonthIsAGapNotZero() throws {
    let september = Day(year: 2026, month: 9, day: 1)...Day(year: 2026, month: 9, day: 30)
    let costs = try costs(without: september)
    let overage = try #require(costs.lines.first { $0.category == .awsOverage })
    #expect(overage.amount == nil)
    #expect(
      overage.missing?.hasPrefix(
        "the bills have no data at all for 2026-09-01 … 2026-09-30 (not imported, or forgotten), "
          + "needed for the overage's baseline and window") == true, "\(overage.missing ?? "")")
    let runRate = try #require(costs.lines.first { $0.category == .runRateIncrease })
    #expect(runRate.amount == nil)
    #expect(runRate.missing?.contains("2026-09-03 … 2026-09-30") == true, "\(runRate.missing ?? "")")
    #expect(costs.total == nil)
  }

  @Test("October (the window) missing: no negative overage from an empty window")
  func aMissingWindowIsAGapNotANegativeOverage() throws {
    let october = Day(year: 2026, month: 10, day: 1)...Day(year: 2026, month: 10, day: 31)
    let overage = try #require(try costs(without: october).lines.first { $0.category == .awsOverage })
    #expect(overage.amount == nil)
    #expect(overage.missing?.contains("2026-10-01 … 2026-10-31") == true, "\(overage.missing ?? "")")
  }

  @Test("no gap: the sample's numbers are unchanged")
  func theFullBillsStillCompute() throws {
    let none = Day(year: 2026, month: 12, day: 1)...Day(year: 2026, month: 12, day: 1)
    let overage = try #require(try costs(without: none).lines.first { $0.category == .awsOverage })
    #expect(overage.amount?.formatted(decimals: 2) == "46796.19")
  }
}

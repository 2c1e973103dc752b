import BillImport
import IncidentLedger
import SpendModel
import Testing

/// A calculation's shown arithmetic adds up: `=` only when the operands as shown (in cents) give the
/// result as shown, `≈` when rounding the operands moved it by a cent; the amount stays exact.
@Suite struct ShownArithmeticTests {
  @Test func theSampleOverageSaysApproximatelyBecauseItsOperandsAreRounded() throws {
    let cube = try BillReader.read(paths: [SampleIncidentTests.bills]).cube
    let incident = try SampleIncidentTests.ledger.load(id: "INC-2026-10-bill-spike").incident
    let costs = CostEvaluator.evaluate(incident, bills: cube)
    let overage = try #require(costs.lines.first { $0.category == .awsOverage })
    // $48,912.35 − $2,116.17 is $46,796.18; the exact overage is 46,796.1868… → $46,796.19.
    #expect(overage.calculation == "$48,912.35 − $2,116.17 over 31 days ≈ $46,796.19")
    #expect(overage.amount?.formatted(decimals: 2) == "46796.19")
    // ($2,403.16 − $300.76) × 12 = $25,228.80 exactly as shown: it keeps `=`.
    let runRate = try #require(costs.lines.first { $0.category == .runRateIncrease })
    #expect(runRate.calculation == "($2,403.16 − $300.76) × 12 = $25,228.80")
    // Every other sample line is whole dollars and keeps `=`.
    for line in costs.lines where line.category != .awsOverage {
      #expect(!line.calculation.contains("≈"), "\(line.calculation)")
    }
  }

  @Test func aDerivedRateRoundedForDisplaySaysApproximately() {
    let incident = Incident(id: "t", title: "t", start: day("2026-10-01"), end: day("2026-10-07"))
    // 1,000,000 ÷ 8,760 h = 114.155251… an hour, shown $114.16; × 3 h = 342.465753… → $342.47,
    // while $114.16 × 3 = $342.48.
    let line = CostEvaluator.evaluate(
      CostLine(
        description: "x",
        inputs: .revenueLoss(
          RevenueLossInputs(degradedHours: Money(whole: 3), annualRevenue: Money(whole: 1_000_000)))),
      of: incident, bills: nil)
    #expect(line.calculation == "3 × $114.16 ≈ $342.47")
    // 16 × $750.00 is exact: `=`.
    let exact = CostEvaluator.evaluate(
      CostLine(
        description: "x",
        inputs: .revenueLoss(
          RevenueLossInputs(degradedHours: Money(whole: 16), revenuePerHour: Money(whole: 750)))),
      of: incident, bills: nil)
    #expect(exact.calculation == "16 × $750.00 = $12,000.00")
  }
}

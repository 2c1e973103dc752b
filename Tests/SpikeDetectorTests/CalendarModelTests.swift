import SpendModel
import SpikeDetector
import Testing

@Suite("Calendar charges")
struct CalendarModelTests {
  /// Five months of steady usage with a month-start RI fee, support and tax.
  private func fixtures(feeFrom month: Int? = nil) -> SpendFixtures {
    var fixtures = SpendFixtures()
    fixtures.usage(fixtures.noisy(base: 300, days: 151))
    for number in 1...5 {
      let day = Day(year: 2026, month: number, day: 1)
      let fee = month.map { number >= $0 ? 900.0 : 500.0 } ?? 500
      fixtures.charge(fee, day: day, usageType: "HeavyUsage:m6i.large", type: "RIFee")
      fixtures.charge(
        100 + 10 * Double(number), day: day, service: "AWSSupportBusiness", usageType: "Dollar",
        region: "", type: "Fee")
      fixtures.charge(700 + 5 * Double(number), day: day, usageType: "Tax", region: "", type: "Tax")
    }
    return fixtures
  }

  @Test("recurring month-start fees, support and tax raise no anomaly")
  func recurringFeesAreQuiet() throws {
    let report = try SpendDetector().detect(fixtures().cube)
    #expect(report.anomalies.isEmpty)
    #expect(report.anomalies.allSatisfy { $0.start.dayOfMonth != 1 })
  }

  @Test("a changed fee alarms once, on the day it lands")
  func changedFeeAlarmsOnce() throws {
    let report = try SpendDetector().detect(fixtures(feeFrom: 4).cube)
    #expect(report.anomalies.count == 1)
    let anomaly = try #require(report.anomalies.first)
    #expect(anomaly.kind == .calendar)
    #expect(anomaly.detected == Day(year: 2026, month: 4, day: 1))
    #expect(anomaly.impact == Money(whole: 400))
    #expect(anomaly.impactPercent == 80)
  }

  @Test("credits and refunds are notices; a first fee is a new-charge notice")
  func notices() throws {
    var fixtures = fixtures()
    fixtures.charge(
      -250, day: Day(year: 2026, month: 3, day: 1), usageType: "Credit", region: "", type: "Credit")
    fixtures.charge(
      -40, day: Day(year: 2026, month: 3, day: 9), usageType: "Refund", region: "", type: "Refund")
    fixtures.charge(
      1200, day: Day(year: 2026, month: 5, day: 1), service: "ComputeSavingsPlans",
      usageType: "ComputeSP:1yrNoUpfront", region: "", type: "SavingsPlanRecurringFee")
    let report = try SpendDetector().detect(fixtures.cube)
    #expect(report.anomalies.isEmpty)
    let kinds = report.notices.map(\.kind)
    #expect(kinds.contains(.credit))
    #expect(kinds.contains(.refund))
    let first = try #require(report.notices.first { $0.kind == .newCharge })
    #expect(first.service == "ComputeSavingsPlans")
    #expect(first.amount == Money(whole: 1200))
  }
}

import SpendModel
import Testing

@testable import IncidentLedger

/// `aws-overage` and `run-rate-increase` computed from cubes built by hand.
@Suite struct BillFormulaTests {
  let elastiCache = SeriesSelector(service: "AmazonElastiCache")
  let lambda = SeriesSelector(service: "AWSLambda")

  /// Baseline 2026-09-03 (Thu) … 09-30 (Wed): weekdays 100, weekends 40, except Mondays
  /// 100, 100, 100, 160 (median 100) and Tuesdays 90, 100, 110, 120 (median 105).
  func baselineBills() -> BillBuilder {
    var bills = BillBuilder()
    for day in day("2026-09-03")...day("2026-09-30") {
      bills.add(day, day.weekday >= 6 ? "40" : "100")
    }
    // Replace the four Mondays and Tuesdays by adding the difference to 100.
    bills.add(day("2026-09-28"), "60")  // Monday 160
    bills.add(day("2026-09-08"), "-10")  // Tuesday 90
    bills.add(day("2026-09-22"), "10")  // Tuesday 110
    bills.add(day("2026-09-29"), "20")  // Tuesday 120
    return bills
  }

  /// Window 2026-10-01 (Thu) … 10-07 (Wed).
  func windowBills() -> BillBuilder {
    var bills = baselineBills()
    let actual = ["300", "300", "40", "100", "100", "105", "90"]
    for (offset, amount) in actual.enumerated() { bills.add(day("2026-10-01").advanced(by: offset), amount) }
    return bills
  }

  @Test func weekdayMedianBaseline() throws {
    let bills = windowBills()
    let result = try AWSOverage.compute(
      cube: bills.cube, series: [elastiCache], window: day("2026-10-01")...day("2026-10-07"))
    // Expected Thu 100, Fri 100, Sat 40, Sun 40, Mon 100, Tue 105, Wed 100 = 585.
    #expect(result.days.map(\.expected) == ["100", "100", "40", "40", "100", "105", "100"].map(money))
    #expect(result.expected == Money(whole: 585))
    // Actual 300 + 300 + 40 + 100 + 100 + 105 + 90 = 1,035; overage 450 (Wednesday's −10 included).
    #expect(result.actual == Money(whole: 1_035))
    #expect(result.amount == Money(whole: 450))
    #expect(result.baseline == day("2026-09-03")...day("2026-09-30"))
    #expect(!result.isPartial)
  }

  @Test func medianOfEvenCountIsMeanOfMiddleTwo() {
    #expect(AWSOverage.median(["90", "120", "100", "110"].map(money)) == Money(whole: 105))
    #expect(AWSOverage.median(["1", "2", "100"].map(money)) == Money(whole: 2))
    #expect(AWSOverage.median(["0.01", "0.02"].map(money)) == money("0.015"))
  }

  @Test func newSeriesHasZeroBaselineAndSeriesAdd() throws {
    var bills = windowBills()
    bills.add(day("2026-10-02"), "25.5", service: "AWSLambda", usageType: "USE1-Lambda-GB-Second")
    let result = try AWSOverage.compute(
      cube: bills.cube, series: [elastiCache, lambda], window: day("2026-10-01")...day("2026-10-07"))
    #expect(result.amount == money("475.5"))
  }

  @Test func expectedStaysFrozenThroughALongWindow() throws {
    var bills = BillBuilder()
    bills.fill(day("2026-09-03")...day("2026-09-30"), "100")
    bills.fill(day("2026-10-01")...day("2026-10-28"), "200")
    let result = try AWSOverage.compute(
      cube: bills.cube, series: [elastiCache], window: day("2026-10-01")...day("2026-10-28"))
    // Never re-baselined: all 28 days count 100 over.
    #expect(result.amount == Money(whole: 2_800))
  }

  @Test func changingTheBillsChangesTheOverage() throws {
    var bills = windowBills()
    let window = day("2026-10-01")...day("2026-10-07")
    let before = try AWSOverage.compute(cube: bills.cube, series: [elastiCache], window: window).amount
    bills.add(day("2026-10-03"), "12.34")
    let after = try AWSOverage.compute(cube: bills.cube, series: [elastiCache], window: window).amount
    #expect(after - before == money("12.34"))
  }

  @Test func overlappingSeriesCountOnce() throws {
    let bills = windowBills()
    let narrow = SeriesSelector(service: "AmazonElastiCache", usageType: "USE1-NodeUsage:cache.r6g.large")
    let result = try AWSOverage.compute(
      cube: bills.cube, series: [narrow, elastiCache], window: day("2026-10-01")...day("2026-10-07"))
    #expect(result.amount == Money(whole: 450))
  }

  @Test func billsEndingInsideTheWindowArePartial() throws {
    var bills = baselineBills()
    bills.fill(day("2026-10-01")...day("2026-10-04"), "300")
    let result = try AWSOverage.compute(
      cube: bills.cube, series: [elastiCache], window: day("2026-10-01")...day("2026-10-07"))
    #expect(result.isPartial)
    #expect(result.counted == day("2026-10-01")...day("2026-10-04"))
    // Thu, Fri 300 − 100; Sat, Sun 300 − 40: 200 + 200 + 260 + 260 = 920.
    #expect(result.amount == Money(whole: 920))
  }

  @Test func tooLittleHistoryIsAnError() {
    var bills = BillBuilder()
    bills.fill(day("2026-09-10")...day("2026-10-07"), "100")
    #expect(
      throws: BillComputationError.insufficientHistory(
        needed: day("2026-09-03"), billsStart: day("2026-09-10"))
    ) {
      try AWSOverage.compute(
        cube: bills.cube, series: [elastiCache], window: day("2026-10-01")...day("2026-10-07"))
    }
  }

  @Test func mixedCurrenciesAreAnError() {
    var bills = windowBills()
    bills.add(day("2026-10-02"), "5", currency: "EUR")
    #expect(throws: BillComputationError.mixedCurrencies(["EUR", "USD"])) {
      try AWSOverage.compute(
        cube: bills.cube, series: [elastiCache], window: day("2026-10-01")...day("2026-10-07"))
    }
  }

  @Test func overageLineUsesIncidentSeriesAndOverrideNeedsNoBills() {
    let bills = windowBills()
    var incident = Incident(
      id: "t", title: "t", start: day("2026-10-01"), end: day("2026-10-07"), series: [elastiCache])
    incident.costLines = [CostLine(description: "AWS", inputs: .awsOverage(AWSOverageInputs()))]
    let computed = CostEvaluator.evaluate(incident, bills: bills.cube).lines[0]
    #expect(computed.amount == Money(whole: 450))
    #expect(computed.source == .bill)
    #expect(computed.calculation == "$1,035.00 − $585.00 over 7 days = $450.00")
    let withoutBills = CostEvaluator.evaluate(incident, bills: nil).lines[0]
    #expect(withoutBills.amount == nil)
    #expect(withoutBills.missing?.hasPrefix("missing:") == true)
    incident.costLines = [
      CostLine(
        description: "AWS",
        inputs: .awsOverage(
          AWSOverageInputs(
            override: Money(whole: 400), overrideReason: "credit for 50 already granted")))
    ]
    let overridden = CostEvaluator.evaluate(incident, bills: bills.cube).lines[0]
    #expect(overridden.amount == Money(whole: 400))
    #expect(overridden.source == .entered)
    #expect(overridden.inputs.contains(LineInput("computedFromBill", .money(Money(whole: 450)))))
    // The calculation says what the override replaces, as an entered revenue loss does.
    #expect(overridden.formula == "entered override of the bill's overage")
    #expect(
      overridden.calculation == "$400.00 entered (overrides $1,035.00 − $585.00 over 7 days = $450.00)")
    let overriddenWithoutBills = CostEvaluator.evaluate(incident, bills: nil).lines[0]
    #expect(overriddenWithoutBills.amount == Money(whole: 400))
    #expect(
      overriddenWithoutBills.calculation
        == "$400.00 entered (overrides the bill's overage, not computed: no bills were given)")
  }

  @Test func feesAndTaxCompareWithTheMonthBeforeAndCreditsAreLeftOut() throws {
    var bills = BillBuilder()
    bills.fill(day("2026-09-01")...day("2026-10-07"), "100")
    bills.add(day("2026-10-02"), "200")  // Friday 300
    bills.add(day("2026-09-01"), "20", service: "AmazonS3", usageType: "", lineItemType: "Tax")
    bills.add(day("2026-10-01"), "50", service: "AmazonS3", usageType: "", lineItemType: "Tax")
    bills.add(day("2026-09-01"), "10", usageType: "Dollar", lineItemType: "Fee")
    bills.add(day("2026-10-01"), "10", usageType: "Dollar", lineItemType: "Fee")
    bills.add(day("2026-10-03"), "-30", usageType: "", lineItemType: "Credit")
    let result = try AWSOverage.compute(
      cube: bills.cube, series: [elastiCache, SeriesSelector(lineItemType: "tax")],
      window: day("2026-10-01")...day("2026-10-07"))
    // Usage: Friday 300 − 100 = 200. Tax: Oct 1 50 against Sep 1 20 = 30. Fee: 10 against 10 = 0.
    // The credit is not the incident's spend.
    #expect(result.amount == Money(whole: 230))
    #expect(
      result.days[0]
        == DailyOverage(
          day: day("2026-10-01"), actual: Money(whole: 160), expected: Money(whole: 130),
          calendarActual: Money(whole: 60), calendarExpected: Money(whole: 30)))
  }

  @Test func feesInTheWindowNeedTheMonthBeforeInTheBills() {
    var bills = BillBuilder()
    bills.fill(day("2026-09-03")...day("2026-10-07"), "100")
    bills.add(day("2026-10-01"), "10", usageType: "Dollar", lineItemType: "Fee")
    #expect(
      throws: BillComputationError.insufficientHistory(
        needed: day("2026-09-01"), billsStart: day("2026-09-03"))
    ) {
      try AWSOverage.compute(
        cube: bills.cube, series: [elastiCache], window: day("2026-10-01")...day("2026-10-07"))
    }
  }

  // MARK: - Run rate

  /// Sep 3–30 at 24 a day; Oct 1–15 a scale-out at 200; from Oct 16 the upgrade at 96; Nov 1–28 at 96.
  func stepBills(through last: Day = day("2026-11-28")) -> BillBuilder {
    var bills = BillBuilder()
    bills.fill(day("2026-09-03")...day("2026-09-30"), "24")
    bills.fill(day("2026-10-01")...day("2026-10-15"), "200")
    bills.fill(day("2026-10-16")...last, "96")
    return bills
  }

  @Test func runRateFromStepInTheBills() throws {
    let step = try RunRateStep.measure(
      cube: stepBills().cube, series: [elastiCache], stepDate: day("2026-10-16"),
      window: day("2026-10-01")...day("2026-10-31"))
    // Before: Sep 3–30, 24 a day × 365 ÷ 12 = 730 a month; after: Nov 1–28, 96 × 365 ÷ 12 = 2,920.
    #expect(step.before == day("2026-09-03")...day("2026-09-30"))
    #expect(step.after == day("2026-11-01")...day("2026-11-28"))
    #expect(step.monthlyBefore == Money(whole: 730))
    #expect(step.monthlyAfter == Money(whole: 2_920))
    #expect(step.monthlyDelta == Money(whole: 2_190))
  }

  @Test func runRateLevelsAreUsageOnly() throws {
    var bills = stepBills()
    bills.add(day("2026-11-01"), "500", usageType: "", lineItemType: "Tax")
    bills.add(day("2026-09-10"), "-100", usageType: "", lineItemType: "Credit")
    let step = try RunRateStep.measure(
      cube: bills.cube, series: [elastiCache], stepDate: day("2026-10-16"),
      window: day("2026-10-01")...day("2026-10-31"))
    #expect(step.monthlyDelta == Money(whole: 2_190))
  }

  @Test func runRateLineTakesStepFromLinkedAnomalyAndCountsHorizon() {
    var incident = Incident(
      id: "t", title: "t", start: day("2026-10-01"), end: day("2026-10-31"), series: [elastiCache, lambda])
    incident.anomalies = [
      LinkedAnomaly(kind: "step", start: day("2026-10-16"), end: day("2026-10-31"), series: elastiCache)
    ]
    incident.costLines = [
      CostLine(description: "Redis", inputs: .runRateIncrease(RunRateInputs(series: [elastiCache])))
    ]
    let line = CostEvaluator.evaluate(incident, bills: stepBills().cube).lines[0]
    // 2,190 × 12 = 26,280.
    #expect(line.amount == Money(whole: 26_280))
    #expect(line.source == .bill)
    #expect(line.inputs.contains(LineInput("stepDate", .day(day("2026-10-16")))))
  }

  @Test func runRateNeedsAWeekOfBillsAfterTheWindow() {
    #expect(
      throws: BillComputationError.notEnoughDataAfterStep(
        from: day("2026-11-01"), billsEnd: day("2026-11-05"), needed: 7)
    ) {
      try RunRateStep.measure(
        cube: stepBills(through: day("2026-11-05")).cube, series: [elastiCache], stepDate: day("2026-10-16"),
        window: day("2026-10-01")...day("2026-10-31"))
    }
  }
}

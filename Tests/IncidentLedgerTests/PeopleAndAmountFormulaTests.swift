import IncidentLedger
import SpendModel
import Testing

/// Formulas whose inputs are entered: each checked against a hand-computed example.
@Suite struct PeopleAndAmountFormulaTests {
  let incident = Incident(
    id: "t", title: "t", start: day("2026-10-01"), end: day("2026-10-07"),
    rates: LoadedRates(annualCost: Money(whole: 208_000)))

  private func evaluate(_ inputs: CostInputs, in incident: Incident? = nil) -> EvaluatedLine {
    CostEvaluator.evaluate(
      CostLine(description: "x", inputs: inputs), of: incident ?? self.incident, bills: nil)
  }

  @Test func hourlyRateIsAnnualCostOverYearHours() {
    // 208,000 ÷ 2,080 = 100.00 an hour; 187,200 ÷ 2,080 = 90.00.
    #expect(LoadedRates(annualCost: Money(whole: 208_000)).hourlyRate == Money(whole: 100))
    #expect(LoadedRates(annualCost: Money(whole: 187_200)).hourlyRate == Money(whole: 90))
    // 150,000 ÷ 2,000 = 75.00; × 7.5 h a day = 562.50.
    let custom = LoadedRates(annualCost: Money(whole: 150_000), yearHours: 2000, hoursPerDay: money("7.5"))
    #expect(custom.hourlyRate == Money(whole: 75))
    #expect(custom.dailyRate == money("562.5"))
  }

  @Test func roleWeightsFollowDispatch() {
    #expect(ResponseRole.commander.weight == money("1"))
    #expect(ResponseRole.scribe.weight == money("0.75"))
    #expect(ResponseRole.liaison.weight == money("0.75"))
    #expect(ResponseRole.participant.weight == money("0.5"))
    #expect(ResponseRole.reporter.weight == money("0.5"))
    #expect(ResponseRole.observer.weight == .zero)
  }

  @Test func engineeringTimeWeightsHoursAndAddsReview() {
    // Commander: 1 × (64 × 1 + 3) × 100 = 6,700.
    let commander = evaluate(
      .engineeringTime(
        EngineeringTimeInputs(
          people: 1, hours: Money(whole: 64), role: .commander, reviewHours: Money(whole: 3))))
    #expect(commander.amount == Money(whole: 6_700))
    #expect(commander.source == .computed)
    #expect(commander.calculation == "1 × (64 × 1 + 3) × $100.00 = $6,700.00")
    // Participants: 6 × (50 × 0.5 + 3) × 100 = 6 × 28 × 100 = 16,800.
    let participants = evaluate(
      .engineeringTime(
        EngineeringTimeInputs(
          people: 6, hours: Money(whole: 50), role: .participant, reviewHours: Money(whole: 3))))
    #expect(participants.amount == Money(whole: 16_800))
    // Observer counts only review: 2 × (10 × 0 + 1) × 100 = 200.
    let observers = evaluate(
      .engineeringTime(
        EngineeringTimeInputs(
          people: 2, hours: Money(whole: 10), role: .observer, reviewHours: Money(whole: 1))))
    #expect(observers.amount == Money(whole: 200))
  }

  @Test func engineeringTimeWithLineRateAndExplicitWeightIsExact() {
    // 3 × 2.5 × 0.75 × 93.27 = 3 × 1.875 × 93.27 = 524.64375 (no rounding to cents).
    let line = evaluate(
      .engineeringTime(
        EngineeringTimeInputs(
          people: 3, hours: money("2.5"), role: .commander, weight: money("0.75"), hourlyRate: money("93.27"))
      ))
    #expect(line.amount == money("524.64375"))
    #expect(line.formula == "people × hours × weight × hourly rate")
  }

  @Test func engineeringTimeWithoutRateIsMissing() {
    var bare = incident
    bare.rates = LoadedRates()
    let line = evaluate(.engineeringTime(EngineeringTimeInputs(people: 1, hours: Money(whole: 8))), in: bare)
    #expect(line.amount == nil)
    #expect(line.missing?.contains("annual_cost") == true)
  }

  @Test func revenueLossFromHoursOrAnnualRevenue() {
    // 16 h × 750 = 12,000.
    let hourly = evaluate(
      .revenueLoss(RevenueLossInputs(degradedHours: Money(whole: 16), revenuePerHour: Money(whole: 750))))
    #expect(hourly.amount == Money(whole: 12_000))
    // 8,760,000 ÷ 8,760 h = 1,000 an hour × 2.5 h = 2,500.
    let annual = evaluate(
      .revenueLoss(RevenueLossInputs(degradedHours: money("2.5"), annualRevenue: Money(whole: 8_760_000))))
    #expect(annual.amount == Money(whole: 2_500))
    // 2,040 business hours: 4,080,000 ÷ 2,040 = 2,000 × 3 = 6,000.
    let business = evaluate(
      .revenueLoss(
        RevenueLossInputs(
          degradedHours: Money(whole: 3), annualRevenue: Money(whole: 4_080_000), operatingHours: 2040)))
    #expect(business.amount == Money(whole: 6_000))
    let entered = evaluate(.revenueLoss(RevenueLossInputs(amount: Money(whole: 12_000))))
    #expect(entered.amount == Money(whole: 12_000))
    #expect(entered.source == .entered)
  }

  @Test func customerCreditsArePercentOfMonthlyContract() {
    // 3 customers × 2,000 a month × 10 % = 600.
    let credits = evaluate(
      .customerCredits(
        CustomerCreditsInputs(
          monthlyContractValue: Money(whole: 2_000), creditPercent: Money(whole: 10), customers: 3)))
    #expect(credits.amount == Money(whole: 600))
    // 1 × 1,234.56 × 5 % = 61.728.
    let one = evaluate(
      .customerCredits(
        CustomerCreditsInputs(monthlyContractValue: money("1234.56"), creditPercent: Money(whole: 5))))
    #expect(one.amount == money("61.728"))
  }

  @Test func lostVelocityFromEngineerDays() {
    // Daily rate 100 × 8 = 800; 17.5 days × 800 = 14,000.
    let fromRates = evaluate(.lostVelocity(LostVelocityInputs(engineerDays: money("17.5"))))
    #expect(fromRates.amount == Money(whole: 14_000))
    #expect(fromRates.inputs.contains(LineInput("dailyRate", .money(Money(whole: 800)))))
    // 4 days × 650.25 = 2,601.
    let own = evaluate(
      .lostVelocity(LostVelocityInputs(engineerDays: Money(whole: 4), dailyRate: money("650.25"))))
    #expect(own.amount == Money(whole: 2_601))
    let entered = evaluate(.lostVelocity(LostVelocityInputs(amount: Money(whole: 14_000))))
    #expect(entered.source == .entered)
  }

  @Test func enteredRunRateIsDeltaTimesHorizon() {
    // 2,100 × 12 = 25,200; 350.50 × 18 = 6,309.
    let year = evaluate(.runRateIncrease(RunRateInputs(monthlyDelta: Money(whole: 2_100))))
    #expect(year.amount == Money(whole: 25_200))
    #expect(year.source == .computed)
    let longer = evaluate(.runRateIncrease(RunRateInputs(monthlyDelta: money("350.50"), horizonMonths: 18)))
    #expect(longer.amount == Money(whole: 6_309))
  }

  @Test func totalsPerCategoryAndOverall() {
    var withLines = incident
    withLines.costLines = [
      CostLine(description: "a", inputs: .revenueLoss(RevenueLossInputs(amount: Money(whole: 100)))),
      CostLine(description: "b", inputs: .revenueLoss(RevenueLossInputs(amount: Money(whole: 50)))),
      CostLine(description: "c", inputs: .lostVelocity(LostVelocityInputs(amount: Money(whole: 7)))),
      CostLine(description: "d", inputs: .awsOverage(AWSOverageInputs())),
    ]
    let costs = CostEvaluator.evaluate(withLines, bills: nil)
    #expect(costs.total(of: .revenueLoss) == Money(whole: 150))
    #expect(costs.total(of: .lostVelocity) == Money(whole: 7))
    #expect(costs.total(of: .customerCredits) == .zero)
    #expect(costs.total(of: .awsOverage) == nil)
    #expect(costs.total == nil)
    #expect(costs.knownTotal == Money(whole: 157))
    #expect(costs.missingCategories == [.awsOverage])
  }
}

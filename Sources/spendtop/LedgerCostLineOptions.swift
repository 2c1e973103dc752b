import ArgumentParser
import IncidentLedger
import SpendModel

/// The inputs of a cost line on the command line; each maps to the file key of the same name.
struct CostLineOptions: ParsableArguments {
  @Option(
    help: "aws-overage, engineering-time, revenue-loss, customer-credits, run-rate-increase, lost-velocity.")
  var category: String?
  @Option(help: "What the line is.") var description: String?
  @Option(help: "Assumptions or sources.") var note: String?
  @Option(
    help: ArgumentHelp(
      "Series of this line, repeatable (aws-overage, run-rate-increase).", valueName: "FIELDS"))
  var series: [String] = []

  // Amounts take the next word even when it starts with "-": `--amount -5` is a value (refused
  // where negative amounts make no sense, with the field named), not a missing one.
  @Option(
    parsing: .unconditional,
    help: "An entered amount, 0 or more (revenue-loss, customer-credits, lost-velocity).")
  var amount: String?
  @Option(help: "engineering-time: people.") var people: String?
  @Option(help: "engineering-time: hours each.") var hours: String?
  @Option(help: "engineering-time: commander, scribe, liaison, participant, reporter, observer.") var role:
    String?
  @Option(help: "engineering-time: weight instead of the role's.") var weight: String?
  @Option(help: "engineering-time: review-meeting hours each.") var reviewHours: String?
  @Option(help: "engineering-time: hourly rate instead of the incident's.") var hourlyRate: String?
  @Option(help: "revenue-loss: degraded hours.") var degradedHours: String?
  @Option(help: "revenue-loss: revenue per hour.") var revenuePerHour: String?
  @Option(help: "revenue-loss: annual revenue (with --operating-hours).") var annualRevenue: String?
  @Option(help: "revenue-loss: operating hours a year (default 8760).") var operatingHours: String?
  @Option(help: "customer-credits: customers credited.") var customers: String?
  @Option(help: "customer-credits: monthly contract value each.") var monthlyContractValue: String?
  @Option(help: "customer-credits: credit percent, 0-100.") var creditPercent: String?
  @Option(
    parsing: .unconditional, help: "run-rate-increase: entered monthly delta (else measured in the bills).")
  var monthlyDelta: String?
  @Option(help: "run-rate-increase: months counted (default 12).") var horizonMonths: String?
  @Option(help: "run-rate-increase: the day the level stepped.") var stepDate: String?
  @Option(help: "run-rate-increase: days averaged per level (default 28).") var levelDays: String?
  @Option(help: "aws-overage, run-rate-increase: unblended, amortized, net-unblended, net-amortized.")
  var basis: String?
  @Option(help: "aws-overage: weeks of baseline before the window (default 4).") var baselineWeeks: String?
  @Option(
    parsing: .unconditional, help: "aws-overage: an amount replacing the bill's (needs --override-reason).")
  var override: String?
  @Option(help: "aws-overage: why the bill's amount is replaced.") var overrideReason: String?
  @Option(help: "lost-velocity: engineer-days diverted.") var engineerDays: String?
  @Option(help: "lost-velocity: daily rate instead of the incident's.") var dailyRate: String?

  /// The cost line these options describe.
  func line(owner: String?) throws(LedgerError) -> CostLine {
    guard let category else { throw .invalidChange("cost needs --category") }
    let pairs: [(String, String?)] = [
      ("description", description), ("note", note), ("owner", owner), ("amount", amount), ("people", people),
      ("hours", hours),
      ("role", role), ("weight", weight), ("review_hours", reviewHours), ("hourly_rate", hourlyRate),
      ("degraded_hours", degradedHours), ("revenue_per_hour", revenuePerHour),
      ("annual_revenue", annualRevenue),
      ("operating_hours", operatingHours), ("customers", customers),
      ("monthly_contract_value", monthlyContractValue),
      ("credit_percent", creditPercent), ("monthly_delta", monthlyDelta), ("horizon_months", horizonMonths),
      ("step_date", stepDate), ("level_days", levelDays), ("basis", basis), ("baseline_weeks", baselineWeeks),
      ("override", override), ("override_reason", overrideReason), ("engineer_days", engineerDays),
      ("daily_rate", dailyRate),
    ]
    var selectors: [SeriesSelector] = []
    for text in series { selectors.append(try SeriesSelector(parsing: text)) }
    return try CostLineBuilder.line(
      category: category, fields: pairs.compactMap { key, value in value.map { (key: key, text: $0) } },
      series: selectors)
  }
}

import SpendModel

/// Inputs of `aws-overage`: Σ(actual − expected) over the window, from the bills.
public struct AWSOverageInputs: Sendable, Equatable {
  /// The series to count; empty means the incident's series.
  public var series: [SeriesSelector]
  /// The cost basis summed (default unblended, the invoice view).
  public var basis: CostBasis
  /// Weeks of history before the window that the baseline is the median of (default 4).
  public var baselineWeeks: Int
  /// A manual amount that replaces the computed one; needs `overrideReason`.
  public var override: Money?
  /// Why the computed amount is overridden.
  public var overrideReason: String

  /// Creates the inputs.
  public init(
    series: [SeriesSelector] = [], basis: CostBasis = .unblended, baselineWeeks: Int = 4,
    override: Money? = nil, overrideReason: String = ""
  ) {
    self.series = series
    self.basis = basis
    self.baselineWeeks = baselineWeeks
    self.override = override
    self.overrideReason = overrideReason
  }
}

/// A response role with its Netflix Dispatch weight.
public enum ResponseRole: String, Sendable, CaseIterable {
  case commander, scribe, liaison, participant, reporter, observer

  /// The share of a person's time the role counts for: commander 1, scribe and liaison 0.75,
  /// participant and reporter 0.5, observer 0.
  public var weight: Quantity {
    switch self {
    case .commander: return Money(whole: 1)
    case .scribe, .liaison: return Money(cents: 75)
    case .participant, .reporter: return Money(cents: 50)
    case .observer: return .zero
    }
  }
}

/// Inputs of `engineering-time`: people × (hours × weight + review hours) × loaded hourly rate.
public struct EngineeringTimeInputs: Sendable, Equatable {
  /// How many people the line counts.
  public var people: Int
  /// Hours each person spent on the response.
  public var hours: Quantity
  /// The role, which sets the weight unless `weight` is given.
  public var role: ResponseRole?
  /// An explicit weight (overrides the role's); 1 when neither is set.
  public var weight: Quantity?
  /// Hours each person spent in the review meeting (and its preparation), unweighted.
  public var reviewHours: Quantity
  /// An hourly rate for this line, overriding the incident's rates.
  public var hourlyRate: Money?

  /// Creates the inputs.
  public init(
    people: Int, hours: Quantity, role: ResponseRole? = nil, weight: Quantity? = nil,
    reviewHours: Quantity = .zero, hourlyRate: Money? = nil
  ) {
    self.people = people
    self.hours = hours
    self.role = role
    self.weight = weight
    self.reviewHours = reviewHours
    self.hourlyRate = hourlyRate
  }

  /// The weight applied to `hours`: explicit, else the role's, else 1.
  public var effectiveWeight: Quantity { weight ?? role?.weight ?? Money(whole: 1) }
}

/// Inputs of `revenue-loss`: an amount, or degraded hours × revenue per hour.
public struct RevenueLossInputs: Sendable, Equatable {
  /// An entered amount.
  public var amount: Money?
  /// Hours the product was degraded or down.
  public var degradedHours: Quantity?
  /// Revenue per hour at risk (or annual revenue ÷ operating hours).
  public var revenuePerHour: Money?
  /// Annual revenue, used with `operatingHours` when `revenuePerHour` is not given.
  public var annualRevenue: Money?
  /// Operating hours in a year for `annualRevenue` (default 8,760: always on).
  public var operatingHours: Int?

  /// Creates the inputs.
  public init(
    amount: Money? = nil, degradedHours: Quantity? = nil, revenuePerHour: Money? = nil,
    annualRevenue: Money? = nil, operatingHours: Int? = nil
  ) {
    self.amount = amount
    self.degradedHours = degradedHours
    self.revenuePerHour = revenuePerHour
    self.annualRevenue = annualRevenue
    self.operatingHours = operatingHours
  }
}

/// Inputs of `customer-credits`: an amount, or customers × monthly contract value × credit %.
public struct CustomerCreditsInputs: Sendable, Equatable {
  /// An entered amount.
  public var amount: Money?
  /// Monthly contract value per customer (monthly, not annual: the usual mistake).
  public var monthlyContractValue: Money?
  /// The SLA credit percentage (5, 10, 25, …).
  public var creditPercent: Quantity?
  /// Customers credited (default 1).
  public var customers: Int?

  /// Creates the inputs.
  public init(
    amount: Money? = nil, monthlyContractValue: Money? = nil, creditPercent: Quantity? = nil,
    customers: Int? = nil
  ) {
    self.amount = amount
    self.monthlyContractValue = monthlyContractValue
    self.creditPercent = creditPercent
    self.customers = customers
  }
}

/// Inputs of `run-rate-increase`: monthly delta × horizon months; the delta from the bill
/// (post-step minus pre-step monthly level) unless entered.
public struct RunRateInputs: Sendable, Equatable {
  /// An entered monthly delta; when nil the delta is measured in the bills.
  public var monthlyDelta: Money?
  /// Months the increase is counted for (default 12).
  public var horizonMonths: Int
  /// The series whose level stepped; empty means the incident's series.
  public var series: [SeriesSelector]
  /// The day the level stepped; default: a linked `step` anomaly's start, else the window start.
  public var stepDate: Day?
  /// Days averaged for each level (default 28).
  public var levelDays: Int
  /// The cost basis (default unblended).
  public var basis: CostBasis

  /// Creates the inputs.
  public init(
    monthlyDelta: Money? = nil, horizonMonths: Int = 12, series: [SeriesSelector] = [], stepDate: Day? = nil,
    levelDays: Int = 28, basis: CostBasis = .unblended
  ) {
    self.monthlyDelta = monthlyDelta
    self.horizonMonths = horizonMonths
    self.series = series
    self.stepDate = stepDate
    self.levelDays = levelDays
    self.basis = basis
  }
}

/// Inputs of `lost-velocity`: an amount, or engineer-days diverted × daily loaded rate.
public struct LostVelocityInputs: Sendable, Equatable {
  /// An entered amount.
  public var amount: Money?
  /// Engineer-days of planned work that did not happen.
  public var engineerDays: Quantity?
  /// A daily rate for this line, overriding the incident's (hourly rate × hours per day).
  public var dailyRate: Money?

  /// Creates the inputs.
  public init(amount: Money? = nil, engineerDays: Quantity? = nil, dailyRate: Money? = nil) {
    self.amount = amount
    self.engineerDays = engineerDays
    self.dailyRate = dailyRate
  }
}

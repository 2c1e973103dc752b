import SpendModel

/// An exact decimal quantity (hours, days, weights, percentages) in `Money`'s fixed point, so
/// that products with money stay exact (`Money.multiplied(by:)`).
public typealias Quantity = Money

/// The kinds of cost an incident has, in the order the ledger reports them.
public enum CostCategory: String, Sendable, CaseIterable, Comparable {
  /// What AWS billed above the pre-incident baseline.
  case awsOverage = "aws-overage"
  /// People's response time at a loaded rate.
  case engineeringTime = "engineering-time"
  /// Sales lost while the product was degraded.
  case revenueLoss = "revenue-loss"
  /// SLA credits paid to customers.
  case customerCredits = "customer-credits"
  /// A lasting rise in the monthly bill, over a horizon.
  case runRateIncrease = "run-rate-increase"
  /// Planned work that did not happen because people were on the incident.
  case lostVelocity = "lost-velocity"

  /// A label for people: `AWS overage`, `Engineering time`, …
  public var label: String {
    switch self {
    case .awsOverage: return "AWS overage"
    case .engineeringTime: return "Engineering time"
    case .revenueLoss: return "Revenue loss"
    case .customerCredits: return "Customer credits"
    case .runRateIncrease: return "Run-rate increase"
    case .lostVelocity: return "Lost velocity"
    }
  }

  public static func < (lhs: CostCategory, rhs: CostCategory) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}

// MARK: - Valid amounts

extension CostCategory {
  /// Whether an entered amount of this category may be negative.
  ///
  /// Only the bill's own lines may: an `aws-overage` override (AWS credits or a refund can bring
  /// the bill under its baseline, as the computed overage can be) and a `run-rate-increase` monthly
  /// delta (a fix can lower the monthly level). Every other category is a cost the incident caused
  /// (people's time, lost revenue, credits paid, lost work): never a gain.
  public var allowsNegativeAmount: Bool { self == .awsOverage || self == .runRateIncrease }

  /// Why `amount` cannot be entered as `key` of a line of this category, or nil when it can.
  ///
  /// The one rule for entered amounts: the file decoder, `ledger add` and the dashboard's form
  /// all ask it.
  public func problem(amount: Money, key: String = "amount") -> String? {
    guard amount < .zero, !allowsNegativeAmount else { return nil }
    return "\(key) cannot be negative for a \(rawValue) line (\(amount.dollars())): it is a cost of the "
      + "incident; only aws-overage and run-rate-increase amounts may be negative"
  }
}

extension CustomerCreditsInputs {
  /// The SLA credit percentages that make sense: 0 to 100 % of the monthly contract value.
  public static let creditPercentRange: ClosedRange<Quantity> = Money.zero...Money(whole: 100)
}

/// Where a line's amount comes from.
public enum CostSource: String, Sendable {
  /// Computed from the bills given (AWS overage, run-rate from a step).
  case bill
  /// Computed by a formula from entered inputs (people × hours × rate).
  case computed
  /// An amount someone entered.
  case entered
}

/// One line of an incident's cost: a description and the inputs of its category's formula.
public struct CostLine: Sendable, Equatable {
  /// What the line is (`Incident commander`, `Redis upgrade to r6g.xlarge`).
  public var description: String
  /// The category and its inputs.
  public var inputs: CostInputs
  /// Assumptions or sources in words, if any.
  public var note: String
  /// Who stands behind the numbers (finance, the incident commander), if named.
  public var owner: String

  /// Creates a line.
  public init(description: String, inputs: CostInputs, note: String = "", owner: String = "") {
    self.description = description
    self.inputs = inputs
    self.note = note
    self.owner = owner
  }

  /// The line's category.
  public var category: CostCategory { inputs.category }
}

/// A cost line's category with the inputs its formula needs.
public enum CostInputs: Sendable, Equatable {
  case awsOverage(AWSOverageInputs)
  case engineeringTime(EngineeringTimeInputs)
  case revenueLoss(RevenueLossInputs)
  case customerCredits(CustomerCreditsInputs)
  case runRateIncrease(RunRateInputs)
  case lostVelocity(LostVelocityInputs)

  /// The category these inputs belong to.
  public var category: CostCategory {
    switch self {
    case .awsOverage: return .awsOverage
    case .engineeringTime: return .engineeringTime
    case .revenueLoss: return .revenueLoss
    case .customerCredits: return .customerCredits
    case .runRateIncrease: return .runRateIncrease
    case .lostVelocity: return .lostVelocity
    }
  }
}

/// The loaded cost of an engineer, shared by an incident's people-time lines.
public struct LoadedRates: Sendable, Equatable {
  /// Loaded annual cost of one engineer (salary, benefits, overhead), if set.
  public var annualCost: Money?
  /// Working hours in a year (default 2,080 = 52 × 40).
  public var yearHours: Int
  /// Working hours in a day, for daily rates (default 8).
  public var hoursPerDay: Quantity

  /// The default working year.
  public static let defaultYearHours = 2080

  /// Creates rates.
  public init(
    annualCost: Money? = nil, yearHours: Int = LoadedRates.defaultYearHours,
    hoursPerDay: Quantity = Money(whole: 8)
  ) {
    self.annualCost = annualCost
    self.yearHours = yearHours
    self.hoursPerDay = hoursPerDay
  }

  /// Annual cost ÷ year hours, or nil when no annual cost is set.
  public var hourlyRate: Money? { annualCost.map { $0.divided(by: yearHours) } }

  /// Hourly rate × hours per day, or nil when no annual cost is set.
  public var dailyRate: Money? { hourlyRate.map { $0.multiplied(by: hoursPerDay) } }
}

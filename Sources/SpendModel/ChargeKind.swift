/// What a line item is, in the detector's terms: usage, or a calendar charge that lands on a
/// schedule (fees, commitments, support, tax) or is an adjustment (credits, refunds, discounts).
///
/// Line item types are kept verbatim in the cube; `ChargeKind` classifies them (formats.md §6,
/// detector.md §5). Unknown types are treated as usage so that nothing is hidden.
public enum ChargeKind: String, Sendable, CaseIterable {
  /// Metered usage (`Usage`, `DiscountedUsage`, `SavingsPlanCoveredUsage`, FOCUS `Usage`).
  case usage
  /// Recurring or upfront fees and commitments (`Fee`, `RIFee`, `SavingsPlanRecurringFee`, …).
  case fee
  /// Tax.
  case tax
  /// Credits (negative).
  case credit
  /// Refunds (negative).
  case refund
  /// Discounts and negations (`EdpDiscount`, `SavingsPlanNegation`, …).
  case discount

  /// Classifies a line item type or FOCUS charge category, case-insensitively.
  public init(lineItemType: String) {
    switch lineItemType.lowercased() {
    case "usage", "discountedusage", "savingsplancoveredusage", "": self = .usage
    case "fee", "rifee", "savingsplanrecurringfee", "savingsplanupfrontfee", "purchase": self = .fee
    case "tax": self = .tax
    case "credit": self = .credit
    case "refund": self = .refund
    case "savingsplannegation", "discount", "bundleddiscount", "edpdiscount", "privateratediscount",
      "sppdiscount", "distributordiscount", "rivolumediscount", "adjustment":
      self = .discount
    default: self = .usage
    }
  }

  /// Whether the detector models this kind by calendar rather than as a daily usage series.
  public var isCalendarCharge: Bool { self != .usage }
}

import SpendModel

/// The unit of replacement in the store: one payer account's bill for one month.
///
/// AWS restates a month's bill until it is final; importing a period that is already stored
/// replaces it whole.
public struct BillingPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The payer (management) account, `""` when the export names none.
  public var payer: String
  /// The billing month.
  public var month: Month

  /// Creates a period.
  public init(payer: String, month: Month) {
    self.payer = payer
    self.month = month
  }

  /// The period a cube cell belongs to.
  public init(of key: CubeKey) {
    self.init(payer: key.payerAccount, month: key.billingPeriod)
  }

  /// `PAYER:YYYY-MM`, or `YYYY-MM` when the payer is unknown.
  public var description: String { payer.isEmpty ? month.description : "\(payer):\(month)" }

  public static func < (lhs: BillingPeriod, rhs: BillingPeriod) -> Bool {
    (lhs.month, lhs.payer) < (rhs.month, rhs.payer)
  }
}

/// Which stored periods a command means: `2026-10` (every payer) or `PAYER:2026-10`.
public struct PeriodSelector: Equatable, Sendable, CustomStringConvertible {
  /// The payer, or nil for every payer.
  public var payer: String?
  /// The month.
  public var month: Month

  /// Creates a selector.
  public init(payer: String?, month: Month) {
    self.payer = payer
    self.month = month
  }

  /// Parses `YYYY-MM` or `PAYER:YYYY-MM`.
  ///
  /// - Throws: `StoreError.invalidPeriod`.
  public init(parsing text: String) throws(StoreError) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard let last = parts.last, let month = Month(iso: String(last)), parts.count <= 2 else {
      throw .invalidPeriod(text)
    }
    if parts.count == 2 {
      guard !parts[0].isEmpty else { throw .invalidPeriod(text) }
      self.init(payer: String(parts[0]), month: month)
    } else {
      self.init(payer: nil, month: month)
    }
  }

  /// Whether a period is selected.
  public func matches(_ period: BillingPeriod) -> Bool {
    period.month == month && (payer == nil || payer == period.payer)
  }

  public var description: String { payer.map { "\($0):\(month)" } ?? month.description }
}

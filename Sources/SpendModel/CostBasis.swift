/// Which cost a sum adds up (formats.md §5).
public enum CostBasis: String, CaseIterable, Sendable, Codable {
  /// The invoice view: `lineItem/UnblendedCost` over every line item type (FOCUS `BilledCost`).
  case unblended
  /// Upfront and recurring commitment fees spread over the usage they cover (FOCUS `EffectiveCost`).
  case amortized
  /// Unblended after discounts (`lineItem/NetUnblendedCost`); equals unblended where a bill has no
  /// discount columns.
  case netUnblended = "net-unblended"
  /// Amortized after discounts (the `Net*` twins); equals amortized where a bill has none.
  case netAmortized = "net-amortized"

  /// A short label for headers: `unblended`, `net amortized`, …
  public var label: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }
}

/// The four cost bases of one cube cell, exact.
public struct Costs: Hashable, Sendable {
  /// Unblended cost.
  public var unblended: Money
  /// Amortized cost.
  public var amortized: Money
  /// Net unblended cost.
  public var netUnblended: Money
  /// Net amortized cost.
  public var netAmortized: Money

  /// Creates the costs of a cell.
  public init(unblended: Money, amortized: Money, netUnblended: Money, netAmortized: Money) {
    self.unblended = unblended
    self.amortized = amortized
    self.netUnblended = netUnblended
    self.netAmortized = netAmortized
  }

  /// Costs that are the same on every basis (a bill without commitments or discounts).
  public init(all value: Money) {
    self.init(unblended: value, amortized: value, netUnblended: value, netAmortized: value)
  }

  /// All zero.
  public static let zero = Costs(all: .zero)

  /// The cost on one basis.
  public subscript(basis: CostBasis) -> Money {
    switch basis {
    case .unblended: return unblended
    case .amortized: return amortized
    case .netUnblended: return netUnblended
    case .netAmortized: return netAmortized
    }
  }

  /// Whether every basis is zero.
  public var isZero: Bool { unblended.isZero && amortized.isZero && netUnblended.isZero && netAmortized.isZero }

  public static func += (lhs: inout Costs, rhs: Costs) {
    lhs.unblended += rhs.unblended
    lhs.amortized += rhs.amortized
    lhs.netUnblended += rhs.netUnblended
    lhs.netAmortized += rhs.netAmortized
  }

  public static func + (lhs: Costs, rhs: Costs) -> Costs {
    var sum = lhs
    sum += rhs
    return sum
  }

  public static func - (lhs: Costs, rhs: Costs) -> Costs {
    Costs(
      unblended: lhs.unblended - rhs.unblended, amortized: lhs.amortized - rhs.amortized,
      netUnblended: lhs.netUnblended - rhs.netUnblended, netAmortized: lhs.netAmortized - rhs.netAmortized)
  }
}

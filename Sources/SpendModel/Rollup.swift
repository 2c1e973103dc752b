/// Why a cube cannot be rolled up as asked.
public enum RollupError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The cells hold several currencies and `currency` is not among the dimensions.
  case mixedCurrencies([String])

  public var description: String {
    switch self {
    case .mixedCurrencies(let codes):
      return "the data holds several currencies (\(codes.joined(separator: ", "))) that cannot be added together; "
        + "group by currency (--by ...,currency) or keep one (--currency \(codes.first ?? "USD"))"
    }
  }
}

/// One group of a rollup: the dimension values (in the order asked) and the summed cost.
public struct RollupRow: Hashable, Sendable {
  /// One value per dimension, in the order of `Rollup.dimensions`.
  public var values: [String]
  /// The summed cost on the rollup's basis.
  public var cost: Money

  /// Creates a row.
  public init(values: [String], cost: Money) {
    self.values = values
    self.cost = cost
  }
}

/// A cube summed by a set of dimensions on one cost basis.
public struct Rollup: Sendable {
  /// The dimensions grouped by.
  public var dimensions: [Dimension]
  /// The basis summed.
  public var basis: CostBasis
  /// Groups sorted by their values.
  public var rows: [RollupRow]

  /// Creates a rollup from groups already summed and sorted (as a store's query returns them).
  public init(dimensions: [Dimension], basis: CostBasis, rows: [RollupRow]) {
    self.dimensions = dimensions
    self.basis = basis
    self.rows = rows
  }

  /// The sum over all groups.
  public var total: Money { rows.reduce(.zero) { $0 + $1.cost } }
}

extension Cube {
  /// Sums the cube by `dimensions` on `basis` over the cells that pass `filter`.
  ///
  /// Rows come out sorted by their dimension values (days sort chronologically as text).
  /// Groups whose cost is exactly zero are kept: a zero-cost line is information.
  ///
  /// - Throws: `RollupError.mixedCurrencies` when currencies would be added together.
  public func rollup(
    by dimensions: [Dimension], basis: CostBasis = .unblended, filter: CubeFilter = .all
  ) throws(RollupError) -> Rollup {
    var sums: [[String]: Money] = [:]
    var currencies: Set<String> = []
    for row in rows where filter.matches(row.key) {
      currencies.insert(row.key.currency)
      sums[dimensions.map { $0.value(of: row.key) }, default: .zero] += row.costs[basis]
    }
    if currencies.count > 1 && !dimensions.contains(.currency) {
      throw .mixedCurrencies(currencies.sorted())
    }
    let sorted = sums.map { RollupRow(values: $0.key, cost: $0.value) }
      .sorted { $0.values.lexicographicallyPrecedes($1.values) }
    return Rollup(dimensions: dimensions, basis: basis, rows: sorted)
  }
}

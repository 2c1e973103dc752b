import SpendModel

/// Two periods side by side, summed by the same dimensions.
public struct PeriodComparison: Sendable {
  /// The dimension names grouped by.
  public var dimensions: [String]
  /// The cost basis.
  public var basis: CostBasis
  /// The currency.
  public var currency: String
  /// The period reported on.
  public var period: ReportPeriod
  /// The period compared against.
  public var against: ReportPeriod
  /// Where the compared-against side came from: nil for the bills, else a snapshot file.
  public var againstSnapshot: String?
  /// One line per group present on either side, largest move first.
  public var rows: [Row]
  /// Things the reader should know: the days of either side with no data at all (a gap).
  public var notes: [String] = []

  /// One group's two amounts.
  public struct Row: Sendable, Equatable {
    /// Values in the order of `dimensions`.
    public var values: [String]
    /// The amounts.
    public var change: SpendChange
  }

  /// Compares two sides summed by `dimensions` (canonical names, each kept by both sides).
  ///
  /// - Parameters:
  ///   - current: the period reported on.
  ///   - against: the period compared against.
  ///   - dimensions: names to group by; nil for those `current` kept.
  ///   - snapshotPath: the file `against` was read from, if any (named in messages and output).
  /// - Throws: `ReportError.snapshotMismatch` for different bases or currencies,
  ///   `.snapshotLacksDimension`, `.comparedPeriodIsGap` when no day of `against` has data,
  ///   `.reportedPeriodIsGap` when no day of `current` has.
  public init(
    current: SpendSnapshot, against: SpendSnapshot, dimensions: [String]? = nil, snapshotPath: String? = nil
  ) throws(ReportError) {
    let names = dimensions ?? current.dimensions
    let source = snapshotPath ?? "the compared period"
    guard current.basis == against.basis else {
      throw .snapshotMismatch(
        path: source,
        reason: "it is on the \(against.basis.rawValue) basis, the report on \(current.basis.rawValue)")
    }
    guard current.currency == against.currency else {
      throw .snapshotMismatch(
        path: source, reason: "it is in \(against.currency), the report in \(current.currency)")
    }
    if current.gaps == [current.period.start...current.period.end] {
      throw .reportedPeriodIsGap(period: current.period)
    }
    if against.gaps == [against.period.start...against.period.end] {
      throw .comparedPeriodIsGap(period: against.period)
    }
    let now = try current.regrouped(by: names)
    let before = try against.regrouped(by: names, path: source)
    var rows: [Row] = []
    for values in Set(now.keys).union(before.keys) {
      rows.append(
        Row(
          values: values,
          change: SpendChange(current: now[values] ?? .zero, previous: before[values] ?? .zero)))
    }
    rows.sort { lhs, rhs in
      let left = lhs.change.delta.units.magnitude
      let right = rhs.change.delta.units.magnitude
      return left != right ? left > right : lhs.values.lexicographicallyPrecedes(rhs.values)
    }
    self.dimensions = names
    basis = current.basis
    currency = current.currency
    period = current.period
    self.against = against.period
    againstSnapshot = snapshotPath
    self.rows = rows
    notes = (current.gaps + against.gaps).map { gap in
      let span =
        gap.lowerBound == gap.upperBound ? "\(gap.lowerBound)" : "\(gap.lowerBound) … \(gap.upperBound)"
      return "No data at all for \(span) (not imported, or forgotten): a gap, not $0; it counts nothing."
    }
  }

  /// Both sides' totals.
  public var total: SpendChange {
    rows.reduce(SpendChange(current: .zero, previous: .zero)) {
      SpendChange(current: $0.current + $1.change.current, previous: $0.previous + $1.change.previous)
    }
  }
}

import SpendModel

/// One period's spend summed by a set of dimensions: one side of a comparison, and what
/// `--save-snapshot` writes so that a later run can compare against it.
public struct SpendSnapshot: Sendable, Equatable {
  /// The period summed.
  public var period: ReportPeriod
  /// The cost basis.
  public var basis: CostBasis
  /// The currency.
  public var currency: String
  /// The dimension names kept (canonical: `service`, `usage-type`, `tag:team`).
  public var dimensions: [String]
  /// One row per group, values in the order of `dimensions`, sorted by values.
  public var rows: [RollupRow]
  /// The runs of the period's days on which the data has no row at all (not imported, or
  /// forgotten): a gap, not $0 of spend. Empty for a snapshot read from a file.
  public var gaps: [ClosedRange<Day>] = []

  /// Creates a snapshot from its parts.
  public init(
    period: ReportPeriod, basis: CostBasis, currency: String, dimensions: [String], rows: [RollupRow]
  ) {
    self.period = period
    self.basis = basis
    self.currency = currency
    self.dimensions = dimensions
    self.rows = rows
  }

  /// Sums a cube's spend in `period` by `dimensions`.
  ///
  /// - Throws: `ReportError.noData`, `.mixedCurrencies`, `.periodOutsideData` when the period is not
  ///   wholly inside the data.
  public init(
    cube: Cube, period: ReportPeriod, dimensions: [Dimension], basis: CostBasis = .unblended,
    currency: String? = nil
  ) throws(ReportError) {
    let code = try ReportInput.currency(of: cube, chosen: currency)
    guard let data = ReportInput.dayRange(of: cube, currency: code) else { throw .noData }
    guard period.start >= data.lowerBound, period.end <= data.upperBound else {
      throw .periodOutsideData(period: period, data: data)
    }
    var sums: [[String]: Money] = [:]
    var days = Set<Day>()
    for row in cube.rows where row.key.currency == code && period.contains(row.key.day) {
      sums[dimensions.map { $0.value(of: row.key) }, default: .zero] += row.costs[basis]
      days.insert(row.key.day)
    }
    self.init(
      period: period, basis: basis, currency: code, dimensions: dimensions.map(\.name),
      rows: sums.map { RollupRow(values: $0.key, cost: $0.value) }.sorted {
        $0.values.lexicographicallyPrecedes($1.values)
      })
    gaps = DayRuns.runs(in: period.start...period.end) { !days.contains($0) }
  }

  /// The sum of every row.
  public var total: Money { rows.reduce(.zero) { $0 + $1.cost } }

  /// The rows summed by a subset of the kept dimensions.
  ///
  /// - Parameters:
  ///   - names: canonical dimension names, each one of `dimensions`.
  ///   - path: the snapshot's file, for the error message.
  /// - Throws: `ReportError.snapshotLacksDimension`.
  public func regrouped(by names: [String], path: String = "snapshot") throws(ReportError) -> [[String]:
    Money]
  {
    var positions: [Int] = []
    for name in names {
      guard let position = dimensions.firstIndex(of: name) else {
        throw .snapshotLacksDimension(path: path, dimension: name, kept: dimensions)
      }
      positions.append(position)
    }
    var sums: [[String]: Money] = [:]
    for row in rows { sums[positions.map { row.values[$0] }, default: .zero] += row.cost }
    return sums
  }
}

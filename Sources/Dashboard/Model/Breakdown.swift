import SpendModel

/// One group of a breakdown: its cost in the period, in the previous period, and per day.
public struct BreakdownRow: Sendable, Equatable {
  /// The group's values joined by ` · `; an empty usage type shows as `blankLabel`, any other
  /// empty value as `(none)`.
  public var name: String
  /// The group's raw values, one per grouped dimension.
  public var values: [String]
  /// Cost in the period.
  public var cost: Money
  /// Cost in the previous period.
  public var previous: Money
  /// Cost per day over `Breakdown.seriesDays`.
  public var daily: [Money]
  /// What an empty usage type of this group reads as: the line item types of its cells in the
  /// period in parentheses (`(Tax)`, `(Fee, Tax)`; see `BlankUsageLabel`), else `(none)`. Other
  /// dimensions (tags, resources) read `(none)` when empty, as `spendtop cube` prints them.
  public var blankLabel = "(none)"

  /// Cost minus previous cost.
  public var change: Money { cost - previous }
}

/// A cube summed by some dimensions over a period, with the previous period alongside.
public struct Breakdown: Sendable, Equatable {
  /// The groups, largest cost first.
  public var rows: [BreakdownRow]
  /// The sum of all groups in the period.
  public var total: Money
  /// The sum of all groups in the previous period.
  public var previousTotal: Money
  /// The days the per-day series cover (previous period start to period end).
  public var seriesDays: ClosedRange<Day>

  /// Sums `cube` by `dimensions` for the cells that match `filters`, in one pass.
  ///
  /// Rows whose cost is zero in both periods are left out (they were not there).
  public init(
    cube: Cube, by dimensions: [Dimension], filters: [DimensionFilter], period: Period, basis: CostBasis
  ) {
    let first = min(period.previous.lowerBound, period.days.lowerBound)
    let last = period.days.upperBound
    seriesDays = first...last
    let dayCount = first.distance(to: last) + 1
    // One dictionary lookup per cell, keyed by the value itself (or the values joined by a
    // unit separator), so no array is built per cell.
    var groups: [String: Int] = [:]
    var rows: [BreakdownRow] = []
    // Labelled only when a usage type is grouped and the line item type is not (it would repeat).
    let usageIndex = dimensions.contains(.lineItemType) ? nil : dimensions.firstIndex(of: .usageType)
    var blankLabels: [Int: BlankUsageLabel] = [:]
    for row in cube.rows {
      let day = row.key.day
      guard day >= first, day <= last else { continue }
      guard filters.allSatisfy({ $0.matches(row.key) }) else { continue }
      let inPeriod = period.days.contains(day)
      let inPrevious = period.previous.contains(day)
      let groupKey =
        dimensions.count == 1
        ? dimensions[0].value(of: row.key)
        : dimensions.map { $0.value(of: row.key) }.joined(separator: "\u{1F}")
      let position: Int
      if let existing = groups[groupKey] {
        position = existing
      } else {
        position = rows.count
        groups[groupKey] = position
        let values = dimensions.map { $0.value(of: row.key) }
        rows.append(
          BreakdownRow(
            name: "", values: values, cost: .zero, previous: .zero,
            daily: Array(repeating: .zero, count: dayCount)))
      }
      if let usageIndex, rows[position].values[usageIndex].isEmpty {
        blankLabels[position, default: BlankUsageLabel()].add(
          row.key.lineItemType, inPeriod: inPeriod, inPrevious: inPrevious)
      }
      let cost = row.costs[basis]
      if inPeriod { rows[position].cost += cost }
      if inPrevious { rows[position].previous += cost }
      rows[position].daily[first.distance(to: day)] += cost
    }
    for position in rows.indices {
      if let label = blankLabels[position] { rows[position].blankLabel = label.text }
      let blank = rows[position].blankLabel
      rows[position].name = rows[position].values.enumerated().map { index, value in
        value.isEmpty ? (index == usageIndex ? blank : "(none)") : value
      }.joined(separator: " · ")
    }
    let kept = rows.filter { !$0.cost.isZero || !$0.previous.isZero }
    total = kept.reduce(.zero) { $0 + $1.cost }
    previousTotal = kept.reduce(.zero) { $0 + $1.previous }
    // Grouped by month or day, the previous period's months and days are not rows of this one
    // (they would read `2026-10  $0.00  -100%`); the totals still compare with them.
    self.rows = kept.filter { Breakdown.isInPeriod($0.values, dimensions, period) }
      .sorted { $0.cost != $1.cost ? $0.cost > $1.cost : $0.name < $1.name }
  }

  /// Whether a group's month or day (when grouped by one) overlaps the period; other groups always do.
  private static func isInPeriod(_ values: [String], _ dimensions: [Dimension], _ period: Period) -> Bool {
    for (value, dimension) in zip(values, dimensions) {
      switch dimension {
      case .month:
        guard let month = Month(iso: value) else { continue }
        if month.lastDay < period.days.lowerBound || month.firstDay > period.days.upperBound { return false }
      case .day:
        guard let day = Day(iso: value) else { continue }
        if !period.days.contains(day) { return false }
      default: continue
      }
    }
    return true
  }
}

/// A drill-down step: a dimension that must have a value (kept as a breadcrumb).
public struct DimensionFilter: Sendable, Equatable {
  /// The dimension.
  public var dimension: Dimension
  /// The value it must have.
  public var value: String
  /// How an empty `value` reads in a breadcrumb: for a usage type, the line item types of the cells
  /// it selects in the period shown (`(Tax)`, recomputed with the breakdown so that the breadcrumb
  /// reads as the row it was drilled from), else `(none)`.
  public var blankLabel: String

  /// Creates a filter; `blankLabel` is what an empty value reads as.
  public init(_ dimension: Dimension, _ value: String, blankLabel: String = "(none)") {
    self.dimension = dimension
    self.value = value
    self.blankLabel = blankLabel
  }

  /// Whether a key passes.
  public func matches(_ key: CubeKey) -> Bool { dimension.value(of: key) == value }
}

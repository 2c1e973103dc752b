import SpendModel

/// The identity of a leaf usage series: account × service × usage type × region.
struct LeafKey: Hashable, Sendable {
  var account: String
  var service: String
  var usageType: String
  var region: String
}

/// A leaf usage series, daily and dense over the data's days, with the cube rows behind it.
struct LeafSeries: Sendable {
  var key: LeafKey
  /// Cost per day on the detection basis (statistics only; sums come from `rows`).
  var values: [Double]
  /// Indices into the cube's rows that make up the series.
  var rows: [Int]
}

/// The cube cut into leaf usage series and calendar charges, up to an as-of day.
struct SpendSeriesSet: Sendable {
  /// First day of the data.
  var firstDay: Day
  /// Last day of the data (or the as-of day).
  var lastDay: Day
  /// Usage leaves, in a stable order.
  var leaves: [LeafSeries]
  /// Indices of calendar-charge rows (fees, tax, credits, refunds, discounts).
  var calendarRows: [Int]
  /// Per day from `firstDay`: whether the data has no row at all that day (a gap, not $0); empty
  /// when every day has rows.
  var gapDays: [Bool]

  /// The number of days covered.
  var dayCount: Int { firstDay.distance(to: lastDay) + 1 }

  /// Whether the day at `offset` from `firstDay` is a gap in the data.
  func isGap(_ offset: Int) -> Bool { !gapDays.isEmpty && gapDays[offset] }

  /// The gaps as runs of days (never at either end: the first and last day have rows).
  var gaps: [ClosedRange<Day>] {
    var runs: [ClosedRange<Day>] = []
    var start: Int?
    for (offset, isGap) in gapDays.enumerated() {
      if isGap {
        start = start ?? offset
      } else if let first = start {
        runs.append(firstDay.advanced(by: first)...firstDay.advanced(by: offset - 1))
        start = nil
      }
    }
    return runs
  }

  /// Cuts a cube, keeping rows on or before `asOf`.
  init?(cube: Cube, basis: CostBasis, asOf: Day?) {
    var first: Day?
    var last: Day?
    for row in cube.rows where asOf.map({ row.key.day <= $0 }) ?? true {
      first = min(first ?? row.key.day, row.key.day)
      last = max(last ?? row.key.day, row.key.day)
    }
    guard let first, let last else { return nil }
    firstDay = first
    lastDay = last
    let days = first.distance(to: last) + 1
    var positions: [LeafKey: Int] = [:]
    leaves = []
    calendarRows = []
    var hasRows = [Bool](repeating: false, count: days)
    for (index, row) in cube.rows.enumerated() where row.key.day <= last {
      hasRows[first.distance(to: row.key.day)] = true
      guard !row.key.chargeKind.isCalendarCharge else {
        calendarRows.append(index)
        continue
      }
      let key = LeafKey(
        account: row.key.account, service: row.key.service, usageType: row.key.usageType,
        region: row.key.region)
      let position: Int
      if let existing = positions[key] {
        position = existing
      } else {
        position = leaves.count
        positions[key] = position
        leaves.append(LeafSeries(key: key, values: [Double](repeating: 0, count: days), rows: []))
      }
      leaves[position].values[first.distance(to: row.key.day)] += row.costs[basis].doubleValue
      leaves[position].rows.append(index)
    }
    gapDays = hasRows.contains(false) ? hasRows.map { !$0 } : []
    leaves.sort {
      ($0.key.service, $0.key.usageType, $0.key.account, $0.key.region)
        < ($1.key.service, $1.key.usageType, $1.key.account, $1.key.region)
    }
  }
}

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

  /// The number of days covered.
  var dayCount: Int { firstDay.distance(to: lastDay) + 1 }

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
    for (index, row) in cube.rows.enumerated() where row.key.day <= last {
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
    leaves.sort {
      ($0.key.service, $0.key.usageType, $0.key.account, $0.key.region)
        < ($1.key.service, $1.key.usageType, $1.key.account, $1.key.region)
    }
  }
}

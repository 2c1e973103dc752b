import SpendModel

/// One row of the `cell` table, ready to insert.
struct CellRecord {
  var period: Int64
  var day: Int32
  var series: Int64
  var costs: Costs

  /// Sums adjacent cells with the same key (cells sorted by key).
  static func summingEqualKeys(_ sorted: [CellRecord]) -> [CellRecord] {
    var result: [CellRecord] = []
    result.reserveCapacity(sorted.count)
    for cell in sorted {
      if let last = result.last, last.period == cell.period, last.day == cell.day, last.series == cell.series {
        result[result.count - 1].costs += cell.costs
      } else {
        result.append(cell)
      }
    }
    return result
  }
}

/// The grain of the `daily` table: a cell without operation, resource and tags.
struct DailyKey: Hashable, Comparable {
  var period: Int64
  var day: Int32
  var currency: Int64
  var service: Int64
  var account: Int64
  var usageType: Int64
  var region: Int64
  var lineItemType: Int64

  func hash(into hasher: inout Hasher) {
    var word = IDFold.seed
    for id in [period, Int64(day), currency, service, account, usageType, region, lineItemType] {
      word = IDFold.mix(word, id)
    }
    hasher.combine(word)
  }

  /// The key in primary-key order.
  var columns: [Int64] { [period, Int64(day), currency, service, account, usageType, region, lineItemType] }

  static func < (lhs: DailyKey, rhs: DailyKey) -> Bool {
    if lhs.period != rhs.period { return lhs.period < rhs.period }
    if lhs.day != rhs.day { return lhs.day < rhs.day }
    if lhs.currency != rhs.currency { return lhs.currency < rhs.currency }
    if lhs.service != rhs.service { return lhs.service < rhs.service }
    if lhs.account != rhs.account { return lhs.account < rhs.account }
    if lhs.usageType != rhs.usageType { return lhs.usageType < rhs.usageType }
    if lhs.region != rhs.region { return lhs.region < rhs.region }
    return lhs.lineItemType < rhs.lineItemType
  }
}

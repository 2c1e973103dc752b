import SpendModel

/// A stored series with its text, as `loadCube` rebuilds keys from it.
private struct SeriesText {
  var account: String
  var service: String
  var usageType: String
  var operation: String
  var region: String
  var resource: String
  var lineItemType: String
  var currency: String
  var tags: Tags
}

extension SpendStore {
  // MARK: - Cube

  /// The stored cube, or the part of it that passes `filter`: cell for cell what the imported
  /// files gave.
  ///
  /// The date range is applied in SQL; dimension filters on the rebuilt keys.
  public func loadCube(filter: CubeFilter = .all) throws(StoreError) -> Cube {
    let reader = try LabelReader(connection: connection)
    try reader.loadAllLabels()
    var series: [Int64: SeriesText] = [:]
    let seriesStatement = try connection.prepare(
      """
      SELECT id, account, service, usage_type, operation, region, resource, line_item_type, currency, tags
      FROM series
      """)
    while try seriesStatement.step() {
      let s = seriesStatement
      series[s.int64(at: 0)] = SeriesText(
        account: try reader.label(s.int64(at: 1)), service: try reader.label(s.int64(at: 2)),
        usageType: try reader.label(s.int64(at: 3)), operation: try reader.label(s.int64(at: 4)),
        region: try reader.label(s.int64(at: 5)), resource: try reader.label(s.int64(at: 6)),
        lineItemType: try reader.label(s.int64(at: 7)), currency: try reader.label(s.int64(at: 8)),
        tags: try reader.tags(s.text(at: 9)))
    }
    let range = DayRange(filter)
    let cells = try connection.prepare(
      """
      SELECT period, day, series, \(SpendStore.costColumns) FROM cell
      WHERE period IN (SELECT id FROM period WHERE first_day <= ?2 AND last_day >= ?1) AND day BETWEEN ?1 AND ?2
      """)
    try cells.bind(Int64(range.from), at: 1)
    try cells.bind(Int64(range.to), at: 2)
    var cube = Cube()
    while try cells.step() {
      let seriesID = cells.int64(at: 2)
      guard let text = series[seriesID] else { throw .corrupt("series \(seriesID) is missing") }
      let period = try reader.period(cells.int64(at: 0))
      let key = CubeKey(
        day: Day(ordinal: Int32(truncatingIfNeeded: cells.int64(at: 1))), billingPeriod: period.month,
        payerAccount: period.payer, account: text.account, service: text.service, usageType: text.usageType,
        operation: text.operation, region: text.region, resource: text.resource,
        lineItemType: text.lineItemType,
        currency: text.currency, tags: text.tags)
      guard filter.matches(key) else { continue }
      cube.add(SpendStore.readCosts(cells, from: 3), at: key)
    }
    return cube
  }

  /// The four bases from eight money columns starting at `first`.
  static func readCosts(_ statement: Statement, from first: Int32) -> Costs {
    func money(_ index: Int32) -> Money {
      StoredMoney.money(
        whole: statement.int64(at: first + index), fraction: statement.int64(at: first + index + 1))
    }
    return Costs(unblended: money(0), amortized: money(2), netUnblended: money(4), netAmortized: money(6))
  }

  // MARK: - Periods

  /// Every stored billing period, oldest month first.
  public func periods() throws(StoreError) -> [StoredPeriod] {
    let reader = try LabelReader(connection: connection)
    let statement = try connection.prepare(
      """
      SELECT period.id, first_day, last_day, cells, batch.id, batch.imported_at
      FROM period JOIN batch ON batch.id = period.batch
      """)
    var result: [StoredPeriod] = []
    while try statement.step() {
      let days: ClosedRange<Day>?
      if statement.isNull(at: 1) || statement.isNull(at: 2) {
        days = nil
      } else {
        let first = Day(ordinal: Int32(truncatingIfNeeded: statement.int64(at: 1)))
        let last = Day(ordinal: Int32(truncatingIfNeeded: statement.int64(at: 2)))
        days = first...max(first, last)
      }
      result.append(
        StoredPeriod(
          period: try reader.period(statement.int64(at: 0)), days: days, cells: Int(statement.int64(at: 3)),
          batch: statement.int64(at: 4), importedAt: statement.int64(at: 5)))
    }
    return result.sorted { $0.period < $1.period }
  }
}

/// A filter's date range as day ordinals, open ends made wide.
struct DayRange {
  var from: Int32
  var to: Int32

  init(_ filter: CubeFilter) {
    from = filter.from?.ordinal ?? Int32.min
    to = filter.to?.ordinal ?? Int32.max
  }
}

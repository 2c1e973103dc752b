import SpendModel
import Synchronization

/// Turns an import's chunks of cells into store rows with every id assigned, on any thread.
///
/// The readers of an import call `resolve` on their own threads as they hand chunks over, so the
/// writer's thread only binds and steps prepared statements. Ids are assigned under one lock (two
/// short critical sections a chunk: labels and periods, then tag sets and series); the tag texts,
/// the sort, the sums and the daily rollup are made outside it.
///
/// Made by `ImportWriter` inside its transaction; valid only for that import.
public final class ImportResolver: Sendable {
  private let ids: Mutex<StoreIDs>

  init(connection: Connection) throws(StoreError) {
    ids = Mutex(try StoreIDs(connection: connection))
  }

  // MARK: - Resolving

  /// The rows that store `cells`: new labels and series, the periods, the cells summed by key and
  /// their daily rollup, each sorted by primary key.
  ///
  /// - Throws: `StoreError.amountOutOfRange` when a summed amount does not fit the store.
  public func resolve(_ cells: CompactCube) throws(StoreError) -> ResolvedCells {
    var resolved = ResolvedCells()
    resolved.received = cells.count
    let periodKeys = Self.periodKeys(of: cells)
    // Labels and periods (the payers' labels first).
    var periodIDs: [UInt64: Int64] = [:]
    let labels = ids.withLock { ids in
      let labels = cells.labels.map { ids.label($0, created: &resolved.labels) }
      for key in periodKeys {
        let payer = labels[Int(key >> 32)]
        let month = Month(index: Int32(truncatingIfNeeded: key))
        let (id, stored) = ids.period(payer: payer, month: month)
        periodIDs[key] = id
        resolved.periods.append(
          PeriodRow(
            id: id, payer: payer, period: BillingPeriod(payer: cells.labels[Int(key >> 32)], month: month),
            stored: stored))
      }
      return labels
    }
    let tagKeys = cells.tagSets.map { set in
      var pairs: [Int64] = []
      pairs.reserveCapacity(set.count * 2)
      for pair in set {
        pairs.append(labels[Int(pair.key)])
        pairs.append(labels[Int(pair.value)])
      }
      return TagSetKey(pairs: pairs)
    }
    let seriesIDs = ids.withLock { ids in
      ids.reserve(tagSets: tagKeys.count)
      let tagSets = tagKeys.map { ids.tagSet($0) }
      return cells.keys.map { key in
        let series = Self.seriesIDs(key, labels: labels, tagSet: tagSets[Int(key.tags)])
        return ids.series(series, created: &resolved.series)
      }
    }
    try Self.rows(of: cells, series: seriesIDs, labels: labels, periods: periodIDs, into: &resolved)
    return resolved
  }

  /// The rows that declare `periods` (replaced or added even with no cell in them).
  func resolve(periods: [BillingPeriod]) -> ResolvedCells {
    var resolved = ResolvedCells()
    ids.withLock { ids in
      for period in periods {
        let payer = ids.label(period.payer, created: &resolved.labels)
        let (id, stored) = ids.period(payer: payer, month: period.month)
        resolved.periods.append(PeriodRow(id: id, payer: payer, period: period, stored: stored))
      }
    }
    return resolved
  }

  // MARK: - Rows (outside the lock)

  /// The distinct (payer index, period) pairs of the cells, as `payer << 32 | period`, in order met.
  private static func periodKeys(of cells: CompactCube) -> [UInt64] {
    var seen: Set<UInt64> = []
    var keys: [UInt64] = []
    for key in cells.keys {
      let packed = UInt64(key.payer) << 32 | UInt64(UInt32(bitPattern: key.period))
      if seen.insert(packed).inserted { keys.append(packed) }
    }
    return keys
  }

  private static func seriesIDs(_ key: CompactCube.Key, labels: [Int64], tagSet: Int64) -> SeriesIDs {
    SeriesIDs(
      account: labels[Int(key.account)], service: labels[Int(key.service)],
      usageType: labels[Int(key.usageType)], operation: labels[Int(key.operation)],
      region: labels[Int(key.region)], resource: labels[Int(key.resource)],
      lineItemType: labels[Int(key.lineItemType)], currency: labels[Int(key.currency)], tagSet: tagSet)
  }

  /// The cells summed by (period, day, series) and by the daily grain, sorted by key.
  private static func rows(
    of cells: CompactCube, series: [Int64], labels: [Int64], periods: [UInt64: Int64],
    into resolved: inout ResolvedCells
  ) throws(StoreError) {
    var keyed: [(period: Int64, day: Int32, series: Int64, index: Int)] = []
    keyed.reserveCapacity(cells.count)
    var daily: [DailyKey: Costs] = [:]
    daily.reserveCapacity(cells.count / 4)
    var lastPeriod: (key: UInt64, id: Int64) = (.max, 0)
    for (index, key) in cells.keys.enumerated() {
      let periodKey = UInt64(key.payer) << 32 | UInt64(UInt32(bitPattern: key.period))
      if periodKey != lastPeriod.key { lastPeriod = (periodKey, periods[periodKey] ?? 0) }
      let period = lastPeriod.id
      keyed.append((period, key.day, series[index], index))
      let dailyKey = DailyKey(
        period: period, day: key.day, currency: labels[Int(key.currency)], service: labels[Int(key.service)],
        account: labels[Int(key.account)], usageType: labels[Int(key.usageType)],
        region: labels[Int(key.region)], lineItemType: labels[Int(key.lineItemType)])
      daily[dailyKey, default: .zero] += cells.costs[index]
    }
    // Inserting in primary-key order appends to the B-trees instead of splitting pages.
    keyed.sort { ($0.period, $0.day, $0.series) < ($1.period, $1.day, $1.series) }
    resolved.cells.reserveCapacity(keyed.count)
    var position = 0
    while position < keyed.count {
      let first = keyed[position]
      var costs = cells.costs[first.index]
      position += 1
      while position < keyed.count, keyed[position].period == first.period, keyed[position].day == first.day,
        keyed[position].series == first.series
      {
        costs += cells.costs[keyed[position].index]
        position += 1
      }
      resolved.cells.append(
        CellRow(period: first.period, day: first.day, series: first.series, costs: try StoredCosts(costs)))
    }
    resolved.daily.reserveCapacity(daily.count)
    for (key, costs) in daily.sorted(by: { $0.key < $1.key }) {
      resolved.daily.append(DailyRow(key: key, costs: try StoredCosts(costs)))
    }
  }
}

import SpendModel

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

/// One row of the `cell` table, ready to insert.
private struct CellRecord {
  var period: Int64
  var day: Int32
  var series: Int64
  var costs: Costs
}

extension SpendStore {
  /// The money columns of `cell` and `daily`, in table order.
  static let costColumns = """
    unblended_whole, unblended_fraction, amortized_whole, amortized_fraction, \
    net_unblended_whole, net_unblended_fraction, net_amortized_whole, net_amortized_fraction
    """

  // MARK: - Import

  /// Stores a batch in one transaction: each of its billing periods replaces the stored one
  /// (or is added), and its files join the import registry.
  ///
  /// Either all of the batch is stored or, when anything fails, none of it: the store is left
  /// exactly as it was. Readers see the old store until the commit.
  ///
  /// - Parameters:
  ///   - batch: the merged cube of every file and their records.
  ///   - progress: told where the write is (called on the caller's task).
  /// - Returns: which periods were replaced and which added.
  /// - Throws: `StoreError`; the store is unchanged.
  @discardableResult
  public func importBatch(
    _ batch: ImportBatch, progress: (StoreProgress) -> Void = { _ in }
  ) throws(StoreError) -> ImportOutcome {
    let periods = batch.periods
    let outcome = try connection.transaction { () throws(StoreError) -> ImportOutcome in
      try connection.run("INSERT INTO batch (imported_at) VALUES (?)", [.integer(clock.now())])
      let batchID = connection.lastInsertRowID
      let interner = try Interner(connection: connection)
      var replaced: [BillingPeriod] = []
      var added: [BillingPeriod] = []
      var periodIDs: [BillingPeriod: Int64] = [:]
      for period in periods {
        let (id, existed) = try clearPeriod(period, batch: batchID, interner: interner)
        periodIDs[period] = id
        if existed { replaced.append(period) } else { added.append(period) }
      }
      var cells: [CellRecord] = []
      cells.reserveCapacity(batch.cellCount)
      var daily: [DailyKey: Costs] = [:]
      for part in batch.parts {
        // Each distinct label and tag set of a part is interned once, not once per cell.
        var labelIDs: [Int64] = []
        labelIDs.reserveCapacity(part.labels.count)
        for text in part.labels { labelIDs.append(try interner.label(text)) }
        var tagSetIDs: [Int64] = []
        tagSetIDs.reserveCapacity(part.tagSets.count)
        for tags in part.tagSets { tagSetIDs.append(try interner.tagSet(tags)) }
        var partPeriods: [CompactCells.PeriodKey: Int64] = [:]
        for (key, costs) in zip(part.keys, part.costs) {
          let periodKey = CompactCells.PeriodKey(payer: key.payer, month: key.month)
          let periodID: Int64
          if let known = partPeriods[periodKey] {
            periodID = known
          } else if let found = periodIDs[BillingPeriod(payer: part.labels[Int(key.payer)], month: key.month)] {
            partPeriods[periodKey] = found
            periodID = found
          } else {
            continue
          }
          let ids = SeriesIDs(
            account: labelIDs[Int(key.account)], service: labelIDs[Int(key.service)],
            usageType: labelIDs[Int(key.usageType)], operation: labelIDs[Int(key.operation)],
            region: labelIDs[Int(key.region)], resource: labelIDs[Int(key.resource)],
            lineItemType: labelIDs[Int(key.lineItemType)], currency: labelIDs[Int(key.currency)],
            tagSet: tagSetIDs[Int(key.tags)])
          let series = try interner.series(ids)
          let day = key.day.ordinal
          cells.append(CellRecord(period: periodID, day: day, series: series, costs: costs))
          let dailyKey = DailyKey(
            period: periodID, day: day, currency: ids.currency, service: ids.service, account: ids.account,
            usageType: ids.usageType, region: ids.region, lineItemType: ids.lineItemType)
          daily[dailyKey, default: .zero] += costs
        }
      }
      // Inserting in primary-key order appends to the B-trees instead of splitting pages.
      cells.sort { ($0.period, $0.day, $0.series) < ($1.period, $1.day, $1.series) }
      cells = SpendStore.summingEqualKeys(cells)
      progress(.began(cells: cells.count))
      try writeCells(cells, progress: progress)
      try writeDaily(daily)
      try updatePeriodStatistics(Array(periodIDs.values))
      for file in batch.files { try register(file, batch: batchID) }
      progress(.committing)
      return ImportOutcome(batch: batchID, replaced: replaced, added: added, cellsWritten: cells.count)
    }
    progress(.committed)
    return outcome
  }

  // MARK: - Writing

  /// Sums adjacent cells with the same key (the same cell read from two files of a batch).
  private static func summingEqualKeys(_ sorted: [CellRecord]) -> [CellRecord] {
    var result: [CellRecord] = []
    result.reserveCapacity(sorted.count)
    for cell in sorted {
      if let last = result.last, last.period == cell.period, last.day == cell.day, last.series == cell.series
      {
        result[result.count - 1].costs += cell.costs
      } else {
        result.append(cell)
      }
    }
    return result
  }

  /// Makes `period` empty and owned by `batch`; returns its id and whether it was stored before.
  private func clearPeriod(
    _ period: BillingPeriod, batch: Int64, interner: Interner
  ) throws(StoreError) -> (id: Int64, existed: Bool) {
    let payer = try interner.label(period.payer)
    let month = SQLValue.text(period.month.description)
    let rows = try connection.query(
      "SELECT id FROM period WHERE payer = ? AND month = ?", [.integer(payer), month])
    if let id = rows.first?.first?.integer {
      try connection.run("DELETE FROM cell WHERE period = ?", [.integer(id)])
      try connection.run("DELETE FROM daily WHERE period = ?", [.integer(id)])
      try connection.run("UPDATE period SET batch = ? WHERE id = ?", [.integer(batch), .integer(id)])
      return (id, true)
    }
    try connection.run(
      "INSERT INTO period (payer, month, cells, batch) VALUES (?, ?, 0, ?)",
      [.integer(payer), month, .integer(batch)])
    return (connection.lastInsertRowID, false)
  }

  private func writeCells(_ cells: [CellRecord], progress: (StoreProgress) -> Void) throws(StoreError) {
    let insert = try connection.prepare(
      "INSERT INTO cell (period, day, series, \(SpendStore.costColumns)) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    let reportEvery = 16_384
    for (index, cell) in cells.enumerated() {
      try insert.bind(cell.period, at: 1)
      try insert.bind(Int64(cell.day), at: 2)
      try insert.bind(cell.series, at: 3)
      try bindCosts(cell.costs, to: insert, from: 4)
      try insert.runAndReset()
      if (index + 1) % reportEvery == 0 { progress(.writing(written: index + 1, total: cells.count)) }
    }
    progress(.writing(written: cells.count, total: cells.count))
  }

  private func writeDaily(_ daily: [DailyKey: Costs]) throws(StoreError) {
    let insert = try connection.prepare(
      """
      INSERT INTO daily (period, day, currency, service, account, usage_type, region, line_item_type, \
      \(SpendStore.costColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for (key, costs) in daily.sorted(by: { $0.key < $1.key }) {
      for (offset, id) in key.columns.enumerated() { try insert.bind(id, at: Int32(offset + 1)) }
      try bindCosts(costs, to: insert, from: 9)
      try insert.runAndReset()
    }
  }

  private func bindCosts(_ costs: Costs, to statement: Statement, from first: Int32) throws(StoreError) {
    var index = first
    for money in [costs.unblended, costs.amortized, costs.netUnblended, costs.netAmortized] {
      let stored = try StoredMoney(money)
      try statement.bind(stored.whole, at: index)
      try statement.bind(stored.fraction, at: index + 1)
      index += 2
    }
  }

  private func updatePeriodStatistics(_ ids: [Int64]) throws(StoreError) {
    let update = try connection.prepare(
      """
      UPDATE period SET
        first_day = (SELECT min(day) FROM cell WHERE period = ?1),
        last_day = (SELECT max(day) FROM cell WHERE period = ?1),
        cells = (SELECT count(*) FROM cell WHERE period = ?1)
      WHERE id = ?1
      """)
    for id in ids {
      try update.bind(id, at: 1)
      try update.runAndReset()
    }
  }

  private func register(_ file: ImportedFile, batch: Int64) throws(StoreError) {
    try connection.run(
      """
      INSERT INTO imported_file (batch, path, size, sha256, format, rows_read, rows_skipped)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(batch), .text(file.path), .integer(file.size), .text(file.sha256), .text(file.format),
        .integer(Int64(file.rowsRead)), .integer(Int64(file.rowsSkipped)),
      ])
    let fileID = connection.lastInsertRowID
    for (position, period) in file.billingPeriods.enumerated() {
      try connection.run(
        "INSERT INTO imported_file_period (file, position, payer, month) VALUES (?, ?, ?, ?)",
        [.integer(fileID), .integer(Int64(position)), .text(period.payer), .text(period.month.description)])
    }
    for (position, total) in file.totals.enumerated() {
      let stored = try StoredMoney(total.cost)
      try connection.run(
        """
        INSERT INTO imported_file_total (file, position, line_item_type, currency, whole, fraction)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        [
          .integer(fileID), .integer(Int64(position)), .text(total.lineItemType), .text(total.currency),
          .integer(stored.whole), .integer(stored.fraction),
        ])
    }
  }
}

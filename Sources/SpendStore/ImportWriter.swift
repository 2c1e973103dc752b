import SpendModel

/// Writes the parts of one import into its open transaction, one file's cells at a time.
///
/// Made by `SpendStore.importStreaming`, valid only inside its `produce` closure. Each part's
/// billing periods are emptied the first time the batch meets them (replacement), its labels, tag
/// sets and series are found or created once each, and its cells are inserted in key order.
public final class ImportWriter {
  private let connection: Connection
  private let batch: Int64
  private let interner: Interner
  private let progress: (StoreProgress) -> Void
  private let insertCell: Statement
  private let addToCell: Statement
  private let insertDaily: Statement
  private let addToDaily: Statement
  /// The batch's periods and their ids, in the order met.
  private var periodIDs: [BillingPeriod: Int64] = [:]
  private var replaced: [BillingPeriod] = []
  private var added: [BillingPeriod] = []
  private var cellsReceived = 0
  private var cellsWritten = 0
  private static let reportEvery = 16_384

  init(connection: Connection, batch: Int64, progress: @escaping (StoreProgress) -> Void) throws(StoreError) {
    self.connection = connection
    self.batch = batch
    self.progress = progress
    interner = try Interner(connection: connection)
    let cellColumns = "period, day, series, \(SpendStore.costColumns)"
    let dailyColumns =
      "period, day, currency, service, account, usage_type, region, line_item_type, \(SpendStore.costColumns)"
    insertCell = try connection.prepare(
      "INSERT INTO cell (\(cellColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    addToCell = try connection.prepare(
      "INSERT INTO cell (\(cellColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (period, day, series) DO UPDATE SET \(ImportWriter.sums)")
    insertDaily = try connection.prepare(
      "INSERT INTO daily (\(dailyColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    addToDaily = try connection.prepare(
      "INSERT INTO daily (\(dailyColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (period, day, currency, service, account, usage_type, region, line_item_type) "
        + "DO UPDATE SET \(ImportWriter.sums)")
  }

  /// `x = x + excluded.x` for every money column: whole and fraction parts add separately (a sum's
  /// fraction may exceed 10¹⁰; readers recombine `whole × 10¹⁰ + fraction`).
  private static let sums = SpendStore.costColumns.split(separator: ",")
    .map { $0.trimmingPrefix(" ") }
    .map { "\($0) = \($0) + excluded.\($0)" }
    .joined(separator: ", ")

  // MARK: - Writing parts

  /// Replaces (or adds) `periods` even if no cell of the batch falls in them.
  ///
  /// - Throws: `StoreError`; the caller rolls the transaction back.
  public func declare(_ periods: [BillingPeriod]) throws(StoreError) {
    for period in periods { _ = try periodID(period) }
  }

  /// Writes one file's cells into the transaction, summed with equal cells of earlier parts.
  ///
  /// - Throws: `StoreError` (an amount beyond the store's range, SQLite); the caller rolls the
  ///   transaction back.
  public func add(_ cells: CompactCube) throws(StoreError) {
    // Periods first met in this part were just emptied: nothing to sum with, plain inserts.
    var fresh: Set<Int64> = []
    var periods: [UInt64: Int64] = [:]
    var labels = [Int64](repeating: -1, count: cells.labels.count)
    var tagSets = [Int64](repeating: -1, count: cells.tagSets.count)
    var records: [CellRecord] = []
    records.reserveCapacity(cells.count)
    var daily: [DailyKey: Costs] = [:]
    cellsReceived += cells.count
    for (key, costs) in zip(cells.keys, cells.costs) {
      let periodKey = UInt64(key.payer) << 32 | UInt64(UInt32(bitPattern: key.period))
      let period: Int64
      if let known = periods[periodKey] {
        period = known
      } else {
        let billingPeriod = BillingPeriod(payer: cells.labels[Int(key.payer)], month: key.month)
        let isNew = periodIDs[billingPeriod] == nil
        period = try periodID(billingPeriod)
        if isNew { fresh.insert(period) }
        periods[periodKey] = period
      }
      func label(_ index: UInt32) throws(StoreError) -> Int64 {
        let known = labels[Int(index)]
        if known >= 0 { return known }
        let id = try interner.label(cells.labels[Int(index)])
        labels[Int(index)] = id
        return id
      }
      var tagSet = tagSets[Int(key.tags)]
      if tagSet < 0 {
        var pairs: [Int64] = []
        for pair in cells.tagSets[Int(key.tags)] {
          pairs.append(try label(pair.key))
          pairs.append(try label(pair.value))
        }
        tagSet = interner.tagSet(pairs)
        tagSets[Int(key.tags)] = tagSet
      }
      let ids = SeriesIDs(
        account: try label(key.account), service: try label(key.service), usageType: try label(key.usageType),
        operation: try label(key.operation), region: try label(key.region), resource: try label(key.resource),
        lineItemType: try label(key.lineItemType), currency: try label(key.currency), tagSet: tagSet)
      let series = try interner.series(ids)
      records.append(CellRecord(period: period, day: key.day, series: series, costs: costs))
      let dailyKey = DailyKey(
        period: period, day: key.day, currency: ids.currency, service: ids.service, account: ids.account,
        usageType: ids.usageType, region: ids.region, lineItemType: ids.lineItemType)
      daily[dailyKey, default: .zero] += costs
    }
    // Inserting in primary-key order appends to the B-trees instead of splitting pages.
    records.sort { ($0.period, $0.day, $0.series) < ($1.period, $1.day, $1.series) }
    try writeCells(CellRecord.summingEqualKeys(records), fresh: fresh)
    try writeDaily(daily, fresh: fresh)
  }

  /// Records period statistics and the files; returns what the batch did.
  func finish(registering files: [ImportedFile]) throws(StoreError) -> ImportOutcome {
    try declare(files.flatMap(\.billingPeriods))
    progress(.writing(written: cellsWritten, total: cellsReceived))
    try updatePeriodStatistics(Array(periodIDs.values))
    for file in files { try register(file) }
    // Distinct cells now stored for the batch's periods (equal cells of several parts are one).
    let stored = try connection.query("SELECT coalesce(sum(cells), 0) FROM period WHERE batch = ?", [.integer(batch)])
    let cells = Int(stored.first?.first?.integer ?? 0)
    return ImportOutcome(batch: batch, replaced: replaced.sorted(), added: added.sorted(), cellsWritten: cells)
  }

  // MARK: - Periods

  /// The id of `period`, emptied and owned by this batch the first time the batch meets it.
  private func periodID(_ period: BillingPeriod) throws(StoreError) -> Int64 {
    if let id = periodIDs[period] { return id }
    let payer = try interner.label(period.payer)
    let month = SQLValue.text(period.month.description)
    let rows = try connection.query(
      "SELECT id FROM period WHERE payer = ? AND month = ?", [.integer(payer), month])
    let id: Int64
    if let stored = rows.first?.first?.integer {
      try connection.run("DELETE FROM cell WHERE period = ?", [.integer(stored)])
      try connection.run("DELETE FROM daily WHERE period = ?", [.integer(stored)])
      try connection.run("UPDATE period SET batch = ? WHERE id = ?", [.integer(batch), .integer(stored)])
      id = stored
      replaced.append(period)
    } else {
      try connection.run(
        "INSERT INTO period (payer, month, cells, batch) VALUES (?, ?, 0, ?)",
        [.integer(payer), month, .integer(batch)])
      id = connection.lastInsertRowID
      added.append(period)
    }
    periodIDs[period] = id
    return id
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
    for id in ids.sorted() {
      try update.bind(id, at: 1)
      try update.runAndReset()
    }
  }

  // MARK: - Rows

  private func writeCells(_ cells: [CellRecord], fresh: Set<Int64>) throws(StoreError) {
    for cell in cells {
      let insert = fresh.contains(cell.period) ? insertCell : addToCell
      try insert.bind(cell.period, at: 1)
      try insert.bind(Int64(cell.day), at: 2)
      try insert.bind(cell.series, at: 3)
      try bindCosts(cell.costs, to: insert, from: 4)
      try insert.runAndReset()
      cellsWritten += 1
      if cellsWritten % ImportWriter.reportEvery == 0 {
        progress(.writing(written: cellsWritten, total: cellsReceived))
      }
    }
  }

  private func writeDaily(_ daily: [DailyKey: Costs], fresh: Set<Int64>) throws(StoreError) {
    for (key, costs) in daily.sorted(by: { $0.key < $1.key }) {
      let insert = fresh.contains(key.period) ? insertDaily : addToDaily
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

  // MARK: - Registry

  private func register(_ file: ImportedFile) throws(StoreError) {
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

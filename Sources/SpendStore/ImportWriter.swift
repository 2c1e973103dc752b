import SpendModel

/// Writes the parts of one import into its open transaction, one chunk of cells at a time.
///
/// Made by `SpendStore.importStreaming`, valid only inside its `produce` closure. Its `resolver`
/// assigns every id in Swift (on the readers' threads, or here for `add(_: CompactCube)`), so
/// writing a chunk only binds and steps prepared statements. Each part's billing periods are
/// emptied the first time the batch meets them (replacement), and its cells are inserted in key
/// order.
public final class ImportWriter {
  /// Assigns the store ids of this import's chunks; use it from any thread, hand what it resolves
  /// to `add(_:)`.
  public let resolver: ImportResolver
  private let connection: Connection
  private let batch: Int64
  private let progress: (StoreProgress) -> Void
  private let insertLabel: Statement
  private let insertSeries: Statement
  private let insertCell: Statement
  private let addToCell: Statement
  private let insertDaily: Statement
  private let addToDaily: Statement
  /// The batch's periods by id, met so far.
  private var periodsMet: [Int64: BillingPeriod] = [:]
  private var replaced: [BillingPeriod] = []
  private var added: [BillingPeriod] = []
  private var cellsReceived = 0
  private var cellsWritten = 0
  private static let reportEvery = 16_384

  init(connection: Connection, batch: Int64, progress: @escaping (StoreProgress) -> Void) throws(StoreError) {
    self.connection = connection
    self.batch = batch
    self.progress = progress
    resolver = try ImportResolver(connection: connection)
    insertLabel = try connection.prepare("INSERT INTO label (id, text) VALUES (?, ?)")
    insertSeries = try connection.prepare(
      """
      INSERT INTO series (id, account, service, usage_type, operation, region, resource, line_item_type, \
      currency, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
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
    try add(resolver.resolve(periods: periods))
  }

  /// Writes one part's cells into the transaction, summed with equal cells of earlier parts.
  ///
  /// - Throws: `StoreError` (an amount beyond the store's range, SQLite); the caller rolls the
  ///   transaction back.
  public func add(_ cells: CompactCube) throws(StoreError) {
    try add(resolver.resolve(cells))
  }

  /// Writes a chunk resolved by this writer's `resolver` (on any thread) into the transaction.
  ///
  /// - Throws: `StoreError` (SQLite); the caller rolls the transaction back.
  public func add(_ chunk: ResolvedCells) throws(StoreError) {
    cellsReceived += chunk.received
    for label in chunk.labels {
      try insertLabel.bind(label.id, at: 1)
      try insertLabel.bind(label.text, at: 2)
      try insertLabel.runAndReset()
    }
    for series in chunk.series { try write(series) }
    // Periods first met in this chunk were just emptied: nothing to sum with, plain inserts.
    var fresh: Set<Int64> = []
    for period in chunk.periods where try meet(period) { fresh.insert(period.id) }
    try writeCells(chunk.cells, fresh: fresh)
    try writeDaily(chunk.daily, fresh: fresh)
  }

  /// Records period statistics and the files; returns what the batch did.
  func finish(registering files: [ImportedFile]) throws(StoreError) -> ImportOutcome {
    try declare(files.flatMap(\.billingPeriods))
    progress(.writing(written: cellsWritten, total: cellsReceived))
    try updatePeriodStatistics(Array(periodsMet.keys))
    for file in files { try register(file) }
    // Distinct cells now stored for the batch's periods (equal cells of several parts are one).
    let stored = try connection.query("SELECT coalesce(sum(cells), 0) FROM period WHERE batch = ?", [.integer(batch)])
    let cells = Int(stored.first?.first?.integer ?? 0)
    return ImportOutcome(batch: batch, replaced: replaced.sorted(), added: added.sorted(), cellsWritten: cells)
  }

  // MARK: - Periods

  /// Empties (or creates) `period` and gives it to this batch the first time the batch meets it;
  /// true then.
  private func meet(_ period: PeriodRow) throws(StoreError) -> Bool {
    guard periodsMet[period.id] == nil else { return false }
    if period.stored {
      try connection.run("DELETE FROM cell WHERE period = ?", [.integer(period.id)])
      try connection.run("DELETE FROM daily WHERE period = ?", [.integer(period.id)])
      try connection.run("UPDATE period SET batch = ? WHERE id = ?", [.integer(batch), .integer(period.id)])
      replaced.append(period.period)
    } else {
      try connection.run(
        "INSERT INTO period (id, payer, month, cells, batch) VALUES (?, ?, ?, 0, ?)",
        [
          .integer(period.id), .integer(period.payer), .text(period.period.month.description),
          .integer(batch),
        ])
      added.append(period.period)
    }
    periodsMet[period.id] = period.period
    return true
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

  private func write(_ series: SeriesRow) throws(StoreError) {
    let ids = series.ids
    try insertSeries.bind(series.id, at: 1)
    try insertSeries.bind(ids.account, at: 2)
    try insertSeries.bind(ids.service, at: 3)
    try insertSeries.bind(ids.usageType, at: 4)
    try insertSeries.bind(ids.operation, at: 5)
    try insertSeries.bind(ids.region, at: 6)
    try insertSeries.bind(ids.resource, at: 7)
    try insertSeries.bind(ids.lineItemType, at: 8)
    try insertSeries.bind(ids.currency, at: 9)
    try insertSeries.bind(series.tags, at: 10)
    try insertSeries.runAndReset()
  }

  private func writeCells(_ cells: [CellRow], fresh: Set<Int64>) throws(StoreError) {
    for cell in cells {
      let insert = fresh.contains(cell.period) ? insertCell : addToCell
      try insert.bind(cell.period, at: 1)
      try insert.bind(Int64(cell.day), at: 2)
      try insert.bind(cell.series, at: 3)
      try bind(cell.costs, to: insert, from: 4)
      try insert.runAndReset()
      cellsWritten += 1
      if cellsWritten % ImportWriter.reportEvery == 0 {
        progress(.writing(written: cellsWritten, total: cellsReceived))
      }
    }
  }

  private func writeDaily(_ rows: [DailyRow], fresh: Set<Int64>) throws(StoreError) {
    for row in rows {
      let key = row.key
      let insert = fresh.contains(key.period) ? insertDaily : addToDaily
      try insert.bind(key.period, at: 1)
      try insert.bind(Int64(key.day), at: 2)
      try insert.bind(key.currency, at: 3)
      try insert.bind(key.service, at: 4)
      try insert.bind(key.account, at: 5)
      try insert.bind(key.usageType, at: 6)
      try insert.bind(key.region, at: 7)
      try insert.bind(key.lineItemType, at: 8)
      try bind(row.costs, to: insert, from: 9)
      try insert.runAndReset()
    }
  }

  private func bind(_ costs: StoredCosts, to statement: Statement, from first: Int32) throws(StoreError) {
    try statement.bind(costs.unblended.whole, at: first)
    try statement.bind(costs.unblended.fraction, at: first + 1)
    try statement.bind(costs.amortized.whole, at: first + 2)
    try statement.bind(costs.amortized.fraction, at: first + 3)
    try statement.bind(costs.netUnblended.whole, at: first + 4)
    try statement.bind(costs.netUnblended.fraction, at: first + 5)
    try statement.bind(costs.netAmortized.whole, at: first + 6)
    try statement.bind(costs.netAmortized.fraction, at: first + 7)
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

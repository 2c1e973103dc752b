import SpendModel

extension SpendStore {
  // MARK: - Registry

  /// Every file ever imported, oldest first, with where its billing periods stand today.
  public func listImports() throws(StoreError) -> [ImportRecord] {
    let current = try currentBatches()
    let files = try connection.prepare(
      """
      SELECT imported_file.id, batch.id, batch.imported_at, path, size, sha256, format, rows_read, rows_skipped
      FROM imported_file JOIN batch ON batch.id = imported_file.batch
      ORDER BY imported_file.id
      """)
    let periods = try connection.prepare(
      "SELECT payer, month FROM imported_file_period WHERE file = ? ORDER BY position")
    let totals = try connection.prepare(
      "SELECT line_item_type, currency, whole, fraction FROM imported_file_total "
        + "WHERE file = ? ORDER BY position"
    )
    var records: [ImportRecord] = []
    while try files.step() {
      let id = files.int64(at: 0)
      let batch = files.int64(at: 1)
      var billingPeriods: [BillingPeriod] = []
      try periods.bind(id, at: 1)
      while try periods.step() {
        let monthText = periods.text(at: 1)
        guard let month = Month(iso: monthText) else {
          throw .corrupt("import \(id) has month '\(monthText)'")
        }
        billingPeriods.append(BillingPeriod(payer: periods.text(at: 0), month: month))
      }
      periods.reset()
      var lineTotals: [LineItemTotal] = []
      try totals.bind(id, at: 1)
      while try totals.step() {
        lineTotals.append(
          LineItemTotal(
            lineItemType: totals.text(at: 0), currency: totals.text(at: 1),
            cost: StoredMoney.money(whole: totals.int64(at: 2), fraction: totals.int64(at: 3))))
      }
      totals.reset()
      let file = ImportedFile(
        path: files.text(at: 3), size: files.int64(at: 4), sha256: files.text(at: 5),
        format: files.text(at: 6),
        billingPeriods: billingPeriods, rowsRead: Int(files.int64(at: 7)),
        rowsSkipped: Int(files.int64(at: 8)),
        totals: lineTotals)
      let status = billingPeriods.map { period -> ImportRecord.PeriodStatus in
        guard let owner = current[period] else { return .forgotten }
        return owner == batch ? .stored : .replaced
      }
      records.append(
        ImportRecord(id: id, batch: batch, importedAt: files.int64(at: 2), file: file, periodStatus: status))
    }
    return records
  }

  /// Which batch holds each stored period.
  private func currentBatches() throws(StoreError) -> [BillingPeriod: Int64] {
    var owners: [BillingPeriod: Int64] = [:]
    for stored in try periods() { owners[stored.period] = stored.batch }
    return owners
  }

  // MARK: - Forgetting

  /// Removes the billing periods `selector` names, in one transaction.
  ///
  /// The registry keeps the files that held them (their periods show as forgotten).
  ///
  /// - Returns: the periods removed, as they were stored.
  /// - Throws: `StoreError.unknownPeriod` when none is stored.
  @discardableResult
  public func forget(_ selector: PeriodSelector) throws(StoreError) -> [StoredPeriod] {
    try connection.transaction { () throws(StoreError) -> [StoredPeriod] in
      let removed = try periods().filter { selector.matches($0.period) }
      guard !removed.isEmpty else { throw .unknownPeriod(selector.description) }
      for stored in removed {
        let periodID =
          "(SELECT id FROM period WHERE month = ? AND payer = (SELECT id FROM label WHERE text = ?))"
        let values: [SQLValue] = [.text(stored.period.month.description), .text(stored.period.payer)]
        try connection.run("DELETE FROM cell WHERE period = \(periodID)", values)
        try connection.run("DELETE FROM daily WHERE period = \(periodID)", values)
        try connection.run("DELETE FROM period WHERE id = \(periodID)", values)
      }
      return removed
    }
  }
}

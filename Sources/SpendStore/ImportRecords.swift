import SpendModel

/// What one bill file contributed to an import, as the import registry keeps it.
public struct ImportedFile: Equatable, Sendable {
  /// The path as given (a manifest's part: the part's path).
  public var path: String
  /// The size in bytes.
  public var size: Int64
  /// SHA-256 of the file's bytes, lower-case hex.
  public var sha256: String
  /// The export format (`legacy CUR`, `FOCUS 1.0`, …), as the importer names it.
  public var format: String
  /// The billing periods the file holds.
  public var billingPeriods: [BillingPeriod]
  /// Data rows read.
  public var rowsRead: Int
  /// Rows skipped as unreadable (only with `--skip-bad-rows`).
  public var rowsSkipped: Int
  /// Unblended totals by line item type and currency.
  public var totals: [LineItemTotal]

  /// Creates a file record.
  public init(
    path: String, size: Int64, sha256: String, format: String, billingPeriods: [BillingPeriod],
    rowsRead: Int, rowsSkipped: Int, totals: [LineItemTotal]
  ) {
    self.path = path
    self.size = size
    self.sha256 = sha256
    self.format = format
    self.billingPeriods = billingPeriods
    self.rowsRead = rowsRead
    self.rowsSkipped = rowsSkipped
    self.totals = totals
  }
}

/// The unblended total of one line item type in one currency.
public struct LineItemTotal: Hashable, Sendable {
  /// The line item type (`Usage`, `Tax`, `Credit`, …).
  public var lineItemType: String
  /// The currency code.
  public var currency: String
  /// The summed unblended cost.
  public var cost: Money

  /// Creates a total.
  public init(lineItemType: String, currency: String, cost: Money) {
    self.lineItemType = lineItemType
    self.currency = currency
    self.cost = cost
  }
}

/// Everything one `spendtop import` stores at once: the cells of all its files and their records.
public struct ImportBatch: Sendable {
  /// The cells of the files in the batch (cells with equal keys in several parts are summed).
  public var parts: [CompactCube]
  /// One record per file read.
  public var files: [ImportedFile]

  /// Creates a batch from one merged cube.
  public init(cube: Cube, files: [ImportedFile]) {
    self.init(cubes: [cube], files: files)
  }

  /// Creates a batch from one cube per file, without merging them first.
  public init(cubes: [Cube], files: [ImportedFile]) {
    self.init(parts: cubes.map(CompactCube.init), files: files)
  }

  /// Creates a batch from one part per file.
  public init(parts: [CompactCube], files: [ImportedFile]) {
    self.parts = parts
    self.files = files
  }
}

/// What an import did to the store.
public struct ImportOutcome: Equatable, Sendable {
  /// The batch id the registry gave it.
  public var batch: Int64
  /// Periods that were stored before and were replaced.
  public var replaced: [BillingPeriod]
  /// Periods that were new.
  public var added: [BillingPeriod]
  /// Cube cells written.
  public var cellsWritten: Int
}

/// One entry of the import registry: a file, when it was imported, and where its periods stand.
public struct ImportRecord: Equatable, Sendable {
  /// The state of one of the file's billing periods in the store today.
  public enum PeriodStatus: String, Equatable, Sendable {
    /// The store holds this import's data for the period.
    case stored
    /// A later import replaced the period.
    case replaced
    /// The period was forgotten.
    case forgotten
  }

  /// The registry id.
  public var id: Int64
  /// The batch (one `spendtop import` run) it belonged to.
  public var batch: Int64
  /// When it was imported, seconds since 1970-01-01 UTC.
  public var importedAt: Int64
  /// The file as recorded.
  public var file: ImportedFile
  /// The status of each of the file's periods, in the order of `file.billingPeriods`.
  public var periodStatus: [PeriodStatus]
}

/// A billing period as stored now.
public struct StoredPeriod: Equatable, Sendable {
  /// The period.
  public var period: BillingPeriod
  /// The first and last day with a cell, or nil when the period holds no cells.
  public var days: ClosedRange<Day>?
  /// The number of cube cells.
  public var cells: Int
  /// The batch whose data it holds.
  public var batch: Int64
  /// When that batch was imported, seconds since 1970-01-01 UTC.
  public var importedAt: Int64
}

/// Where an import is while it writes to the store, for progress displays and tests.
public enum StoreProgress: Equatable, Sendable {
  /// The transaction is open (files are read and written into it as they come).
  case began
  /// `written` of the `total` cells received so far are inserted.
  case writing(written: Int, total: Int)
  /// Every row is written; the commit is next.
  case committing
  /// Committed: the store holds the batch.
  case committed
}

import SpendModel

/// The SQL engine a query is written for.
public enum SQLEngine: String, CaseIterable, Sendable {
  /// Amazon Athena (engine version 3, Trino-based): like Trino, plus partition pruning by default.
  case athena
  /// Trino (and Presto-compatible warehouses).
  case trino
  /// DuckDB, over a table or straight over CSV files.
  case duckdb

  /// Whether the engine speaks Trino SQL.
  var isTrinoFamily: Bool { self != .duckdb }
}

/// The billing export a table or files hold.
public enum SQLBillFormat: String, CaseIterable, Sendable {
  /// Legacy Cost and Usage Report: `category/Name` CSV headers or the Athena snake_case naming.
  case cur
  /// CUR 2.0 (AWS Data Exports), with the `product` and `resource_tags` map columns.
  case cur2
  /// FOCUS 1.x (AWS "FOCUS with AWS columns" or any provider's FOCUS export).
  case focus
}

/// Where the line items are read from.
public enum SQLSource: Sendable, Equatable {
  /// A table or view, possibly qualified (`cur_db.cur_table`).
  case table(String)
  /// CSV files (plain or gzip) matching a glob; DuckDB only.
  case files(String)
}

/// Everything the SQL depends on: engine, format, the columns that exist, grain and date range.
public struct CubeSQLRequest: Sendable {
  /// The engine whose dialect is written.
  public var engine: SQLEngine
  /// The export format of the source.
  public var format: SQLBillFormat
  /// The source table or files.
  public var source: SQLSource
  /// The source's column names as the table or header spells them.
  public var columns: [String]
  /// The dimensions kept; nil keeps the store's grain (every dimension, every tag).
  public var grain: Set<Dimension>?
  /// First usage day kept, inclusive.
  public var from: Day?
  /// Last usage day kept, inclusive.
  public var to: Day?

  /// Creates a request.
  public init(
    engine: SQLEngine, format: SQLBillFormat, source: SQLSource, columns: [String],
    grain: Set<Dimension>? = nil,
    from: Day? = nil, to: Day? = nil
  ) {
    self.engine = engine
    self.format = format
    self.source = source
    self.columns = columns
    self.grain = grain
    self.from = from
    self.to = to
  }
}

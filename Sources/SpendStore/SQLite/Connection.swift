import CSQLite

/// One open SQLite database: the only owner of a `sqlite3*` handle.
///
/// Not thread-safe (opened with `SQLITE_OPEN_NOMUTEX`): use a connection from one task at a time.
/// Every SQLite error surfaces as a thrown `StoreError.sqlite`; nothing here crashes on bad input.
final class Connection {
  /// How a connection may touch the file.
  enum Mode {
    /// Read and write, creating the file if it is missing.
    case readWriteCreate
    /// Read and write an existing file.
    case readWrite
    /// Read only; the file must exist.
    case readOnly

    var flags: Int32 {
      switch self {
      case .readWriteCreate: return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
      case .readWrite: return SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
      case .readOnly: return SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
      }
    }
  }

  private let handle: OpaquePointer

  /// Opens a database file (`":memory:"` for a private in-memory database).
  ///
  /// - Parameters:
  ///   - path: the file.
  ///   - mode: read-only, read-write, or read-write creating the file.
  ///   - busyTimeoutMilliseconds: how long a statement waits for another process's lock.
  /// - Throws: `SQLiteError` when the file cannot be opened.
  init(path: String, mode: Mode, busyTimeoutMilliseconds: Int32 = 10_000) throws(StoreError) {
    var pointer: OpaquePointer?
    let status = sqlite3_open_v2(path, &pointer, mode.flags | SQLITE_OPEN_EXRESCODE, nil)
    guard status == SQLITE_OK, let pointer else {
      let message =
        pointer.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
      sqlite3_close_v2(pointer)
      throw .sqlite(SQLiteError(code: status, message: "cannot open \(path): \(message)"))
    }
    handle = pointer
    sqlite3_extended_result_codes(handle, 1)
    sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
  }

  deinit {
    // close_v2 defers the close until every statement is finalized.
    sqlite3_close_v2(handle)
  }

  // MARK: - Running SQL

  /// Runs one or more semicolon-separated statements that return no rows.
  func execute(_ sql: String) throws(StoreError) {
    var errorMessage: UnsafeMutablePointer<CChar>?
    let status = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
    guard status == SQLITE_OK else {
      let message = errorMessage.map { String(cString: $0) } ?? currentMessage
      sqlite3_free(errorMessage)
      throw .sqlite(SQLiteError(code: sqlite3_extended_errcode(handle), message: message, sql: sql))
    }
  }

  /// Compiles one statement.
  func prepare(_ sql: String) throws(StoreError) -> Statement {
    var pointer: OpaquePointer?
    let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
    guard status == SQLITE_OK, let pointer else {
      throw .sqlite(SQLiteError(code: sqlite3_extended_errcode(handle), message: currentMessage, sql: sql))
    }
    return Statement(handle: pointer, connection: self, sql: sql)
  }

  /// Runs `sql` with `values` bound and returns every row, each as its column values.
  func query(_ sql: String, _ values: [SQLValue] = []) throws(StoreError) -> [[SQLValue]] {
    let statement = try prepare(sql)
    try statement.bind(values)
    var rows: [[SQLValue]] = []
    while try statement.step() { rows.append(statement.values()) }
    return rows
  }

  /// Runs a statement that returns no rows, with `values` bound.
  func run(_ sql: String, _ values: [SQLValue] = []) throws(StoreError) {
    let statement = try prepare(sql)
    try statement.bind(values)
    while try statement.step() {}
  }

  // MARK: - Transactions

  /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
  ///
  /// `IMMEDIATE` takes the write lock up front, so two writers never deadlock half-way.
  func transaction<Result>(_ body: () throws(StoreError) -> Result) throws(StoreError) -> Result {
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      if isInTransaction { try? execute("ROLLBACK") }
      throw error
    }
  }

  // MARK: - State

  /// `PRAGMA user_version`: the schema version this database was written with.
  func userVersion() throws(StoreError) -> Int {
    let rows = try query("PRAGMA user_version")
    return Int(rows.first?.first?.integer ?? 0)
  }

  /// The rowid of the last row inserted through this connection.
  var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// The number of rows the last statement changed.
  var changes: Int { Int(sqlite3_changes(handle)) }

  /// Whether a transaction is open.
  var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

  var currentMessage: String { String(cString: sqlite3_errmsg(handle)) }
  var currentCode: Int32 { sqlite3_extended_errcode(handle) }
}

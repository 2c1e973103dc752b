import CSQLite

/// A value SQLite stores or returns.
enum SQLValue: Equatable, Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  /// The integer, or nil for any other storage class.
  var integer: Int64? {
    if case .integer(let value) = self { return value }
    return nil
  }

  /// The text, or nil for any other storage class.
  var text: String? {
    if case .text(let value) = self { return value }
    return nil
  }
}

/// A compiled statement of one `Connection`, with typed binds and column reads.
///
/// Reuse one statement for many rows: `bind`, `step` until it returns false, `reset`.
final class Statement {
  private let handle: OpaquePointer
  private let connection: Connection
  /// The SQL the statement was compiled from (for error messages).
  let sql: String

  init(handle: OpaquePointer, connection: Connection, sql: String) {
    self.handle = handle
    self.connection = connection
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  // MARK: - Binding (parameters are numbered from 1)

  /// Binds an integer to parameter `index`.
  func bind(_ value: Int64, at index: Int32) throws(StoreError) {
    try check(sqlite3_bind_int64(handle, index, value))
  }

  /// Binds text to parameter `index` (SQLite copies it).
  func bind(_ value: String, at index: Int32) throws(StoreError) {
    let length = Int32(clamping: value.utf8.count)
    let status = value.withCString { sqlite3_bind_text(handle, index, $0, length, csqlite_transient()) }
    try check(status)
  }

  /// Binds any value to parameter `index`.
  func bind(_ value: SQLValue, at index: Int32) throws(StoreError) {
    switch value {
    case .null: try check(sqlite3_bind_null(handle, index))
    case .integer(let integer): try bind(integer, at: index)
    case .real(let real): try check(sqlite3_bind_double(handle, index, real))
    case .text(let text): try bind(text, at: index)
    }
  }

  /// Binds `values` to parameters 1, 2, ….
  func bind(_ values: [SQLValue]) throws(StoreError) {
    for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
  }

  // MARK: - Stepping

  /// Advances to the next row: true when a row is ready to read, false when the statement is done.
  @discardableResult
  func step() throws(StoreError) -> Bool {
    switch sqlite3_step(handle) {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let error = SQLiteError(code: connection.currentCode, message: connection.currentMessage, sql: sql)
      sqlite3_reset(handle)
      throw .sqlite(error)
    }
  }

  /// Makes the statement ready to run again; bindings are kept until rebound.
  func reset() { sqlite3_reset(handle) }

  /// Steps a statement that returns no rows to completion, then resets it.
  func runAndReset() throws(StoreError) {
    defer { reset() }
    while try step() {}
  }

  // MARK: - Reading columns (numbered from 0)

  /// The number of columns in a result row.
  var columnCount: Int32 { sqlite3_column_count(handle) }

  /// The integer in column `index` (0 for NULL).
  func int64(at index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

  /// The text in column `index` ("" for NULL).
  func text(at index: Int32) -> String {
    guard let bytes = sqlite3_column_text(handle, index) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, index))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  /// Whether column `index` is NULL.
  func isNull(at index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

  /// The value in column `index`, whatever its storage class.
  func value(at index: Int32) -> SQLValue {
    switch sqlite3_column_type(handle, index) {
    case SQLITE_INTEGER: return .integer(int64(at: index))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
    case SQLITE_NULL: return .null
    default: return .text(text(at: index))
    }
  }

  /// Every column of the current row.
  func values() -> [SQLValue] { (0..<columnCount).map { value(at: $0) } }

  private func check(_ status: Int32) throws(StoreError) {
    guard status == SQLITE_OK else {
      throw .sqlite(SQLiteError(code: status, message: connection.currentMessage, sql: sql))
    }
  }
}

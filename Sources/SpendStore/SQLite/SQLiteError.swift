import CSQLite

/// An error reported by SQLite: its result code, its message and the statement that failed.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The extended SQLite result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`, …).
  public var code: Int32
  /// SQLite's message (`sqlite3_errmsg`).
  public var message: String
  /// The SQL being run, when there was one.
  public var sql: String?

  /// Creates an error.
  public init(code: Int32, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  /// The primary result code (the low byte of the extended code).
  public var primaryCode: Int32 { code & 0xff }

  public var description: String {
    let name = String(cString: sqlite3_errstr(code))
    let statement = sql.map { " (in: \($0.split(separator: "\n").first.map(String.init) ?? $0))" } ?? ""
    return message == name ? "\(message)\(statement)" : "\(message) [\(name)]\(statement)"
  }
}

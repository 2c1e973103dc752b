import CSQLite
import SpendModel

/// Why the spend store refused or failed an operation.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// SQLite reported an error.
  case sqlite(SQLiteError)
  /// There is no store at the path (readers never create one).
  case notFound(path: String)
  /// The file is not a spend store (not SQLite, or SQLite without our tables).
  case notAStore(path: String, reason: String)
  /// The store was written by a newer spendtop whose schema this one does not know.
  case newerSchema(path: String, found: Int, supported: Int)
  /// A directory for the store could not be created.
  case cannotCreateDirectory(path: String, reason: String)
  /// The store file could not be created or protected.
  case cannotCreateFile(path: String, reason: String)
  /// No store path could be worked out (no `--db`, `SPENDTOP_DB`, `XDG_DATA_HOME` or `HOME`).
  case noLocation
  /// An amount is too large to store (whole part beyond ±9.2 × 10¹⁸).
  case amountOutOfRange(Money)
  /// A billing period could not be parsed (`2026-10` or `PAYER:2026-10`).
  case invalidPeriod(String)
  /// No stored billing period matches.
  case unknownPeriod(String)
  /// The store's content contradicts its own schema (a label id that does not exist, …).
  case corrupt(String)
  /// A file could not be read (for its content hash).
  case cannotReadFile(path: String, reason: String)
  /// The data cannot be rolled up as asked (several currencies would be added together).
  case rollup(RollupError)

  /// Whether another process held the store's write lock for longer than the busy timeout (an
  /// import running): the same operation can succeed later.
  public var isBusy: Bool {
    guard case .sqlite(let error) = self else { return false }
    return error.primaryCode == SQLITE_BUSY || error.primaryCode == SQLITE_LOCKED
  }

  public var description: String {
    switch self {
    case .sqlite(let error) where isBusy:
      return "the store is busy: another process (an import) is writing to it; try again when it ends (\(error))"
    case .sqlite(let error):
      return "store error: \(error)"
    case .notFound(let path):
      return "no spend store at \(path): import bills first (spendtop import PATH...) or choose one with --db"
    case .notAStore(let path, let reason):
      return "\(path) is not a spendtop store: \(reason)"
    case .newerSchema(let path, let found, let supported):
      return "\(path) was written by a newer spendtop (store schema \(found); this spendtop reads up to "
        + "schema \(supported)): upgrade spendtop, or use another store with --db"
    case .cannotCreateDirectory(let path, let reason):
      return "cannot create directory \(path): \(reason)"
    case .cannotCreateFile(let path, let reason):
      return "cannot create store file \(path): \(reason)"
    case .noLocation:
      return "cannot find a place for the store: set SPENDTOP_DB, XDG_DATA_HOME or HOME, or pass --db FILE"
    case .amountOutOfRange(let money):
      return "amount \(money) is too large to store"
    case .invalidPeriod(let text):
      return
        "invalid billing period '\(text)': expected YYYY-MM or PAYER:YYYY-MM "
        + "(e.g. 2026-10, 123456789012:2026-10)"
    case .unknownPeriod(let text):
      return "no billing period \(text) in the store (see spendtop imports)"
    case .corrupt(let detail):
      return "the store is damaged: \(detail)"
    case .cannotReadFile(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .rollup(let error):
      return error.description
    }
  }
}

/// Why bytes could not be read as CSV records.
///
/// Scanner errors carry the line they happened on; the importer adds the file's name.
public enum CSVError: Error, Equatable, Sendable {
  /// The file could not be opened.
  case cannotOpen(message: String)
  /// Reading failed part way.
  case readFailed(message: String)
  /// The gzip stream is damaged or cut short.
  case corruptCompressed(message: String)
  /// A quoted field opened on `line`, as field number `column` (1-based), never closes.
  case unterminatedQuote(line: Int, column: Int)
  /// The record starting on `line` is longer than `limit` bytes.
  case tooLarge(line: Int, limit: Int)
  /// The record starting on `line` has more than `limit` fields.
  case tooManyFields(line: Int, limit: Int)
}

extension CSVError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .cannotOpen(let message): return "cannot open: \(message)"
    case .readFailed(let message): return "read failed: \(message)"
    case .corruptCompressed(let message): return "damaged or truncated gzip data: \(message)"
    case .unterminatedQuote(let line, let column):
      return "line \(line), field \(column): a quoted field opens here and never closes"
    case .tooLarge(let line, let limit):
      return "line \(line): a record longer than \(limit / (1 << 20)) MiB; is this really CSV?"
    case .tooManyFields(let line, let limit):
      return "line \(line): a record of more than \(limit) fields; is this really a bill?"
    }
  }
}

/// Why spendtop cannot write the SQL or read a cube file.
public enum CubeSQLError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The source lacks columns the cube cannot do without.
  case missingColumns(format: SQLBillFormat, names: [String])
  /// Files can only be read by DuckDB; Trino and Athena need a table.
  case filesNeedDuckDB(SQLEngine)
  /// The date range is empty.
  case emptyRange(from: String, to: String)
  /// A tag key that cannot be written into a JSON path.
  case unsupportedTagKey(String)
  /// A file of column names (or a bill header) could not be read.
  case unreadableColumns(path: String, reason: String)
  /// A cube file could not be read: where and why.
  case cubeFile(path: String, line: Int, column: Int?, reason: String)

  public var description: String {
    switch self {
    case .missingColumns(let format, let names):
      return "the \(format.rawValue) source has no column \(names.joined(separator: ", ")) "
        + "(give the real column list with --columns-from)"
    case .filesNeedDuckDB(let engine):
      return "--files works with --engine duckdb only; \(engine.rawValue) reads a table (--table NAME)"
    case .emptyRange(let from, let to): return "--from \(from) is after --to \(to)"
    case .unsupportedTagKey(let key): return "tag key \(key) contains a double quote or backslash"
    case .unreadableColumns(let path, let reason): return "\(path): cannot read column names: \(reason)"
    case .cubeFile(let path, let line, let column, let reason):
      return "\(path):\(line)\(column.map { ":\($0)" } ?? ""): \(reason)"
    }
  }

  /// The exit code of a command failing with this error: 64 usage, 65 unreadable input, 66 missing file.
  public var exitCode: Int32 {
    switch self {
    case .filesNeedDuckDB, .emptyRange, .unsupportedTagKey, .missingColumns: return 64
    case .unreadableColumns, .cubeFile: return 65
    }
  }
}

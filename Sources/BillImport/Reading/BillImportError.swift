/// A row that could not be read: where it is and what was wrong.
public struct BadRow: Hashable, Sendable, CustomStringConvertible {
  /// The file as given (or as listed by its manifest).
  public var path: String
  /// The 1-based line where the row starts.
  public var line: Int
  /// The 1-based field number, or nil when the whole row is wrong (its field count).
  public var column: Int?
  /// The header name of that column.
  public var columnName: String?
  /// What was expected and what was found.
  public var problem: String

  /// Creates a bad-row report.
  public init(path: String, line: Int, column: Int?, columnName: String?, problem: String) {
    self.path = path
    self.line = line
    self.column = column
    self.columnName = columnName
    self.problem = problem
  }

  /// `bill.csv:12:23: column lineItem/UnblendedCost: expected a decimal amount, found "abc"`.
  public var description: String {
    var text = "\(path):\(line)"
    if let column { text += ":\(column)" }
    if let columnName { text += ": column \(columnName)" }
    return text + ": " + problem
  }
}

/// Why bills could not be imported.
public enum BillImportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A path given does not exist.
  case notFound(path: String)
  /// A file could not be opened or read (I/O, damaged gzip, unterminated quote, …).
  case unreadable(path: String, reason: String)
  /// A 0-byte file.
  case emptyFile(path: String)
  /// A file given by name that is no billing export spendtop knows.
  case unrecognizedFormat(path: String)
  /// A known format that spendtop does not read (DBR, Monthly report, Hive dump, zip).
  case unsupportedFormat(path: String, format: String, advice: String)
  /// The header lacks columns the format needs.
  case missingColumns(path: String, format: BillFormat, columns: [String])
  /// A row that cannot be read (and `skipBadRows` is off).
  case badRow(BadRow)
  /// A manifest that is not valid JSON or lacks `reportKeys`.
  case invalidManifest(path: String, reason: String)
  /// A part listed by a manifest is not on disk.
  case missingPart(manifest: String, key: String, expectedAt: String)
  /// A manifest's part key points outside the manifest's folder tree (`..`).
  case partOutsideManifestFolder(manifest: String, key: String)
  /// A folder holds nothing spendtop reads.
  case noBills(folder: String)

  public var description: String {
    switch self {
    case .notFound(let path): return "\(path): no such file or folder"
    case .unreadable(let path, let reason): return "\(path): \(reason)"
    case .emptyFile(let path): return "\(path): the file is empty (0 bytes), not a billing export"
    case .unrecognizedFormat(let path):
      return "\(path): not a billing export spendtop reads; it reads \(BillFormat.readableFormatsText)"
    case .unsupportedFormat(let path, let format, let advice): return "\(path): \(format): \(advice)"
    case .missingColumns(let path, let format, let columns):
      return "\(path): \(format) without the column(s) \(columns.joined(separator: ", "))"
    case .badRow(let row): return row.description
    case .invalidManifest(let path, let reason): return "\(path): not a valid CUR manifest: \(reason)"
    case .missingPart(let manifest, let key, let expectedAt):
      return "\(manifest): lists part \(key), which is missing (looked for \(expectedAt))"
    case .partOutsideManifestFolder(let manifest, let key):
      return "\(manifest): part \(key) points outside the manifest's folder; refusing to read it"
    case .noBills(let folder):
      return "\(folder): no billing exports found (spendtop reads .csv, .csv.gz and CUR manifest .json files)"
    }
  }
}

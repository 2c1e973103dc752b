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
  /// A path that cannot be opened or read: permissions, I/O, not a regular file or folder (a FIFO,
  /// a device), a dangling link.
  case unreadable(path: String, reason: String)
  /// Bytes that are not a well-formed bill where it matters for every row: damaged gzip data, an
  /// unterminated quote, an oversized record, a header that is not UTF-8 or repeats a column read.
  case malformed(path: String, line: Int, column: Int?, problem: String)
  /// A 0-byte file.
  case emptyFile(path: String)
  /// A file given by name that is no billing export spendtop knows; `line` is its header's.
  case unrecognizedFormat(path: String, line: Int = 1)
  /// A known format that spendtop does not read (DBR, Monthly report, Hive dump, zip).
  case unsupportedFormat(path: String, format: String, advice: String)
  /// The header (on `line`) lacks columns the format needs.
  case missingColumns(path: String, format: BillFormat, columns: [String], line: Int = 1)
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
  /// Two files hold line items of a billing period in common (about `repeated` of them, exactly
  /// when `exact`): two versions of one bill, which summing would count twice.
  case overlappingBills(
    first: String, second: String, period: String, repeated: Int, exact: Bool, firstLastDay: String,
    secondLastDay: String)
  /// The same bytes given twice under two names.
  case duplicateBill(first: String, second: String)

  /// The process exit code for this error (sysexits): 66 (EX_NOINPUT) when a path is missing or
  /// cannot be opened or read, 65 (EX_DATAERR) when its bytes cannot be read as a bill.
  public var exitCode: Int32 {
    switch self {
    case .notFound, .unreadable: return 66
    default: return 65
    }
  }

  /// The message, with control characters from input escaped (`\x1B`) so it is safe on a terminal.
  public var description: String { FieldText.escaping(message) }

  private var message: String {
    switch self {
    case .notFound(let path): return "\(path): no such file or folder"
    case .unreadable(let path, let reason): return "\(path): \(reason)"
    case .malformed(let path, let line, let column, let problem):
      return "\(path):\(line)" + (column.map { ":\($0)" } ?? "") + ": " + problem
    case .emptyFile(let path):
      return "\(path): the file is empty (0 bytes); expected a billing export starting with a header line"
    case .unrecognizedFormat(let path, let line):
      return "\(path):\(line): not a billing export spendtop reads; expected the header of "
        + BillFormat.readableFormatsText
    case .unsupportedFormat(let path, let format, let advice): return "\(path): \(format): \(advice)"
    case .missingColumns(let path, let format, let columns, let line):
      return "\(path):\(line): \(format) header without the column(s) \(columns.joined(separator: ", ")); "
        + "expected them in the header"
    case .badRow(let row): return row.description
    case .invalidManifest(let path, let reason): return "\(path): not a valid CUR manifest: \(reason)"
    case .missingPart(let manifest, let key, let expectedAt):
      return "\(manifest): lists part \(key), which is missing; expected a file at \(expectedAt)"
    case .partOutsideManifestFolder(let manifest, let key):
      return "\(manifest): part \(key) points outside the manifest's folder; refusing to read it "
        + "(expected a key under the manifest's folder)"
    case .noBills(let folder):
      return "\(folder): no billing exports found (spendtop reads .csv, .csv.gz and CUR manifest .json files)"
    case .overlappingBills(
      let first, let second, let period, let repeated, let exact, let firstEnd, let secondEnd):
      return "\(first) and \(second) hold the same line items of billing period \(period) "
        + "(\(exact ? "" : "about ")\(Self.grouped(repeated)) identity/LineItemId + TimeInterval in both; "
        + "the first runs to \(firstEnd), the second to \(secondEnd)): they look like two versions of "
        + "one bill, and summing them would count it twice. Use the newer one alone (usually the one "
        + "that runs later), or the period's manifest (it lists only the current parts)"
    case .duplicateBill(let first, let second):
      return "\(first) and \(second) are the same file (identical bytes): reading both would count "
        + "the bill twice. Give it once"
    }
  }
}

extension BillImportError {
  /// A count with `,` between thousands, as every other count spendtop prints (`1,609`).
  static func grouped(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var text = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return (count < 0 ? "-" : "") + text
  }
}

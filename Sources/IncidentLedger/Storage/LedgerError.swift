/// Why a ledger operation failed.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A ledger file is not valid: its path, 1-based line (and column, when known), what is wrong.
  case invalidFile(path: String, line: Int, column: Int?, message: String)
  /// No incident with this ID in the ledger folder.
  case notFound(id: String, folder: String)
  /// An incident with this ID already exists.
  case alreadyExists(id: String, path: String)
  /// The file changed on disk since it was read; saving would overwrite someone's edit.
  case changedOnDisk(path: String)
  /// The file of incident `id` is not the incident a change was made to (it changed since it was
  /// loaded, e.g. by `spendtop ledger edit`): what differs, in words.
  case changedSinceLoaded(id: String, detail: String)
  /// The ID cannot name a file.
  case invalidID(String)
  /// A system call failed.
  case io(path: String, operation: String, message: String)
  /// A requested change is not valid (unknown category, bad combination of inputs).
  case invalidChange(String)

  public var description: String {
    switch self {
    case .invalidFile(let path, let line, let column, let message):
      return "\(path):\(line):\(column.map { "\($0):" } ?? "") \(message)"
    case .notFound(let id, let folder):
      return "no incident \"\(id)\" in \(folder) (spendtop ledger list shows the IDs)"
    case .alreadyExists(let id, let path):
      return "incident \"\(id)\" already exists: \(path)"
    case .changedOnDisk(let path):
      return "\(path) changed on disk since it was read; not overwriting it. Re-run the command to apply "
        + "the change to the current file"
    case .changedSinceLoaded(let id, let detail):
      return "the ledger file of \(id) changed since it was loaded (\(detail)): nothing written; "
        + "reopen the dashboard to load the file as it is, then redo the change"
    case .invalidID(let id):
      return "\"\(id)\" cannot be an incident ID: use 1-100 letters, digits, '-', '_' or '.'"
    case .io(let path, let operation, let message):
      return "\(path): \(operation) failed: \(message)"
    case .invalidChange(let message):
      return message
    }
  }
}

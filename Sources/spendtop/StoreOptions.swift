import ArgumentParser
import SpendStore

#if canImport(Glibc)
  import Glibc
#endif

/// `--db FILE`: which spend store a command reads or writes; shared by every command that uses one.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The spend store file.",
      discussion: "Default: $SPENDTOP_DB, else $XDG_DATA_HOME/spendtop/spend.sqlite, else "
        + "~/.local/share/spendtop/spend.sqlite.",
      valueName: "file"))
  var db: String?

  /// Where the store is, from `--db` and the environment.
  func location() throws(StoreError) -> StoreLocation {
    var environment: [String: String] = [:]
    for name in ["HOME", "XDG_DATA_HOME", StoreLocation.environmentVariable] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return try StoreLocation.resolve(explicit: db, environment: environment)
  }

  /// Opens the store; only `import` creates one.
  func open(creating: Bool) throws(StoreError) -> SpendStore {
    try SpendStore.open(at: try location().path, creating: creating)
  }
}

extension StoreError {
  /// The exit code of a command that fails with this error: 66 when there is no store or
  /// period, 65 when the store or its input is unusable, 64 for a bad argument, 75 when another
  /// import holds the store's write lock, 74 for a file system or other SQLite failure.
  var exitCode: Int32 {
    if isBusy { return 75 }  // EX_TEMPFAIL: another import holds the store; the same command can succeed later
    switch self {
    case .notFound, .noLocation, .unknownPeriod: return 66
    case .notAStore, .newerSchema, .corrupt, .amountOutOfRange: return 65
    case .invalidPeriod, .rollup: return 64
    case .sqlite, .cannotCreateDirectory, .cannotCreateFile, .cannotReadFile: return 74
    }
  }

  /// Runs `body`; a store error is printed as `spendtop: …` and becomes the exit code.
  static func reporting<Result>(_ body: () throws(StoreError) -> Result) throws(ExitCode) -> Result {
    do {
      return try body()
    } catch {
      writeStandardError("spendtop: \(error)\n")
      throw ExitCode(error.exitCode)
    }
  }
}

/// Writes text to standard error, unbuffered.
func writeStandardError(_ text: String) {
  var text = text
  text.withUTF8 { bytes in
    var offset = 0
    while offset < bytes.count {
      let written = write(2, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
      if written <= 0 { return }
      offset += written
    }
  }
}

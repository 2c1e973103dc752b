import CSQLite
import SpendModel

/// The persistent spend store: cubes at rest in one SQLite file, replaced a billing period at a
/// time, with an import registry and anomaly triage.
///
///     let store = try SpendStore.open(at: location.path, creating: true)
///     let outcome = try store.importBatch(ImportBatch(cube: cube, files: files))
///     let rollup = try store.rollup(by: [.day, .service], filter: CubeFilter(from: first, to: last))
///
/// The file uses SQLite's write-ahead log: an import is one transaction, so a reader (or a crash,
/// or `kill -9`) sees the store either as it was before the import or with all of it.
/// A `SpendStore` is used from one task at a time; open one per process or task.
public final class SpendStore {
  /// The store file.
  public let path: String
  let connection: Connection
  let clock: StoreClock

  private init(path: String, connection: Connection, clock: StoreClock) {
    self.path = path
    self.connection = connection
    self.clock = clock
  }

  // MARK: - Files

  /// Whether a file exists at `path` (a store, or something that will be refused as one).
  public static func exists(at path: String) -> Bool { StoreFiles.exists(path) }

  /// Deletes the store at `path` with its write-ahead log and shared-memory files. For a store the
  /// caller created and that holds nothing (an import that failed into a new store), so that no
  /// empty store is left behind; no connection to it may remain open.
  public static func removeNewStore(at path: String) {
    StoreFiles.removeStore(path)
  }

  // MARK: - Opening

  /// Opens the store at `path`, migrating an older schema.
  ///
  /// - Parameters:
  ///   - path: the store file.
  ///   - creating: create the file (0600) and its missing parent directories (0700) if absent;
  ///     otherwise a missing store is `StoreError.notFound`.
  ///   - clock: the time stamped on imports and triage.
  ///   - busyTimeoutMilliseconds: how long a write waits for another process's write (an import
  ///     holds the store's write lock from its start to its commit); then `StoreError.isBusy`.
  /// - Throws: `StoreError.notFound`, `.notAStore`, `.newerSchema`, `.sqlite`, or a file error.
  public static func open(
    at path: String, creating: Bool, clock: StoreClock = .system, busyTimeoutMilliseconds: Int32 = 10_000
  ) throws(StoreError) -> SpendStore {
    if !StoreFiles.exists(path) {
      guard creating else { throw .notFound(path: path) }
      try StoreFiles.createParentDirectories(of: path)
      try StoreFiles.createPrivateFile(path)
    }
    let connection = try Connection(path: path, mode: .readWrite, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    let store = SpendStore(path: path, connection: connection, clock: clock)
    try store.prepareSchema()
    return store
  }

  /// A private in-memory store (nothing on disk), for tests and one-off queries.
  public static func inMemory(clock: StoreClock = .system) throws(StoreError) -> SpendStore {
    let connection = try Connection(path: ":memory:", mode: .readWriteCreate)
    let store = SpendStore(path: ":memory:", connection: connection, clock: clock)
    try store.prepareSchema()
    return store
  }

  /// The schema version this spendtop writes.
  public static var schemaVersion: Int { Schema.version }

  // MARK: - Schema

  private func prepareSchema() throws(StoreError) {
    let version: Int
    do {
      version = try connection.userVersion()
    } catch {
      if case .sqlite(let failure) = error, failure.primaryCode == SQLITE_NOTADB {
        throw .notAStore(path: path, reason: "not an SQLite database")
      }
      throw error
    }
    guard version <= Schema.version else {
      throw .newerSchema(path: path, found: version, supported: Schema.version)
    }
    if version == 0 {
      let tables = try connection.query("SELECT count(*) FROM sqlite_master")
      if tables.first?.first?.integer != 0 {
        throw .notAStore(path: path, reason: "an SQLite database without spendtop's tables")
      }
    }
    if path != ":memory:" {
      try connection.execute("PRAGMA journal_mode = WAL")
    }
    try connection.execute(
      """
      PRAGMA synchronous = FULL;
      PRAGMA temp_store = MEMORY;
      PRAGMA cache_size = -32768;
      """)
    guard version < Schema.version else { return }
    try connection.transaction { () throws(StoreError) in
      // Re-read under the write lock: another process may have migrated meanwhile.
      let current = try connection.userVersion()
      guard current < Schema.version else { return }
      for migration in Schema.migrations[current...] { try connection.execute(migration) }
      try connection.execute("PRAGMA user_version = \(Schema.version)")
    }
  }

  /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, else the problems found.
  public func integrityCheck() throws(StoreError) -> [String] {
    try connection.query("PRAGMA integrity_check").compactMap { $0.first?.text }
  }

  /// The schema version the file says it holds (`PRAGMA user_version`).
  public func storedSchemaVersion() throws(StoreError) -> Int { try connection.userVersion() }
}

import CSQLite
import Foundation
import SpendModel
import Testing

@testable import SpendStore

@Suite struct StoreOpeningTests {
  @Test func createsAPrivateFileInPrivateDirectoriesWithWAL() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("a/b/spend.sqlite")
    let store = try SpendStore.open(at: path, creating: true, clock: .fixed(1_000))
    try store.importBatch(
      ImportBatch(
        cube: Fixtures.randomCube(seed: 1, months: [Month(year: 2026, month: 9)], cells: 20), files: []))
    #expect(StoreFiles.permissions(of: path) == 0o600)
    #expect(StoreFiles.permissions(of: path + "-wal") == 0o600)
    #expect(StoreFiles.permissions(of: directory.file("a")) == 0o700)
    #expect(StoreFiles.permissions(of: directory.file("a/b")) == 0o700)
    #expect(try store.connection.query("PRAGMA journal_mode").first?.first == .text("wal"))
    #expect(try store.storedSchemaVersion() == SpendStore.schemaVersion)
  }

  @Test func readersNeverCreateAStore() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("missing/spend.sqlite")
    #expect(throws: StoreError.notFound(path: path)) { try SpendStore.open(at: path, creating: false) }
    #expect(!StoreFiles.exists(directory.file("missing")))
  }

  @Test func refusesAStoreFromANewerSchema() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("spend.sqlite")
    do {
      let store = try SpendStore.open(at: path, creating: true)
      try store.connection.execute("PRAGMA user_version = \(SpendStore.schemaVersion + 1)")
    }
    let error = StoreError.newerSchema(
      path: path, found: SpendStore.schemaVersion + 1, supported: SpendStore.schemaVersion)
    #expect(throws: error) { try SpendStore.open(at: path, creating: false) }
    #expect(error.description.contains("newer spendtop"))
  }

  @Test func refusesFilesThatAreNotStores() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let text = directory.file("bill.csv")
    try "identity/LineItemId,lineItem/UnblendedCost\nabc,1.0\n".write(
      toFile: text, atomically: true, encoding: .utf8)
    #expect(throws: StoreError.notAStore(path: text, reason: "not an SQLite database")) {
      try SpendStore.open(at: text, creating: false)
    }
    let other = directory.file("other.sqlite")
    do {
      let connection = try Connection(path: other, mode: .readWriteCreate)
      try connection.execute("CREATE TABLE notes (text TEXT)")
    }
    #expect(throws: StoreError.notAStore(path: other, reason: "an SQLite database without spendtop's tables"))
    {
      try SpendStore.open(at: other, creating: false)
    }
  }

  @Test func reopensWithoutMigratingAgainAndKeepsData() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("spend.sqlite")
    let cube = Fixtures.randomCube(seed: 2, months: [Month(year: 2026, month: 9)], cells: 50)
    do {
      let store = try SpendStore.open(at: path, creating: true)
      try store.importBatch(ImportBatch(cube: cube, files: []))
    }
    let reopened = try SpendStore.open(at: path, creating: false)
    #expect(Fixtures.sameCells(try reopened.loadCube(), cube))
    #expect(try reopened.integrityCheck() == ["ok"])
  }

  @Test func aSchema1StoreIsMigratedKeepingItsData() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("spend.sqlite")
    let september = Month(year: 2026, month: 9)
    let cube = Fixtures.randomCube(seed: 5, months: [september], cells: 300)
    do {
      let store = try SpendStore.open(at: path, creating: true)
      try store.importBatch(ImportBatch(cube: cube, files: []))
      // Back to the tables of schema 1 (with their UNIQUE indexes), as a schema-1 spendtop left them.
      try store.connection.execute(
        """
        CREATE TABLE old_series (
          id INTEGER PRIMARY KEY, account INTEGER NOT NULL, service INTEGER NOT NULL,
          usage_type INTEGER NOT NULL, operation INTEGER NOT NULL, region INTEGER NOT NULL,
          resource INTEGER NOT NULL, line_item_type INTEGER NOT NULL, currency INTEGER NOT NULL,
          tag_set INTEGER NOT NULL,
          UNIQUE (account, service, usage_type, operation, region, resource, line_item_type, currency, tag_set));
        INSERT INTO old_series SELECT * FROM series;
        DROP TABLE series;
        ALTER TABLE old_series RENAME TO series;
        CREATE TABLE old_tag_set (id INTEGER PRIMARY KEY, signature TEXT NOT NULL UNIQUE);
        INSERT INTO old_tag_set SELECT * FROM tag_set;
        DROP TABLE tag_set;
        ALTER TABLE old_tag_set RENAME TO tag_set;
        PRAGMA user_version = 1;
        """)
      #expect(try Self.uniqueIndexes(store) == 2)
    }
    let migrated = try SpendStore.open(at: path, creating: false)
    #expect(try migrated.storedSchemaVersion() == 2)
    #expect(try Self.uniqueIndexes(migrated) == 0)
    #expect(try migrated.integrityCheck() == ["ok"])
    #expect(Fixtures.sameCells(try migrated.loadCube(), cube))
    // The migrated store keeps importing: a restated September replaces the old one.
    let restated = Fixtures.randomCube(seed: 6, months: [september], cells: 300)
    try migrated.importBatch(ImportBatch(cube: restated, files: []))
    #expect(Fixtures.sameCells(try migrated.loadCube(), restated))
    #expect(try migrated.integrityCheck() == ["ok"])
  }

  /// The automatic (UNIQUE) indexes on `series` and `tag_set`.
  private static func uniqueIndexes(_ store: SpendStore) throws -> Int64 {
    let rows = try store.connection.query(
      "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('series', 'tag_set')")
    return rows.first?.first?.integer ?? -1
  }
}

import BillImport
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

  @Test(arguments: [1, 2])
  func anOlderSchemaStoreIsMigratedKeepingItsData(version: Int) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("spend.sqlite")
    let september = Month(year: 2026, month: 9)
    let cube = Fixtures.randomCube(seed: 5, months: [september], cells: 300)
    let seriesCount: Int64
    do {
      let store = try SpendStore.open(at: path, creating: true)
      try store.importBatch(ImportBatch(cube: cube, files: []))
      seriesCount = try Self.count("series", in: store)
      // Back to the tables of schema 1 or 2, as that spendtop left them: tag sets in `tag_set` and
      // `tag_pair`, series pointing at them (schema 1 with its UNIQUE indexes).
      try store.connection.execute(
        Self.tagSetTables(unique: version == 1) + "PRAGMA user_version = \(version);")
      #expect(try Self.count("tag_pair", in: store) > 0)
      #expect(try Self.uniqueIndexes(store) == (version == 1 ? 2 : 0))
    }
    let migrated = try SpendStore.open(at: path, creating: false)
    #expect(try migrated.storedSchemaVersion() == 3)
    let tables = try migrated.connection.query(
      "SELECT count(*) FROM sqlite_master WHERE name IN ('tag_set', 'tag_pair')")
    #expect(tables.first?.first?.integer == 0)
    #expect(try Self.uniqueIndexes(migrated) == 0)
    #expect(try migrated.integrityCheck() == ["ok"])
    #expect(Fixtures.sameCells(try migrated.loadCube(), cube))
    let byTags: [[SpendModel.Dimension]] = [
      [.tag("team"), .currency], [.tag("env"), .service, .currency], [.tag("team"), .tag("env"), .currency],
    ]
    for by in byTags {
      #expect(try migrated.rollup(by: by).rows == (try cube.rollup(by: by)).rows)
    }
    // The migrated tags are the text the importer writes: the same cells again add no series.
    try migrated.importBatch(ImportBatch(cube: cube, files: []))
    #expect(try Self.count("series", in: migrated) == seriesCount)
    // The migrated store keeps importing: a restated September replaces the old one.
    let restated = Fixtures.randomCube(seed: 6, months: [september], cells: 300)
    try migrated.importBatch(ImportBatch(cube: restated, files: []))
    #expect(Fixtures.sameCells(try migrated.loadCube(), restated))
    #expect(try migrated.integrityCheck() == ["ok"])
  }

  /// Tag keys that are not NFC: "e\u{301}b" (a decomposed é) comes before "\u{e9}a" (a precomposed
  /// é) byte by byte, after it as a Swift `String` ("éb" > "éa"). The schema 3 migration orders keys
  /// by SQLite's byte order; the importer must write the same order, or the migrated series and
  /// the imported one differ in text and the store holds the series twice. Both ways into the
  /// store: a `Cube` (`Tags`) and a bill's compact cells (the CSV reader's own tag sets).
  @Test(arguments: [false, true])
  func aMigratedStoreKeepsOneSeriesForTagKeysThatAreNotNFC(fromBill: Bool) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("spend.sqlite")
    let day = Day(year: 2026, month: 9, day: 3)
    var cube = Cube()
    cube.add(
      Costs(all: Money(whole: 7)),
      at: Fixtures.key(
        day, service: "", usageType: "", operation: "", region: "", lineItemType: "",
        tags: Tags([("\u{e9}a", "precomposed"), ("e\u{301}b", "decomposed")])))
    cube.add(
      Costs(all: Money(whole: 5)),
      at: Fixtures.key(
        day, service: "", usageType: "", operation: "", region: "", lineItemType: "",
        tags: Tags([("team", "web"), ("env", "prod")])))
    let bill = directory.file("bill.csv")
    try (
      "bill/PayerAccountId,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost,"
        + "resourceTags/user:\u{e9}a,resourceTags/user:e\u{301}b,"
        + "resourceTags/user:team,resourceTags/user:env\n"
        + "111111111111,222222222222,2026-09-03T00:00:00Z,7,precomposed,decomposed,,\n"
        + "111111111111,222222222222,2026-09-03T00:00:00Z,5,,,web,prod\n"
    ).write(toFile: bill, atomically: true, encoding: .utf8)
    func batch() throws -> ImportBatch {
      fromBill
        ? ImportBatch(parts: [try BillReader.readCells(paths: [bill]).cells], files: [])
        : ImportBatch(cube: cube, files: [])
    }
    let seriesCount: Int64
    do {
      let store = try SpendStore.open(at: path, creating: true)
      try store.importBatch(try batch())
      seriesCount = try Self.count("series", in: store)
      try store.connection.execute(Self.tagSetTables(unique: false) + "PRAGMA user_version = 2;")
    }
    let migrated = try SpendStore.open(at: path, creating: false)
    try migrated.importBatch(try batch())
    #expect(seriesCount == 2)
    #expect(try Self.count("series", in: migrated) == seriesCount)
    #expect(Fixtures.sameCells(try migrated.loadCube(), cube))
    // Keys in UTF-8 byte order, ASCII ones as before ("env" before "team").
    let texts = try migrated.connection.query(
      """
      SELECT group_concat(l.text, ',') FROM (SELECT s.id, j.key FROM series AS s, json_each(s.tags) AS j
        ORDER BY s.id, j.id) AS p JOIN label AS l ON l.id = CAST(p.key AS INTEGER) GROUP BY p.id ORDER BY p.id
      """)
    #expect(
      texts.map { $0.first?.text.map { Array($0.utf8) } }
        == [Array("e\u{301}b,\u{e9}a".utf8), Array("env,team".utf8)])
  }

  /// A schema 3 store written while the importer ordered keys as Swift `String`s holds such a tag
  /// set in the other order; importing the same cells again finds its series, adds none.
  @Test func aStoreWithTheOldKeyOrderKeepsItsSeries() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("spend.sqlite")
    var cube = Cube()
    cube.add(
      Costs(all: Money(whole: 7)),
      at: Fixtures.key(
        Day(year: 2026, month: 9, day: 3),
        tags: Tags([("\u{e9}a", "precomposed"), ("e\u{301}b", "decomposed")])))
    let store = try SpendStore.open(at: path, creating: true)
    try store.importBatch(ImportBatch(cube: cube, files: []))
    // Swap the two pairs of the stored text into Swift `String` order ("\u{e9}a" first).
    try store.connection.execute(
      """
      UPDATE series SET tags = (SELECT '{' || group_concat(pair, ',') || '}' FROM (
        SELECT '"' || j.key || '":' || j.value AS pair FROM json_each(series.tags) AS j ORDER BY j.id DESC))
      WHERE tags <> '{}';
      """)
    let reopened = try SpendStore.open(at: path, creating: false)
    try reopened.importBatch(ImportBatch(cube: cube, files: []))
    #expect(try Self.count("series", in: reopened) == 1)
    #expect(Fixtures.sameCells(try reopened.loadCube(), cube))
  }

  /// SQL that turns schema 3's inline series tags back into schema 2's (or 1's) tag set tables.
  private static func tagSetTables(unique: Bool) -> String {
    let seriesKey =
      "account, service, usage_type, operation, region, resource, line_item_type, currency, tag_set"
    return """
      CREATE TEMP TABLE tag_map (tags TEXT PRIMARY KEY, id INTEGER NOT NULL);
      INSERT INTO tag_map
        SELECT tags, row_number() OVER (ORDER BY min(id)) FROM series WHERE tags <> '{}' GROUP BY tags;
      CREATE TABLE tag_set (id INTEGER PRIMARY KEY, signature TEXT NOT NULL\(unique ? " UNIQUE" : ""));
      INSERT INTO tag_set SELECT id, replace(replace(trim(tags, '{}'), '"', ''), ':', '=') FROM tag_map;
      CREATE TABLE tag_pair (
        tag_set INTEGER NOT NULL, key INTEGER NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (tag_set, key)
      ) WITHOUT ROWID;
      INSERT INTO tag_pair
        SELECT m.id, CAST(j.key AS INTEGER), j.value FROM tag_map AS m, json_each(m.tags) AS j;
      CREATE TABLE old_series (
        id INTEGER PRIMARY KEY, account INTEGER NOT NULL, service INTEGER NOT NULL,
        usage_type INTEGER NOT NULL, operation INTEGER NOT NULL, region INTEGER NOT NULL,
        resource INTEGER NOT NULL, line_item_type INTEGER NOT NULL, currency INTEGER NOT NULL,
        tag_set INTEGER NOT NULL\(unique ? ", UNIQUE (\(seriesKey))" : ""));
      INSERT INTO old_series
        SELECT s.id, s.account, s.service, s.usage_type, s.operation, s.region, s.resource, s.line_item_type,
          s.currency, coalesce(m.id, 0)
        FROM series AS s LEFT JOIN tag_map AS m ON m.tags = s.tags;
      DROP TABLE series;
      ALTER TABLE old_series RENAME TO series;
      DROP TABLE tag_map;

      """
  }

  private static func count(_ table: String, in store: SpendStore) throws -> Int64 {
    try store.connection.query("SELECT count(*) FROM \(table)").first?.first?.integer ?? -1
  }

  /// The automatic (UNIQUE) indexes on `series` and `tag_set`.
  private static func uniqueIndexes(_ store: SpendStore) throws -> Int64 {
    let rows = try store.connection.query(
      "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('series', 'tag_set')")
    return rows.first?.first?.integer ?? -1
  }
}

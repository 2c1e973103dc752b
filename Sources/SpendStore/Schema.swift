/// The store's schema, as a list of migrations; `PRAGMA user_version` says how many have run.
///
/// Migrations are append-only: a released migration is never edited, a change is a new entry.
/// A store whose `user_version` is beyond `migrations.count` was written by a newer spendtop and is
/// refused rather than misread.
enum Schema {
  /// The schema version this build writes.
  static var version: Int { migrations.count }

  /// Each migration's SQL, run in one transaction with the version bump.
  static let migrations: [String] = [version1, version2, version3]

  /// Version 1: lookup tables, the cube at its finest grain, a daily rollup, the registry, triage.
  ///
  /// - `label`: every dimension value (account, service, …, tag keys and values) once.
  /// - `series`: a leaf series, the cube key without day and period, as label ids.
  /// - `period`: payer × month, the unit of replacement; `batch` is the import that wrote it.
  /// - `cell`: one day of one series in one period, all four cost bases as whole + fraction.
  /// - `daily`: `cell` summed without operation, resource and tags: what most queries read. Its key
  ///   order (period, day, currency, service, …) lets `GROUP BY day, service` stream without a sort.
  static let version1 = """
    CREATE TABLE label (
      id INTEGER PRIMARY KEY,
      text TEXT NOT NULL UNIQUE
    );
    CREATE TABLE tag_set (
      id INTEGER PRIMARY KEY,
      signature TEXT NOT NULL UNIQUE
    );
    CREATE TABLE tag_pair (
      tag_set INTEGER NOT NULL,
      key INTEGER NOT NULL,
      value INTEGER NOT NULL,
      PRIMARY KEY (tag_set, key)
    ) WITHOUT ROWID;
    CREATE TABLE series (
      id INTEGER PRIMARY KEY,
      account INTEGER NOT NULL,
      service INTEGER NOT NULL,
      usage_type INTEGER NOT NULL,
      operation INTEGER NOT NULL,
      region INTEGER NOT NULL,
      resource INTEGER NOT NULL,
      line_item_type INTEGER NOT NULL,
      currency INTEGER NOT NULL,
      tag_set INTEGER NOT NULL,
      UNIQUE (account, service, usage_type, operation, region, resource, line_item_type, currency, tag_set)
    );
    CREATE TABLE batch (
      id INTEGER PRIMARY KEY,
      imported_at INTEGER NOT NULL
    );
    CREATE TABLE period (
      id INTEGER PRIMARY KEY,
      payer INTEGER NOT NULL,
      month TEXT NOT NULL,
      first_day INTEGER,
      last_day INTEGER,
      cells INTEGER NOT NULL,
      batch INTEGER NOT NULL,
      UNIQUE (payer, month)
    );
    CREATE TABLE cell (
      period INTEGER NOT NULL,
      day INTEGER NOT NULL,
      series INTEGER NOT NULL,
      unblended_whole INTEGER NOT NULL,
      unblended_fraction INTEGER NOT NULL,
      amortized_whole INTEGER NOT NULL,
      amortized_fraction INTEGER NOT NULL,
      net_unblended_whole INTEGER NOT NULL,
      net_unblended_fraction INTEGER NOT NULL,
      net_amortized_whole INTEGER NOT NULL,
      net_amortized_fraction INTEGER NOT NULL,
      PRIMARY KEY (period, day, series)
    ) WITHOUT ROWID;
    CREATE TABLE daily (
      period INTEGER NOT NULL,
      day INTEGER NOT NULL,
      currency INTEGER NOT NULL,
      service INTEGER NOT NULL,
      account INTEGER NOT NULL,
      usage_type INTEGER NOT NULL,
      region INTEGER NOT NULL,
      line_item_type INTEGER NOT NULL,
      unblended_whole INTEGER NOT NULL,
      unblended_fraction INTEGER NOT NULL,
      amortized_whole INTEGER NOT NULL,
      amortized_fraction INTEGER NOT NULL,
      net_unblended_whole INTEGER NOT NULL,
      net_unblended_fraction INTEGER NOT NULL,
      net_amortized_whole INTEGER NOT NULL,
      net_amortized_fraction INTEGER NOT NULL,
      PRIMARY KEY (period, day, currency, service, account, usage_type, region, line_item_type)
    ) WITHOUT ROWID;
    CREATE TABLE imported_file (
      id INTEGER PRIMARY KEY,
      batch INTEGER NOT NULL,
      path TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      format TEXT NOT NULL,
      rows_read INTEGER NOT NULL,
      rows_skipped INTEGER NOT NULL
    );
    CREATE TABLE imported_file_period (
      file INTEGER NOT NULL,
      position INTEGER NOT NULL,
      payer TEXT NOT NULL,
      month TEXT NOT NULL,
      PRIMARY KEY (file, position)
    ) WITHOUT ROWID;
    CREATE TABLE imported_file_total (
      file INTEGER NOT NULL,
      position INTEGER NOT NULL,
      line_item_type TEXT NOT NULL,
      currency TEXT NOT NULL,
      whole INTEGER NOT NULL,
      fraction INTEGER NOT NULL,
      PRIMARY KEY (file, position)
    ) WITHOUT ROWID;
    CREATE TABLE triage (
      anomaly TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('expected', 'not-expected', 'planned')),
      reason TEXT NOT NULL,
      decided_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    """
}

extension Schema {
  /// Version 2: `series` and `tag_set` without their UNIQUE indexes.
  ///
  /// In a bill like koku-nise's nearly every cell is its own series with its own tag set, so each
  /// imported cell paid two extra B-tree insertions at random places (a 9-column key and a text
  /// key) that no query reads. Uniqueness is kept by the importer's `StoreIDs`, which loads every
  /// stored series and tag set inside the import's write transaction and inserts only new ones.
  static let version2 = """
    CREATE TABLE series_v2 (
      id INTEGER PRIMARY KEY,
      account INTEGER NOT NULL,
      service INTEGER NOT NULL,
      usage_type INTEGER NOT NULL,
      operation INTEGER NOT NULL,
      region INTEGER NOT NULL,
      resource INTEGER NOT NULL,
      line_item_type INTEGER NOT NULL,
      currency INTEGER NOT NULL,
      tag_set INTEGER NOT NULL
    );
    INSERT INTO series_v2
      SELECT id, account, service, usage_type, operation, region, resource, line_item_type, currency, tag_set
      FROM series ORDER BY id;
    DROP TABLE series;
    ALTER TABLE series_v2 RENAME TO series;
    CREATE TABLE tag_set_v2 (
      id INTEGER PRIMARY KEY,
      signature TEXT NOT NULL
    );
    INSERT INTO tag_set_v2 SELECT id, signature FROM tag_set ORDER BY id;
    DROP TABLE tag_set;
    ALTER TABLE tag_set_v2 RENAME TO tag_set;
    """
}

extension Schema {
  /// Version 3: a series carries its tags inline (`series.tags`, see `SeriesTags`); the `tag_set`
  /// and `tag_pair` tables are gone.
  ///
  /// In a bill like koku-nise's nearly every cell is its own series with its own tag set, so each
  /// new cell cost a `tag_set` row and one `tag_pair` row per tag besides its series and cell rows
  /// (koku month: 118,592 tag sets and 340,889 pairs for 165,702 cells). Inline, a cell costs its
  /// series row and its cell row. Queries by tag read one tag with `json_extract`.
  static let version3 = """
    CREATE TABLE series_v3 (
      id INTEGER PRIMARY KEY,
      account INTEGER NOT NULL,
      service INTEGER NOT NULL,
      usage_type INTEGER NOT NULL,
      operation INTEGER NOT NULL,
      region INTEGER NOT NULL,
      resource INTEGER NOT NULL,
      line_item_type INTEGER NOT NULL,
      currency INTEGER NOT NULL,
      tags TEXT NOT NULL
    );
    INSERT INTO series_v3
      SELECT s.id, s.account, s.service, s.usage_type, s.operation, s.region, s.resource, s.line_item_type,
        s.currency,
        (SELECT json_group_object(CAST(p.key AS TEXT), p.value) FROM (
          SELECT tp.key, tp.value FROM tag_pair AS tp JOIN label AS l ON l.id = tp.key
          WHERE tp.tag_set = s.tag_set ORDER BY l.text) AS p)
      FROM series AS s ORDER BY s.id;
    DROP TABLE series;
    ALTER TABLE series_v3 RENAME TO series;
    DROP TABLE tag_pair;
    DROP TABLE tag_set;
    """
}

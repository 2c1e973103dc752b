import BillImport
import CubeSQL
import SpendModel
import Testing

/// The Trino and Athena dialects: parsed by sqlglot as Trino and Athena SQL, and, where the
/// dialects agree, transpiled to DuckDB and run over the same bills: the same cube as DuckDB's
/// own dialect and the importer.
@Suite("Trino/Athena SQL: sqlglot parses it; transpiled to DuckDB it gives the same cube")
struct TrinoDialectTests {
  /// Parses `sql` as Trino and Athena SQL and returns its DuckDB transpilation.
  static func checkAndTranspile(_ sql: String) throws -> String {
    let script = TestPaths.root + "/scripts/sqlglot-check.py"
    let result = try SQLTools.run(try SQLTools.python(), [script, "trino", "athena"], input: sql)
    #expect(result.status == 0, "sqlglot rejected the SQL: \(result.stderr)")
    return result.stdout
  }

  /// The DuckDB statements that make `name` a view over a bill read as text, as a table of strings.
  static func view(_ name: String, over path: String, format: SQLBillFormat) -> String {
    let nulls = format == .focus ? ", nullstr = ['', 'NULL', 'null', '\\N']" : ""
    let parts = name.split(separator: ".")
    return
      "CREATE SCHEMA \(parts[0]); CREATE VIEW \(name) AS SELECT * FROM read_csv('\(path)', header = true, "
      + "all_varchar = true, null_padding = true\(nulls));\n"
  }

  @Test(
    "differential: trino SQL through sqlglot into DuckDB equals the DuckDB dialect and the importer",
    arguments: [
      (SQLBillFormat.cur, "focus-converters/sample-anonymous-aws-export-dataset.csv", "cur_db.cur_table"),
      (.cur, "koku/aws/2023-06-01.csv", "cur_db.koku"),
      (.cur, "well-architected-labs/Nov2018-WorkshopCUR.csv.gz", "wa.workshop_cur"),
      (.focus, "focus-sample-data/focus_sample.csv", "focus_db.focus_sample"),
    ])
  func differential(format: SQLBillFormat, relative: String, table: String) throws {
    let path = TestPaths.shared(relative)
    let columns = try ColumnList.read(path: path)
    let trino = try CubeSQL.query(
      CubeSQLRequest(engine: .trino, format: format, source: .table(table), columns: columns))
    let transpiled = try Self.checkAndTranspile(trino)
    let viaTrino = try CubeComparison.run(Self.view(table, over: path, format: format) + transpiled)
    let (duck, _) = try CubeComparison.duckDBCube(format: format, glob: path)
    CubeComparison.expectSame(viaTrino, duck, "\(relative): trino vs duckdb")
    CubeComparison.expectSame(
      viaTrino, try CubeComparison.nativeCube([path]), "\(relative): trino vs importer")
  }

  @Test("differential with tags by key: json_extract_scalar in Trino is DuckDB's JSON path")
  func focusTagsByKey() throws {
    let path = TestPaths.shared("focus-sample-data/focus_sample.csv")
    let grain: Set<Dimension> = [.service, .tag("application"), .tag("environment")]
    let trino = try CubeSQL.query(
      CubeSQLRequest(
        engine: .trino, format: .focus, source: .table("f.focus"), columns: try ColumnList.read(path: path),
        grain: grain))
    #expect(trino.contains("json_extract_scalar(\"Tags\", '$[\"application\"]')"))
    let viaTrino = try CubeComparison.run(
      Self.view("f.focus", over: path, format: .focus) + Self.checkAndTranspile(trino))
    let (duck, _) = try CubeComparison.duckDBCube(format: .focus, glob: path, grain: grain)
    CubeComparison.expectSame(viaTrino, duck, "focus tag:application")
    #expect(viaTrino.rows.contains { $0.key.tags["application"] != nil })
  }

  @Test("Athena legacy CUR: year/month partitions prune to the months asked, and the cube is unchanged")
  func athenaYearMonthPruning() throws {
    let path = TestPaths.shared("koku/aws/2022-07-01-alt-columns.csv")
    let columns = try ColumnList.read(path: path)
    func athena(_ from: String, _ to: String) throws -> String {
      try CubeSQL.query(
        CubeSQLRequest(
          engine: .athena, format: .cur, source: .table("cur.alt"), columns: columns, from: Day(iso: from),
          to: Day(iso: to)))
    }
    let july = try athena("2022-07-01", "2022-07-31")
    #expect(july.contains("WHERE (\"year\" = '2022' AND \"month\" IN ('7'))"))
    let view = Self.view("cur.alt", over: path, format: .cur)
    let pruned = try CubeComparison.run(view + Self.checkAndTranspile(july))
    CubeComparison.expectSame(pruned, try CubeComparison.nativeCube([path]), "alt-columns July")
    let august = try athena("2022-08-01", "2022-09-30")
    #expect(august.contains("WHERE (\"year\" = '2022' AND \"month\" IN ('8', '9'))"))
    #expect(try CubeComparison.run(view + Self.checkAndTranspile(august)).isEmpty)
  }

  @Test("Athena partitions: year/month across a year end; billing_period for CUR 2.0 and FOCUS exports")
  func partitionPredicates() throws {
    let winter = try CubeSQL.query(
      CubeSQLRequest(
        engine: .athena, format: .cur, source: .table("cur_db.cur"),
        columns: SourceColumns.assumed(for: .cur, engine: .athena), from: Day(iso: "2018-11-15"),
        to: Day(iso: "2019-02-03")))
    #expect(
      winter.contains(
        "WHERE ((\"year\" = '2018' AND \"month\" IN ('11', '12')) OR (\"year\" = '2019' AND \"month\" IN ('1', '2')))"
      ))
    for format in [SQLBillFormat.cur2, .focus] {
      let sql = try CubeSQL.query(
        CubeSQLRequest(
          engine: .athena, format: format, source: .table("exports.data"),
          columns: SourceColumns.assumed(for: format, engine: .athena), from: Day(iso: "2024-03-01"),
          to: Day(iso: "2024-04-30")))
      #expect(sql.contains("WHERE \"billing_period\" >= '2024-03' AND \"billing_period\" <= '2024-04'"))
      _ = try Self.checkAndTranspile(sql)
    }
  }

  @Test(
    "CUR 2.0 in Trino: map columns read with element_at and json_format; sqlglot parses it",
    arguments: [
      SQLEngine.trino, .athena,
    ])
  func cur2Parses(engine: SQLEngine) throws {
    for grain in [nil, Set<Dimension>([.service, .region, .tag("team")])] {
      let sql = try CubeSQL.query(
        CubeSQLRequest(
          engine: engine, format: .cur2, source: .table("exports.cur2"),
          columns: SourceColumns.assumed(for: .cur2, engine: engine), grain: grain))
      #expect(sql.contains("element_at(\"product\", 'product_name')"))
      #expect(
        sql.contains(grain == nil ? "json_format(CAST(\"resource_tags\" AS JSON))" : "'$[\"user_team\"]'"))
      _ = try Self.checkAndTranspile(sql)
    }
  }
}

import BillImport
import CubeSQL
import SpendModel
import Testing

/// Runs the DuckDB dialect over bills and compares its cube with the importer's.
enum CubeComparison {
  /// The cube spendtop's own importer reads from `paths`.
  static func nativeCube(_ paths: [String], dimensions: Set<Dimension>? = nil) throws -> Cube {
    guard let dimensions else { return try BillReader.read(paths: paths).cube }
    return try BillReader.read(paths: paths, options: ImportOptions(dimensions: dimensions)).cube
  }

  /// The cube DuckDB computes with the emitted SQL over `glob`, read back through the cube CSV contract.
  static func duckDBCube(
    format: SQLBillFormat, glob: String, grain: Set<Dimension>? = nil, from: Day? = nil, to: Day? = nil
  ) throws -> (cube: Cube, sql: String) {
    let first = try #require(ColumnList.expand(glob: glob).first, "no file matches \(glob)")
    let request = CubeSQLRequest(
      engine: .duckdb, format: format, source: .files(glob), columns: try ColumnList.read(path: first),
      grain: grain, from: from, to: to)
    let sql = try CubeSQL.query(request)
    return (try run(sql), sql)
  }

  /// Runs SQL in DuckDB and reads the result as a cube CSV.
  static func run(_ sql: String) throws -> Cube {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.file("cube.csv")
    try SQLTools.runDuckDB(sql, writingTo: output)
    return try CubeCSV.read(path: output).cube
  }

  /// Cells by key, zero cells dropped (an engine and the importer may differ on keeping all-zero sums).
  static func cells(_ cube: Cube) -> [CubeKey: Costs] {
    var cells: [CubeKey: Costs] = [:]
    for row in cube.rows { cells[row.key, default: .zero] += row.costs }
    return cells
  }

  /// Records every cell that differs (up to five), with the total count.
  static func expectSame(_ actual: Cube, _ expected: Cube, _ label: String) {
    let a = cells(actual)
    let e = cells(expected)
    #expect(a.count == e.count, "\(label): \(a.count) cells from SQL, \(e.count) from the importer")
    var differences: [String] = []
    for (key, costs) in e where a[key] != costs {
      differences.append(
        "\(key.day) \(key.service) \(key.usageType) \(key.lineItemType): sql \(String(describing: a[key])) vs \(costs)"
      )
    }
    for key in a.keys where e[key] == nil { differences.append("only in SQL: \(key)") }
    #expect(differences.isEmpty, "\(label): \(differences.count) cells differ: \(differences.prefix(5))")
  }

  /// The totals of a cube on every basis.
  static func total(_ cube: Cube) -> Costs { cube.rows.reduce(Costs.zero) { $0 + $1.costs } }
}

import Foundation
import Testing

/// End to end with the real binary: `spendtop sql` piped into the DuckDB CLI, the result stored
/// with `spendtop import --cube`, and the store answering exactly as after a native import.
@Suite("spendtop sql | duckdb | spendtop import --cube")
struct CubeImportCommandTests {
  /// The `spendtop` executable next to this test bundle.
  static let spendtop: String = {
    let bundle =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("spendtop").path
  }()

  static func spendtop(_ arguments: [String]) throws -> SQLTools.Output {
    try SQLTools.run(spendtop, arguments)
  }

  static let grain = "day,payer,account,service,usage-type,operation,region,resource,line-item-type,currency"

  @Test("the incident bills: stored from the cube, every basis answers as the native import, to the 1e-10")
  func incidentBillsRoundTrip() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let glob = TestPaths.sample("incident-127k/spendtop-cur/*/spendtop-cur-*.csv.gz")
    let sql = try Self.spendtop(["sql", "--engine", "duckdb", "--format", "cur", "--files", glob])
    #expect(sql.status == 0, "\(sql.stderr)")
    let cubeFile = directory.file("cube.csv")
    try SQLTools.runDuckDB(sql.stdout, writingTo: cubeFile)

    let cubeStore = directory.file("cube.sqlite")
    let imported = try Self.spendtop(["import", "--db", cubeStore, "--cube", cubeFile])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("format   spendtop cube CSV"))
    #expect(imported.stdout.contains("091827364510:2026-10 (added)"))
    let nativeStore = directory.file("native.sqlite")
    let native = try Self.spendtop(["import", "--db", nativeStore, TestPaths.sample("incident-127k")])
    #expect(native.status == 0, "\(native.stderr)")

    for basis in ["unblended", "amortized", "net-unblended", "net-amortized"] {
      for by in [Self.grain, "month,service", "day,tag:team,tag:env"] {
        let fromCube = try Self.spendtop([
          "cube", "--db", cubeStore, "--by", by, "--basis", basis, "--format", "csv",
        ])
        let fromBills = try Self.spendtop([
          "cube", "--db", nativeStore, "--by", by, "--basis", basis, "--format", "csv",
        ])
        #expect(fromCube.status == 0 && fromBills.status == 0, "\(fromCube.stderr) \(fromBills.stderr)")
        #expect(fromCube.stdout.split(separator: "\n").count > 3)
        #expect(fromCube.stdout == fromBills.stdout, "--by \(by) --basis \(basis)")
      }
    }
  }

  @Test("re-importing a cube replaces its billing periods; the header is detected without --cube")
  func replacementAndDetection() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let bill = TestPaths.shared("focus-converters/sample-anonymous-aws-export-dataset.csv")
    let sql = try Self.spendtop(["sql", "--engine", "duckdb", "--format", "cur", "--files", bill])
    let cubeFile = directory.file("cube.csv")
    try SQLTools.runDuckDB(sql.stdout, writingTo: cubeFile)
    let store = directory.file("store.sqlite")
    let first = try Self.spendtop(["import", "--db", store, cubeFile])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("123412340534:2023-11 (added)"))
    let second = try Self.spendtop(["import", "--db", store, "--cube", cubeFile])
    #expect(second.stdout.contains("123412340534:2023-11 (replaced)"))
    #expect(second.stdout.contains("0 period(s) added, 1 replaced"))
    let imports = try Self.spendtop(["imports", "--db", store])
    #expect(imports.stdout.contains("spendtop cube CSV"))
    #expect(imports.stdout.contains("$1.68"))
  }

  @Test("a damaged cube names file, line and column; nothing is stored; bills and cubes do not mix")
  func errors() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let bad = directory.file("bad.csv")
    try """
    day,billing_period,payer_account,currency,unblended,amortized,net_unblended,net_amortized
    2024-03-01,2024-03,111122223333,USD,1.5,1.5,1.5,1.5
    2024-03-02,2024-03,111122223333,USD,1.5,abc,1.5,1.5

    """.write(toFile: bad, atomically: true, encoding: .utf8)
    let store = directory.file("store.sqlite")
    let result = try Self.spendtop(["import", "--db", store, "--cube", bad])
    #expect(result.status == 65)
    #expect(result.stderr.contains("bad.csv:3:6: expected a decimal amount, found \"abc\""))
    #expect(result.stderr.contains("nothing was imported"))
    let bill = TestPaths.shared("koku/aws/2023-06-01.csv")
    let mixed = try Self.spendtop(["import", "--db", store, "--cube", bill])
    #expect(mixed.status == 65)
    #expect(mixed.stderr.contains("not a cube CSV"))
  }

  @Test("sql: --files needs duckdb; missing required columns are named; --by rejects unknown dimensions")
  func sqlUsageErrors() throws {
    let trinoFiles = try Self.spendtop(["sql", "--engine", "trino", "--format", "cur", "--files", "x*.csv"])
    #expect(trinoFiles.status == 64)
    #expect(trinoFiles.stderr.contains("--files works with --engine duckdb only"))
    let focusAsCur = try Self.spendtop([
      "sql", "--engine", "duckdb", "--format", "cur", "--files",
      TestPaths.shared("focus-sample-data/focus_sample.csv"),
    ])
    #expect(focusAsCur.status == 64)
    #expect(focusAsCur.stderr.contains("no column line_item_usage_start_date, line_item_unblended_cost"))
    let badBy = try Self.spendtop([
      "sql", "--engine", "athena", "--format", "cur", "--table", "t", "--by", "colour",
    ])
    #expect(badBy.status == 64)
    let noMatch = try Self.spendtop([
      "sql", "--engine", "duckdb", "--format", "cur", "--files", "/nonexistent/*.csv",
    ])
    #expect(noMatch.status == 66)
  }

  @Test("sql: a range that cuts a month warns that importing it replaces the month with part of it")
  func partialMonthWarnings() throws {
    let base = ["sql", "--engine", "athena", "--format", "cur", "--table", "t"]
    let cut = try Self.spendtop(base + ["--from", "2026-10-05", "--to", "2026-11-15"])
    #expect(cut.status == 0)
    #expect(cut.stderr.contains("--from 2026-10-05 is not the first of a month"))
    #expect(cut.stderr.contains("replaces 2026-11 with the days up to 2026-11-15 only"))
    let whole = try Self.spendtop(base + ["--from", "2026-10-01", "--to", "2026-11-30"])
    #expect(whole.status == 0)
    #expect(!whole.stderr.contains("warning"))
    #expect(whole.stdout.contains("\"month\" IN ('10', '11')"))
  }
}

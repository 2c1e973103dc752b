import BillImport
import CubeSQL
import SpendModel
import Testing

/// The DuckDB dialect, run by the DuckDB CLI over every format with sample files, gives exactly
/// the cube spendtop's importer reads: every key and every cost basis, to the 1e-10.
@Suite("DuckDB runs the emitted SQL over real bills")
struct DuckDBCubeTests {
  @Test(
    "store grain: the SQL's cube equals the importer's",
    arguments: [
      (SQLBillFormat.cur, "focus-converters/sample-anonymous-aws-export-dataset.csv"),
      (.cur, "koku/aws/2023-06-01.csv"),
      (.cur, "koku/aws/2023-06-01-not-final.csv"),
      (.cur, "koku/test_cur.csv.gz"),
      (
        .cur,
        "koku/test_local_bucket/koku-local/20180801-20180901/16e57707-f9e3-49be-8be6-b84e684b5194/koku-local-1.csv.gz"
      ),
      (.cur, "koku/aws/2022-07-01-alt-columns.csv"),
      (.cur, "well-architected-labs/Oct2018-WorkshopCUR.csv.gz"),
      (.cur, "well-architected-labs/Nov2018-WorkshopCUR.csv.gz"),
      (.focus, "focus-sample-data/focus_sample.csv"),
      (.focus, "focus-spec/commitment_discount_scenarios/commitment_discount_usage_scenario_1.csv"),
      (
        .focus,
        "focus-spec/commitment_discount_flexibility/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv"
      ),
    ])
  func sharedBill(format: SQLBillFormat, relative: String) throws {
    let path = TestPaths.shared(relative)
    let native = try CubeComparison.nativeCube([path])
    let (sqlCube, _) = try CubeComparison.duckDBCube(format: format, glob: path)
    #expect(!native.isEmpty)
    CubeComparison.expectSame(sqlCube, native, relative)
  }

  @Test("sample-bills: every part of every month through one glob, tags included")
  func sampleBillsGlob() throws {
    let glob = TestPaths.sample("incident-127k/spendtop-cur/*/spendtop-cur-*.csv.gz")
    let native = try CubeComparison.nativeCube(ColumnList.expand(glob: glob))
    let (sqlCube, _) = try CubeComparison.duckDBCube(format: .cur, glob: glob)
    #expect(native.rows.contains { !$0.key.tags.isEmpty })
    CubeComparison.expectSame(sqlCube, native, "incident-127k")
    let total = CubeComparison.total(sqlCube)
    #expect(total == CubeComparison.total(native))
  }

  @Test("--by grain: service and a tag, the importer's projection of the same dimensions")
  func byGrain() throws {
    let glob = TestPaths.sample("quiet-quarter/larkspur-cur-daily/20261001-20261101/*.csv.gz")
    let grain: Set<Dimension> = [.service, .tag("team"), .lineItemType]
    let native = try CubeComparison.nativeCube(ColumnList.expand(glob: glob), dimensions: grain)
    let (sqlCube, sql) = try CubeComparison.duckDBCube(format: .cur, glob: glob, grain: grain)
    #expect(sql.contains("AS \"tag:team\""))
    #expect(!sql.contains("\"lineItem/UsageType\", '')"))
    // The SQL keeps the payer (the unit of replacement); the importer's projection drops it.
    let withoutPayer = Cube(
      rows: sqlCube.rows.map { row in
        var key = row.key
        key.payerAccount = ""
        return CubeRow(key: key, costs: row.costs)
      })
    CubeComparison.expectSame(withoutPayer, native, "quiet-quarter --by service,tag:team,line-item-type")
  }

  @Test("--from/--to keeps the days asked for, as the importer's filter does")
  func dateRange() throws {
    let path = TestPaths.shared("focus-converters/sample-anonymous-aws-export-dataset.csv")
    let from = try #require(Day(iso: "2023-11-05"))
    let to = try #require(Day(iso: "2023-11-09"))
    let native = try CubeComparison.nativeCube([path]).filtered(CubeFilter(from: from, to: to))
    let (sqlCube, _) = try CubeComparison.duckDBCube(format: .cur, glob: path, from: from, to: to)
    #expect(sqlCube.dayRange == from...to)
    #expect(!native.isEmpty)
    CubeComparison.expectSame(sqlCube, native, "focus-converters CUR 2023-11-05…09")
  }

  @Test("amortization is not a no-op on the WA-lab bill: RI rows move cost between bases")
  func amortizationMatters() throws {
    let path = TestPaths.shared("well-architected-labs/Oct2018-WorkshopCUR.csv.gz")
    let (sqlCube, _) = try CubeComparison.duckDBCube(format: .cur, glob: path)
    let total = CubeComparison.total(sqlCube)
    #expect(total.unblended != total.amortized)
    #expect(total.unblended.formatted(decimals: 2, grouping: false) == "4064.48")
  }
}

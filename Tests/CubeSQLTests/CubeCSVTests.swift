import CubeSQL
import Foundation
import SpendModel
import Testing

/// The cube CSV contract read back: by header name, tags from JSON and `tag:` columns, exact
/// amounts, gzip, and errors with line and column.
@Suite("Cube CSV contract")
struct CubeCSVTests {
  static func write(_ text: String, gzip: Bool = false) throws -> (TemporaryDirectory, String) {
    let directory = try TemporaryDirectory()
    let path = directory.file("cube.csv")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    guard gzip else { return (directory, path) }
    let result = try SQLTools.run("/usr/bin/gzip", ["-n", path])
    #expect(result.status == 0)
    return (directory, path + ".gz")
  }

  @Test("columns in any order, tags from JSON and tag: columns, equal keys summed, gzip read alike")
  func reads() throws {
    let text = #"""
      net_amortized,net_unblended,amortized,unblended,tag:team,tags,currency,service,payer_account,billing_period,day
      1,1,1.5,2.0000000001,web,"{""env"":""prod"",""n"":3,""empty"":""""}",USD,AmazonEC2,011122223333,2024-03,2024-03-01
      1,1,1.5,9.984E-7,web,"{""n"":3,""env"":""prod""}",USD,AmazonEC2,011122223333,2024-03,2024-03-01
      0,0,0,-3,,,,AWSSupport,011122223333,2024-03-01,2024-03-02

      """#
    for gzip in [false, true] {
      let (directory, path) = try Self.write(text, gzip: gzip)
      defer { directory.remove() }
      #expect(CubeCSV.isCubeFile(path))
      let file = try CubeCSV.read(path: path)
      #expect(file.rowsRead == 3)
      #expect(file.cube.count == 2)
      let ec2 = try #require(file.cube.rows.first { $0.key.service == "AmazonEC2" })
      #expect(ec2.key.tags == Tags([("team", "web"), ("env", "prod"), ("n", "3")]))
      #expect(ec2.key.payerAccount == "011122223333")
      #expect(ec2.costs.unblended == (try Money(parsing: "2.0000009985")))
      #expect(ec2.costs.amortized == (try Money(parsing: "3")))
      let support = try #require(file.cube.rows.first { $0.key.service == "AWSSupport" })
      #expect(support.key.currency == "USD")
      #expect(support.key.billingPeriod == Month(year: 2024, month: 3))
      #expect(support.key.tags.isEmpty)
    }
  }

  @Test("a bill is not a cube; a header without the amounts names what is missing")
  func notACube() throws {
    #expect(!CubeCSV.isCubeFile(TestPaths.shared("koku/aws/2023-06-01.csv")))
    let (directory, path) = try Self.write("day,billing_period,unblended\n2024-03-01,2024-03,1\n")
    defer { directory.remove() }
    #expect(
      throws: CubeSQLError.cubeFile(
        path: path, line: 1, column: nil,
        reason: "not a cube CSV: no column amortized, net_unblended, net_amortized (see spendtop sql --help)")
    ) { try CubeCSV.read(path: path) }
  }

  @Test("labels must be plain UTF-8 text: control characters and bad bytes are refused, in tags too")
  func hostileText() throws {
    let header = "day,billing_period,service,tags,unblended,amortized,net_unblended,net_amortized\n"
    let cases: [([UInt8], Int, String)] = [
      (
        Array("2024-03-01,2024-03,Amazon\u{1B}]0;pwned\u{07}EC2,,1,1,1,1\n".utf8), 3,
        "expected text without control characters, found U+001B at byte 6"
      ),
      (Array("2024-03-01,2024-03,Caf".utf8) + [0xE9] + Array(",,1,1,1,1\n".utf8), 3, "expected UTF-8 text"),
      (
        Array(#"2024-03-01,2024-03,S3,"{""team"":""a\u009b""}",1,1,1,1"#.utf8) + [0x0A], 4,
        "expected text without control characters, found U+009B at byte 1"
      ),
    ]
    for (row, column, reason) in cases {
      let directory = try TemporaryDirectory()
      defer { directory.remove() }
      let path = directory.file("cube.csv")
      #expect(FileManager.default.createFile(atPath: path, contents: Data(Array(header.utf8) + row)))
      #expect(throws: CubeSQLError.cubeFile(path: path, line: 2, column: column, reason: reason)) {
        try CubeCSV.read(path: path)
      }
    }
  }

  @Test("bad day, period and field count are reported with line and column")
  func rowErrors() throws {
    let header = "day,billing_period,unblended,amortized,net_unblended,net_amortized\n"
    let cases = [
      ("2024-3-01,2024-03,1,1,1,1\n", 2, 1 as Int?, "expected a day YYYY-MM-DD, found \"2024-3-01\""),
      ("2024-03-01,March,1,1,1,1\n", 2, 2, "expected a billing period YYYY-MM, found \"March\""),
      ("2024-03-01,2024-03,1,1,1\n", 2, nil, "expected 6 fields, found 5"),
    ]
    for (row, line, column, reason) in cases {
      let (directory, path) = try Self.write(header + row)
      defer { directory.remove() }
      #expect(throws: CubeSQLError.cubeFile(path: path, line: line, column: column, reason: reason)) {
        try CubeCSV.read(path: path)
      }
    }
  }
}

/// Column lists from a bill header, a CUR manifest and `SHOW COLUMNS` output.
@Suite("Column lists")
struct ColumnListTests {
  @Test("a bill's header, gzipped")
  func billHeader() throws {
    let names = try ColumnList.read(
      path: TestPaths.shared("well-architected-labs/Oct2018-WorkshopCUR.csv.gz"))
    #expect(names.count == 124)
    #expect(names.contains("line_item_unblended_cost"))
  }

  @Test("a legacy CUR manifest gives category/name")
  func manifest() throws {
    let names = try ColumnList.read(
      path: TestPaths.sample("incident-127k/spendtop-cur/20261001-20261101/spendtop-cur-Manifest.json"))
    #expect(names.count == 45)
    #expect(names.contains("lineItem/UnblendedCost"))
    #expect(names.contains("resourceTags/user:team"))
  }

  @Test("SHOW COLUMNS / DESCRIBE output: the first word of each line")
  func plainList() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("columns.txt")
    try "line_item_usage_start_date\ttimestamp\nline_item_unblended_cost   double\nyear\nmonth\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    #expect(
      try ColumnList.read(path: path) == [
        "line_item_usage_start_date", "line_item_unblended_cost", "year", "month",
      ])
  }
}

import SpendModel
import Testing

@testable import BillImport

/// Format detection from headers, and what each format's rows become.
struct FormatTests {
  @Test(arguments: [
    ("identity/LineItemId,lineItem/UnblendedCost", BillFormat.legacyCUR),
    ("IDENTITY/LINEITEMID,LINEITEM/UNBLENDEDCOST", .legacyCUR),
    ("line_item_usage_start_date,line_item_unblended_cost,product_product_name", .athenaCUR),
    ("line_item_usage_start_date,line_item_unblended_cost,product,resource_tags", .cur2),
    ("BilledCost,ChargePeriodStart,ServiceName", .focus(version: "1.0", awsColumns: false)),
    ("BilledCost,ChargePeriodStart,SkuMeter", .focus(version: "1.1", awsColumns: false)),
    ("BilledCost,ChargePeriodStart,InvoiceId,x_ServiceCode", .focus(version: "1.2", awsColumns: true)),
    ("BilledCost,ChargePeriodStart,x_CommitmentDiscountUnitPrice", .focus(version: "1.0", awsColumns: false)),
    ("Service,EC2-Instances($),Total costs($)", .costExplorer),
    ("Service,EC2-Instances($),Total costs ($)", .costExplorer),
  ])
  func detectsFormat(_ header: String, _ format: BillFormat) {
    let cells = header.split(separator: ",").map(String.init)
    #expect(FormatDetector.detect(header: cells) == .readable(format))
  }

  @Test func snakeCaseMatchesAthenaNaming() {
    #expect(LineItemColumns.snakeCase("lineItem/UnblendedCost") == "line_item_unblended_cost")
    #expect(LineItemColumns.snakeCase("reservation/ReservationARN") == "reservation_reservation_a_r_n")
    #expect(HeaderIndex.canonical("savingsPlan/SavingsPlanARN") == HeaderIndex.canonical("savings_plan_savings_plan_a_r_n"))
  }

  @Test func cur2MapColumnsGiveServiceRegionAndTags() throws {
    let cube = try BillReader.read(paths: [TestPaths.fixture("cur2-commitments.csv")]).cube
    let s3 = try #require(cube.rows.first { $0.key.usageType == "USE1-Requests-Tier1" })
    #expect(s3.key.service == "Amazon Simple Storage Service")  // empty product code: product['product_name']
    #expect(s3.key.region == "us-east-1")  // no product_region_code: product['region']
    #expect(s3.key.tags.isEmpty)
    let web = try #require(cube.rows.first { $0.key.resource == "i-0abc" })
    #expect(web.key.tags["team"] == "web")
    #expect(web.key.tags["env"] == "prod")
    #expect(web.key.account == "011254002932")
    #expect(web.key.payerAccount == "000123456789")
    #expect(web.key.billingPeriod == Month(year: 2026, month: 8))
    #expect(web.costs.netUnblended == Money(cents: 216))
    let byTeam = try cube.rollup(by: [.tag("team")], basis: .amortized)
    #expect(byTeam.rows.first { $0.values == ["api"] }?.cost == Money(cents: 11))  // SP usage 0.11, negation 0
  }

  @Test func costExplorerEmptyCellIsNoRecordButZeroIsARecord() throws {
    let imported = try BillReader.read(paths: [TestPaths.fixture("cost-explorer-service.csv")])
    let cells = imported.cube.rows
    let day = { (text: String) in Day(iso: text) }
    // "0" Tax on 2022-03-02 is a (zero) record; "" EC2-Instances on 2022-03-03 is none.
    #expect(cells.contains { $0.key.day == day("2022-03-02") && $0.key.service == "Tax" && $0.costs.isZero })
    #expect(!cells.contains { $0.key.day == day("2022-03-03") && $0.key.service == "EC2-Instances" })
    #expect(cells.count == 9)
    #expect(imported.summaries.first?.ignoredRows["total row"] == 1)
    #expect(imported.summaries.first?.defaultedBases[.amortized] != nil)
    #expect(cells.allSatisfy { $0.key.currency == "USD" })
    #expect(cells.contains { $0.key.service == "Claude ( Bedrock Edition)" })
  }

  @Test func costExplorerTagGroupingAndCurrency() throws {
    let cube = try BillReader.read(paths: [TestPaths.fixture("cost-explorer-tag.csv")]).cube
    #expect(cube.currencies == ["EUR"])
    let rollup = try cube.rollup(by: [.tag("Project")])
    #expect(rollup.rows.map(\.values) == [[""], ["web"]])
    #expect(rollup.rows.map(\.cost) == [Money(whole: 3), Money(cents: 1250)])
  }

  @Test func focusNullIsEmptyAndTagsComeFromJSON() throws {
    let cube = try BillReader.read(paths: [TestPaths.bill("focus-sample-data/focus_sample.csv")]).cube
    #expect(!cube.rows.contains { $0.key.region == "NULL" || $0.key.resource == "NULL" || $0.key.service == "NULL" })
    #expect(cube.rows.contains { !$0.key.tags.isEmpty })
    #expect(cube.rows.contains { $0.key.payerAccount.count == 13 })
  }

  @Test func projectionKeepsTotalsAndCollapsesCells() throws {
    let path = TestPaths.bill("koku/test_local_bucket/koku-local/20180801-20180901/16e57707-f9e3-49be-8be6-b84e684b5194/koku-local-1.csv.gz")
    let full = try BillReader.read(paths: [path])
    let projected = try BillReader.read(paths: [path], options: ImportOptions(dimensions: [.day, .service, .currency]))
    #expect(projected.cube.count < full.cube.count)
    #expect(try projected.cube.rollup(by: [.day, .service]).rows == full.cube.rollup(by: [.day, .service]).rows)
  }

  @Test func progressReportsEveryRowAndFile() throws {
    let path = TestPaths.bill("koku/test_local_bucket/koku-local/20180801-20180901/16e57707-f9e3-49be-8be6-b84e684b5194/koku-local-1.csv.gz")
    let last = Mutex<ImportProgress?>(nil)
    _ = try BillReader.read(paths: [path, TestPaths.bill("koku/test_cur.csv")]) { progress in
      last.withLock { $0 = progress }
    }
    let final = try #require(last.withLock { $0 })
    #expect(final.filesDone == 2)
    #expect(final.rowsRead == 13_380 + 19)
    #expect(final.bytesRead == final.bytesTotal)
  }
}

import Synchronization

import BillImport
import CubeSQL
import Foundation
import SpendModel
import Testing

/// No shared bill has Savings Plans, RI fees with net twins, or CUR 2.0's map columns, so this
/// hand-written CUR 2.0 file has one line of each amortization branch (formats.md §5), empty and
/// filled net fields, E-notation, JSON `product` and `resource_tags`: the DuckDB dialect must give
/// the importer's cube, branch by branch.
@Suite("CUR 2.0 commitments: every amortization branch, run by DuckDB")
struct CommitmentFixtureTests {
  static let header = [
    "bill_payer_account_id", "bill_billing_period_start_date", "line_item_usage_account_id",
    "line_item_line_item_type", "line_item_usage_start_date", "line_item_product_code", "line_item_usage_type",
    "line_item_operation", "line_item_resource_id", "line_item_currency_code", "line_item_unblended_cost",
    "line_item_net_unblended_cost", "product", "product_region_code", "resource_tags",
    "reservation_reservation_a_r_n", "reservation_effective_cost", "reservation_net_effective_cost",
    "reservation_unused_amortized_upfront_fee_for_billing_period", "reservation_unused_recurring_fee",
    "reservation_net_unused_amortized_upfront_fee_for_billing_period", "reservation_net_unused_recurring_fee",
    "savings_plan_savings_plan_effective_cost", "savings_plan_net_savings_plan_effective_cost",
    "savings_plan_total_commitment_to_date", "savings_plan_used_commitment",
  ].joined(separator: ",")

  /// type, product code, unblended, net unblended, tags, RI ARN, RI effective, net RI effective,
  /// unused upfront, unused recurring, net unused upfront, net unused recurring, SP effective, net SP
  /// effective, SP total commitment, SP used commitment.
  static let lines = [
    ("Usage", "AmazonS3", "1.25", "1.0", #"{""user_team"":""web"",""aws_createdBy"":""ci""}"#, "", "", "", "", "", "", "", "", "", "", ""),
    ("Usage", "", "2.5E-7", "", "", "", "", "", "", "", "", "", "", "", "", ""),
    ("SavingsPlanCoveredUsage", "AmazonEC2", "3.0", "2.9", #"{""user_team"":""api""}"#, "", "", "", "", "", "", "", "1.8", "1.7", "", ""),
    ("SavingsPlanCoveredUsage", "AmazonEC2", "1.0", "", "", "", "", "", "", "", "", "", "0.6", "", "", ""),
    ("SavingsPlanNegation", "AmazonEC2", "-3.0", "-2.9", "", "", "", "", "", "", "", "", "", "", "", ""),
    ("SavingsPlanRecurringFee", "ComputeSavingsPlans", "10.0", "9.5", "", "", "", "", "", "", "", "", "", "", "10.0", "7.75"),
    ("SavingsPlanUpfrontFee", "ComputeSavingsPlans", "100.0", "", "", "", "", "", "", "", "", "", "", "", "", ""),
    ("DiscountedUsage", "AmazonRDS", "0.0", "", "", "arn:aws:rds:ri-1", "0.42", "0.40", "", "", "", "", "", "", "", ""),
    ("DiscountedUsage", "AmazonRDS", "0.0", "", "", "arn:aws:rds:ri-1", "0.42", "", "", "", "", "", "", "", "", ""),
    ("RIFee", "AmazonRDS", "30.0", "28.0", "", "arn:aws:rds:ri-1", "", "", "2.5", "1.25", "2.25", "", "", "", "", ""),
    ("Fee", "AmazonRDS", "500.0", "", "", "arn:aws:rds:ri-1", "", "", "", "", "", "", "", "", "", ""),
    ("Fee", "AWSSupportBusiness", "100.0", "", "", "", "", "", "", "", "", "", "", "", "", ""),
    ("Credit", "AmazonEC2", "-1.5", "-1.5", "", "", "", "", "", "", "", "", "", "", "", ""),
  ]

  static func write(to path: String) throws {
    var text = header + "\n"
    for (index, line) in lines.enumerated() {
      let product = line.1.isEmpty ? #""{""product_name"":""Amazon Route 53"",""region"":""global""}""# : ""
      let fields = [
        "111122223333", "2024-03-01T00:00:00.000Z", "444455556666", line.0,
        "2024-03-\(index % 2 == 0 ? "01" : "02")T00:00:00Z", line.1, "Usage\(index)", "Op", "", "USD", line.2, line.3,
        product, line.1.isEmpty ? "" : "us-east-1", line.4.isEmpty ? "" : "\"\(line.4)\"", line.5, line.6, line.7,
        line.8, line.9, line.10, line.11, line.12, line.13, line.14, line.15,
      ]
      text += fields.joined(separator: ",") + "\n"
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  @Test("the DuckDB dialect's cube equals the importer's on all four bases, line by line")
  func everyBranch() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("cur2.csv")
    try Self.write(to: path)
    let native = try CubeComparison.nativeCube([path])
    #expect(native.count == Self.lines.count)
    let (sqlCube, sql) = try CubeComparison.duckDBCube(format: .cur2, glob: path)
    #expect(sql.contains("WHEN 'savingsplanrecurringfee'"))
    CubeComparison.expectSame(sqlCube, native, "CUR 2.0 fixture")
    let total = CubeComparison.total(sqlCube)
    // Unblended adds every line; amortized drops the negation, upfront fees and the RI's Fee,
    // and spreads commitments (formats.md §5).
    #expect(total.unblended.formatted(decimals: 8) == "740.75000025")
    #expect(total.amortized.formatted(decimals: 8) == "108.99000025")
    // Net twins where filled (Usage 1.0, SP 1.7, RI 0.40, RI fee upfront 2.25), else the gross value.
    #expect(total.netAmortized.formatted(decimals: 8) == "108.37000025")
    #expect(sqlCube.rows.contains { $0.key.tags["team"] == "web" && $0.key.tags["aws_createdBy"] == "ci" })
    #expect(sqlCube.rows.contains { $0.key.service == "Amazon Route 53" && $0.key.region == "global" })
  }
}

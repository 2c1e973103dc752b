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
  /// One line per amortization branch; empty net fields fall back to the gross value.
  static let text = #"""
    bill_payer_account_id,bill_billing_period_start_date,line_item_usage_account_id,line_item_line_item_type,\#
    line_item_usage_start_date,line_item_product_code,line_item_usage_type,line_item_operation,\#
    line_item_currency_code,line_item_unblended_cost,line_item_net_unblended_cost,product,product_region_code,\#
    resource_tags,reservation_reservation_a_r_n,reservation_effective_cost,reservation_net_effective_cost,\#
    reservation_unused_amortized_upfront_fee_for_billing_period,reservation_unused_recurring_fee,\#
    reservation_net_unused_amortized_upfront_fee_for_billing_period,reservation_net_unused_recurring_fee,\#
    savings_plan_savings_plan_effective_cost,savings_plan_net_savings_plan_effective_cost,\#
    savings_plan_total_commitment_to_date,savings_plan_used_commitment
    111122223333,2024-03-01T00:00:00.000Z,444455556666,Usage,2024-03-01T00:00:00Z,AmazonS3,U0,Op,USD,1.25,1.0,,\#
    us-east-1,"{""user_team"":""web"",""aws_createdBy"":""ci""}",,,,,,,,,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,Usage,2024-03-02T00:00:00Z,,U1,Op,USD,2.5E-7,,\#
    "{""product_name"":""Amazon Route 53"",""region"":""global""}",,,,,,,,,,,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,SavingsPlanCoveredUsage,2024-03-01T00:00:00Z,AmazonEC2,\#
    U2,Op,USD,3.0,2.9,,us-east-1,"{""user_team"":""api""}",,,,,,,,1.8,1.7,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,SavingsPlanCoveredUsage,2024-03-02T00:00:00Z,AmazonEC2,\#
    U3,Op,USD,1.0,,,us-east-1,,,,,,,,,0.6,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,SavingsPlanNegation,2024-03-01T00:00:00Z,AmazonEC2,U4,Op,\#
    USD,-3.0,-2.9,,us-east-1,,,,,,,,,,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,SavingsPlanRecurringFee,2024-03-02T00:00:00Z,\#
    ComputeSavingsPlans,U5,Op,USD,10.0,9.5,,us-east-1,,,,,,,,,,,10.0,7.75
    111122223333,2024-03-01T00:00:00.000Z,444455556666,SavingsPlanUpfrontFee,2024-03-01T00:00:00Z,\#
    ComputeSavingsPlans,U6,Op,USD,100.0,,,us-east-1,,,,,,,,,,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,DiscountedUsage,2024-03-02T00:00:00Z,AmazonRDS,U7,Op,USD,\#
    0.0,,,us-east-1,,arn:aws:rds:ri-1,0.42,0.40,,,,,,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,DiscountedUsage,2024-03-01T00:00:00Z,AmazonRDS,U8,Op,USD,\#
    0.0,,,us-east-1,,arn:aws:rds:ri-1,0.42,,,,,,,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,RIFee,2024-03-02T00:00:00Z,AmazonRDS,U9,Op,USD,30.0,28.0,,\#
    us-east-1,,arn:aws:rds:ri-1,,,2.5,1.25,2.25,,,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,Fee,2024-03-01T00:00:00Z,AmazonRDS,U10,Op,USD,500.0,,,\#
    us-east-1,,arn:aws:rds:ri-1,,,,,,,,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,Fee,2024-03-02T00:00:00Z,AWSSupportBusiness,U11,Op,USD,\#
    100.0,,,us-east-1,,,,,,,,,,,,
    111122223333,2024-03-01T00:00:00.000Z,444455556666,Credit,2024-03-01T00:00:00Z,AmazonEC2,U12,Op,USD,-1.5,\#
    -1.5,,us-east-1,,,,,,,,,,,,

    """#

  static let lineCount = 13

  static func write(to path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  @Test("the DuckDB dialect's cube equals the importer's on all four bases, line by line")
  func everyBranch() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("cur2.csv")
    try Self.write(to: path)
    let native = try CubeComparison.nativeCube([path])
    #expect(native.count == Self.lineCount)
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

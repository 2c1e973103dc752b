import Testing

@testable import SpendFormats
import SpendModel

/// CSV, JSON and table renderings of a rollup.
struct RollupRenderingTests {
  private func sample() throws -> RollupRenderer {
    let day = try #require(Day(iso: "2026-08-01"))
    func key(_ service: String) -> CubeKey {
      CubeKey(
        day: day, billingPeriod: day.month, payerAccount: "1", account: "011254002932", service: service,
        usageType: "", operation: "", region: "", resource: "", lineItemType: "Usage", currency: "USD")
    }
    let cube = Cube(rows: [
      CubeRow(key: key("AmazonEC2"), costs: Costs(all: try Money(parsing: "1234.5678901234"))),
      CubeRow(key: key("Amazon \"S3\", Glacier"), costs: Costs(all: try Money(parsing: "-0.5"))),
    ])
    let rollup = try cube.rollup(by: [.day, .service])
    return RollupRenderer(rollup: rollup, columnNames: ["day", "service"])
  }

  @Test func csvHasHeaderSixDecimalsAndQuoting() throws {
    #expect(try sample().csv() == """
      day,service,cost
      2026-08-01,"Amazon ""S3"", Glacier",-0.500000
      2026-08-01,AmazonEC2,1234.5678901234

      """)
  }

  @Test func jsonCostsAreExactNumbers() throws {
    #expect(try sample().json(complete: false) == """
      {"dimensions": ["day", "service"], "rows": [
        {"day": "2026-08-01", "service": "Amazon \\"S3\\", Glacier", "cost": -0.500000},
        {"day": "2026-08-01", "service": "AmazonEC2", "cost": 1234.5678901234}
      ], "complete": false}

      """)
  }

  @Test func tableIsAlignedWithSeparatorsAndTotal() throws {
    #expect(try sample().table(currency: "USD") == """
      day         service               cost (USD)
      2026-08-01  Amazon "S3", Glacier       -0.50
      2026-08-01  AmazonEC2               1,234.57
      --------------------------------------------
      total                               1,234.07

      """)
  }
}

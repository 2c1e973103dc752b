import Testing

@testable import SpendFormats
import SpendModel

/// CSV, JSON and table renderings of a rollup.
struct RollupRenderingTests {
  private func sampleCube() throws -> Cube {
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
    return cube
  }

  private func sample() throws -> RollupRenderer {
    RollupRenderer(rollup: try sampleCube().rollup(by: [.day, .service]), columnNames: ["day", "service"])
  }

  /// Compact groups render byte for byte as the rollup of the same cells, in every format, written
  /// whole or in pieces.
  @Test func compactGroupsRenderAsTheRollup() throws {
    let cube = try sampleCube()
    for grain: [Dimension] in [[.day, .service], [.service, .tag("team"), .account], [.resource]] {
      let names = grain.map(\.name)
      let plain = RollupRenderer(rollup: try cube.rollup(by: grain), columnNames: names)
      let grouped = RollupRenderer(grouped: try CompactCube(cube).grouped(by: grain), columnNames: names)
      #expect(grouped.csv() == plain.csv())
      #expect(grouped.json(complete: false) == plain.json(complete: false))
      #expect(grouped.table(currency: "USD") == plain.table(currency: "USD"))
      var pieces: [String] = []
      grouped.writeCSV { pieces.append($0) }
      #expect(pieces.joined() == plain.csv())
    }
    let later = CubeFilter(from: Day(ordinal: 30_000))
    let empty = try CompactCube(cube).grouped(by: [.day], filter: later)
    let none = RollupRenderer(grouped: empty, columnNames: ["day"])
    #expect(none.json() == "{\"dimensions\": [\"day\"], \"rows\": [], \"complete\": true}\n")
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

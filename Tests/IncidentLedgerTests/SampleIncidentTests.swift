import BillImport
import IncidentLedger
import SpendModel
import Testing

/// The done-when check of the ledger: the bundled sample incident, computed from the bundled
/// sample bills, tells the story's numbers.
@Suite struct SampleIncidentTests {
  static let bills = packageRoot + "/sample-bills/incident-127k"
  static let ledger = LedgerFolder(path: packageRoot + "/sample-bills/ledger")

  func costs() throws -> (Incident, IncidentCosts) {
    let cube = try BillReader.read(paths: [Self.bills]).cube
    let incident = try Self.ledger.load(id: "INC-2026-10-bill-spike").incident
    return (incident, CostEvaluator.evaluate(incident, bills: cube))
  }

  @Test func sampleLedgerShowsTheStoryFromTheBills() throws {
    let (_, costs) = try costs()
    let overage = try #require(costs.lines.first { $0.category == .awsOverage })
    #expect(overage.source == .bill)
    let overageAmount = try #require(overage.amount)
    // Independently: Python csv + Decimal over the sample CSV parts with the same rule (per series
    // and weekday, the median of Sep 3–30; fees and tax against the same day of September; credits
    // left out) gives 46796.18680048155; the story says "about $47,000".
    #expect(overageAmount.formatted(decimals: 2) == "46796.19")
    #expect(abs((overageAmount - money("46796.18680048155")).doubleValue) < 1e-6)
    #expect(abs((overageAmount - Money(whole: 47_000)).doubleValue) < 500)

    let runRate = try #require(costs.lines.first { $0.category == .runRateIncrease })
    #expect(runRate.source == .bill)
    // ElastiCache cost 9.888 a day in September and 79.008 in November 1–28 (labels.json):
    // (79.008 − 9.888) × 365 ÷ 12 = 2,102.40 a month; × 12 = 25,228.80 ("about $25,200").
    #expect(runRate.runRate?.monthlyBefore == money("300.76"))
    #expect(runRate.runRate?.monthlyAfter == money("2403.16"))
    #expect(runRate.amount == money("25228.8"))

    #expect(costs.total(of: .engineeringTime) == Money(whole: 28_900))
    #expect(costs.total(of: .revenueLoss) == Money(whole: 12_000))
    #expect(costs.total(of: .lostVelocity) == Money(whole: 14_000))
    #expect(costs.total(of: .customerCredits) == .zero)
    let total = try #require(costs.total)
    #expect(total == overageAmount + money("25228.8") + Money(whole: 28_900 + 12_000 + 14_000))
    #expect(abs((total - Money(whole: 127_100)).doubleValue) < 500)
  }

  @Test func sampleExportHasEverySection() throws {
    let (incident, costs) = try costs()
    let cube = try BillReader.read(paths: [Self.bills]).cube
    let markdown = PostmortemMarkdown.render(incident, costs, bills: cube)
    #expect(markdown.contains("| **Total cost** | **$126,924.99** |"))
    #expect(markdown.contains("| Permanent run-rate increase | +$2,102.40 a month |"))
    for heading in [
      "## Cost breakdown", "## Daily spend around the window", "## Anomalies and root causes",
      "## Timeline (UTC)",
      "## Action items",
    ] {
      #expect(markdown.contains(heading))
    }
    // The chart shows 14 days either side of the 31-day window, one line a day, plus its header.
    let chart = markdown.split(separator: "```text")[1].split(separator: "```")[0]
    #expect(chart.split(separator: "\n").count == 14 + 31 + 14 + 1)
  }
}

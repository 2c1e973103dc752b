import Foundation
import IncidentLedger
import SpendFormats
import SpendModel
import Testing

/// JSON contracts and the Markdown postmortem (golden file).
@Suite struct ExportTests {
  /// A small incident with every category, over hand-built bills (see BillFormulaTests for the numbers).
  static func incident() -> Incident {
    Incident(
      id: "INC-7", title: "Redis | cache step", status: .resolved, start: day("2026-10-01"),
      end: day("2026-10-07"),
      notes: "Cache filled up.\nScaled out, then upgraded.",
      series: [SeriesSelector(service: "AmazonElastiCache")],
      anomalies: [
        LinkedAnomaly(
          kind: "step", start: day("2026-10-01"), end: day("2026-10-02"),
          series: SeriesSelector(service: "AmazonElastiCache", usageType: "NodeUsage:cache.r6g.large"),
          impact: Money(whole: 400), rootCause: "NodeUsage:cache.r6g.large, 3 extra shards")
      ],
      rates: LoadedRates(annualCost: Money(whole: 208_000)),
      timeline: [
        TimelineEntry(at: UTCTime(day: day("2026-10-02"), hour: 9, minute: 0), text: "Scaled back"),
        TimelineEntry(at: UTCTime(day: day("2026-10-01"), hour: 6, minute: 30), text: "Memory alarm"),
      ],
      actionItems: [ActionItem(text: "Set TTLs", owner: "platform", due: day("2026-10-20"), done: true)],
      costLines: [
        CostLine(description: "AWS overage", inputs: .awsOverage(AWSOverageInputs())),
        CostLine(
          description: "Commander",
          inputs: .engineeringTime(
            EngineeringTimeInputs(
              people: 1, hours: Money(whole: 10), role: .commander, reviewHours: Money(whole: 1)))),
        CostLine(
          description: "Checkout down",
          inputs: .revenueLoss(
            RevenueLossInputs(
              degradedHours: Money(whole: 2), revenuePerHour: Money(whole: 500))),
          note: "From the sales dashboard", owner: "finance"),
        CostLine(
          description: "SLA credit",
          inputs: .customerCredits(CustomerCreditsInputs(amount: Money(whole: 250)))),
        CostLine(
          description: "Bigger node", inputs: .runRateIncrease(RunRateInputs(monthlyDelta: money("150.5")))),
        CostLine(
          description: "Sprint slip", inputs: .lostVelocity(LostVelocityInputs(engineerDays: Money(whole: 2)))
        ),
      ])
  }

  static func bills() -> Cube {
    var bills = BillBuilder()
    for day in day("2026-09-03")...day("2026-09-30") { bills.add(day, day.weekday >= 6 ? "40" : "100") }
    for (offset, amount) in ["300", "300", "40", "100", "100", "100", "100"].enumerated() {
      bills.add(day("2026-10-01").advanced(by: offset), amount)
    }
    return bills.cube
  }

  @Test func listJSONWorksWithoutBills() {
    let incident = Self.incident()
    let json = LedgerJSON.list([(incident, CostEvaluator.evaluate(incident, bills: nil))]).rendered()
    // 1,100 + 1,000 + 250 + 1,806 + 1,600 = 5,756 known; the overage is missing.
    #expect(
      json == """
        {
          "incidents": [
            {
              "id": "INC-7",
              "title": "Redis | cache step",
              "start": "2026-10-01",
              "end": "2026-10-07",
              "total": null,
              "knownTotal": 5756,
              "missing": [
                "aws-overage"
              ]
            }
          ]
        }

        """)
  }

  @Test func showJSONHasLinesInputsAndTotals() throws {
    let incident = Self.incident()
    let json = LedgerJSON.incident(incident, CostEvaluator.evaluate(incident, bills: Self.bills())).rendered()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["id", "title", "start", "end", "status", "lines", "totals", "missing"])
    let totals = try #require(object["totals"] as? [String: Any])
    // Overage 1,040 − 580 = 460: actual 300 + 300 + 40 + 100 × 4 against Thu–Wed baselines
    // 100 + 100 + 40 + 40 + 100 × 3 (Sunday's 100 against 40 counts too).
    #expect(totals["aws-overage"] as? Int == 460)
    #expect(totals["engineering-time"] as? Int == 1_100)
    #expect(totals["revenue-loss"] as? Int == 1_000)
    #expect(totals["customer-credits"] as? Int == 250)
    #expect(totals["run-rate-increase"] as? Int == 1_806)
    #expect(totals["lost-velocity"] as? Int == 1_600)
    #expect(totals["total"] as? Int == 6_216)
    let lines = try #require(object["lines"] as? [[String: Any]])
    #expect(lines.map { $0["category"] as? String } == CostCategory.allCases.map(\.rawValue))
    #expect(lines[0]["source"] as? String == "bill")
    #expect(lines[0]["actual"] as? Int == 1_040)
    #expect(lines[1]["hourlyRate"] as? Int == 100)
    #expect(lines[1]["role"] as? String == "commander")
    #expect(lines[4]["monthlyDelta"] as? Double == 150.5)
    #expect(json.contains("\"monthlyDelta\": 150.5,"))
  }

  @Test func markdownMatchesGolden() throws {
    let incident = Self.incident()
    let bills = Self.bills()
    let markdown = PostmortemMarkdown.render(
      incident, CostEvaluator.evaluate(incident, bills: bills), bills: bills)
    let golden = packageRoot + "/Tests/IncidentLedgerTests/Golden/postmortem.md"
    if ProcessInfo.processInfo.environment["SPENDTOP_UPDATE_GOLDEN"] == "1" {
      try markdown.write(toFile: golden, atomically: true, encoding: .utf8)
    }
    #expect(markdown == (try String(contentsOfFile: golden, encoding: .utf8)))
  }

  @Test func markdownWithoutBillsSaysWhatIsMissing() {
    let incident = Self.incident()
    let markdown = PostmortemMarkdown.render(
      incident, CostEvaluator.evaluate(incident, bills: nil), bills: nil)
    #expect(markdown.contains("| **Total cost** | **incomplete ($5,756.00 known)** |"))
    #expect(markdown.contains("No bills given"))
  }

  @Test func textTablesAlignAndFlagMissing() {
    let incident = Self.incident()
    let list = LedgerText.list([(incident, CostEvaluator.evaluate(incident, bills: nil))])
    #expect(
      list == """
        ID     START       END         STATUS           TOTAL  TITLE
        INC-7  2026-10-01  2026-10-07  resolved  ≥ $5,756.00*  Redis | cache step
        * bill-derived lines missing: pass bill PATHs or --db (or import the bills) to compute them

        """)
  }
}

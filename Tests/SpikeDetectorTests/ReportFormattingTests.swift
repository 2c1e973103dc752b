import SpendModel
import SpikeDetector
import Testing

@Suite("Report formatting")
struct ReportFormattingTests {
  private func report() -> DetectionReport {
    let day = Day(year: 2026, month: 10, day: 3)
    let anomaly = Anomaly(
      kind: .step, direction: .up, start: day, end: day.advanced(by: 2), detected: day,
      account: "012345678901",
      service: "AmazonElastiCache", usageType: "USE1-NodeUsage:cache.r6g.4xlarge", region: "us-east-1",
      actual: Money(units: 12_345_678_901_234), expected: Money(cents: 30_000),
      impact: Money(units: 12_342_678_901_234),
      impactPercent: nil, score: 0.875,
      contributors: [
        Contributor(
          account: "012345678901", service: "AmazonElastiCache",
          usageType: "USE1-NodeUsage:cache.r6g.4xlarge",
          region: "us-east-1", resource: "arn:\"redis\"", impact: Money(cents: 123_400), share: 1)
      ])
    let notice = Notice(
      kind: .credit, day: day, account: "012345678901", service: "AmazonEC2", usageType: "Credit", region: "",
      lineItemType: "Credit", amount: Money(cents: -5000), expected: nil)
    return DetectionReport(anomalies: [anomaly], notices: [notice], dataRange: day...day.advanced(by: 2))
  }

  @Test("JSON follows the contract, money from exact decimals, null impactPercent")
  func json() {
    let text = ReportFormatting.json(report())
    #expect(text.hasPrefix("{\"anomalies\": ["))
    #expect(
      text.contains(
        "\"kind\": \"step\", \"start\": \"2026-10-03\", \"end\": \"2026-10-05\", \"detected\": \"2026-10-03\""
      ))
    #expect(text.contains("\"account\": \"012345678901\""))
    #expect(text.contains("\"actual\": 1234.5678901234, \"expected\": 300, \"impact\": 1234.2678901234"))
    #expect(text.contains("\"impactPercent\": null, \"score\": 0.8750"))
    #expect(text.contains("\"resource\": \"arn:\\\"redis\\\"\", \"impact\": 1234, \"share\": 1.0000"))
    #expect(text.contains("\"notices\": [\n  {\"kind\": \"credit\", \"day\": \"2026-10-03\""))
    #expect(text.contains("\"amount\": -50, \"expected\": null"))
  }

  @Test("CSV has one row per anomaly with its top contributor")
  func csv() {
    let lines = ReportFormatting.csv(report()).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[1].hasPrefix("step,2026-10-03,2026-10-05,2026-10-03,012345678901,AmazonElastiCache,"))
    #expect(lines[1].hasSuffix(",\"arn:\"\"redis\"\"\",1.0000"))
  }
}

import Reports
import SpendFormats
import SpendModel
import SpikeDetector
import Testing

/// The weekly report's anomalies: the detector's events of the week, with status, root cause, triage.
@Suite struct WeeklyAnomalyTests {
  private func report(_ dataset: String, end: String, triage: [String: AnomalyTriage] = [:]) throws
    -> WeeklyReport
  {
    let cube = try SampleBills.cube(dataset)
    var report = try WeeklyReport(cube: cube, options: WeeklyOptions(end: Day(iso: end)))
    report.addAnomalies(from: cube, triage: triage)
    return report
  }

  @Test("quiet-quarter: the week of Sep 15 lists the new region eu-west-1 as opened")
  func newRegionWeek() throws {
    let anomalies = try #require(try report("quiet-quarter", end: "2026-09-21").anomalies)
    let found = try #require(anomalies.first { $0.anomaly.region == "eu-west-1" })
    #expect(found.status == .opened)
    #expect(found.anomaly.kind == .new)
    #expect(found.anomaly.service == "AmazonEC2")
    #expect(found.anomaly.start.description == "2026-09-15")
    #expect(found.rootCause.contains("EU-BoxUsage:m6i"))
    let markdown = WeeklyMarkdown(report: try report("quiet-quarter", end: "2026-09-21")).render()
    #expect(markdown.contains("## Anomalies"))
    #expect(markdown.contains("| opened | new | 2026-09-15–2026-09-21 | AmazonEC2 |"))
  }

  @Test("quiet-quarter: the ramp's last weeks list the CloudWatch Logs ingestion, and eu-west-1 still open")
  func rampWeeks() throws {
    for end in ["2026-10-25", "2026-10-31"] {
      let anomalies = try #require(try report("quiet-quarter", end: end).anomalies)
      let ramp = anomalies.first {
        $0.anomaly.service == "AmazonCloudWatch" && $0.anomaly.usageType == "CAN1-DataProcessing-Bytes"
      }
      #expect(ramp != nil, "week ending \(end)")
      #expect(ramp?.anomaly.region == "ca-central-1")
      #expect(anomalies.contains { $0.anomaly.region == "eu-west-1" && $0.status == .stillOpen })
    }
  }

  @Test("a quiet week before any incident lists none, and says so")
  func quietWeek() throws {
    let quiet = try report("quiet-quarter", end: "2026-09-07")
    #expect(quiet.anomalies?.isEmpty == true)
    #expect(WeeklyMarkdown(report: quiet).render().contains("The detector reported no anomaly"))
  }

  @Test("JSON: detect's object plus status, root cause and triage; the same anomalies as detect --as-of")
  func json() throws {
    let cube = try SampleBills.cube("incident-127k")
    var settings = DetectorSettings()
    settings.asOf = Day(iso: "2026-10-11")
    settings.since = Day(iso: "2026-10-05")
    let detected = try SpendDetector(settings: settings).detect(cube).anomalies
    let first = try #require(detected.first)
    let triage = [first.key: AnomalyTriage(verdict: .unexpected, reason: "data transfer: SELECT *")]
    let week = try report("incident-127k", end: "2026-10-11", triage: triage)
    #expect(week.anomalies?.map(\.anomaly) == detected)
    let document = try JSONParser.parse(WeeklyJSON(report: week).render())
    let list = try #require(document["anomalies"]?.arrayValue)
    #expect(list.count == detected.count)
    let top = try #require(list.first)
    #expect(top["kind"]?.stringValue == first.kind.rawValue)
    #expect(top["start"]?.stringValue == first.start.description)
    #expect(top["impact"]?.numberText == first.impact.exactDecimal())
    #expect(top["contributors"]?.arrayValue?.isEmpty == false)
    #expect(top["triage"]?["state"]?.stringValue == "not-expected")
    #expect(top["triage"]?["reason"]?.stringValue == "data transfer: SELECT *")
    #expect(list.dropFirst().allSatisfy { $0["triage"] == .null })
    #expect(list.allSatisfy { ["opened", "still-open"].contains($0["status"]?.stringValue) })
  }
}

/// The weekly report's ledger section: incidents whose window touches the week.
@Suite struct WeeklyIncidentSectionTests {
  @Test("an incident touches a week when they share a day")
  func touches() throws {
    let week = try #require(ReportPeriod(parsing: "2026-10-05..2026-10-11"))
    func incident(_ start: String, _ end: String) throws -> WeeklyIncident {
      WeeklyIncident(
        id: "INC-x", title: "x", status: "open", start: try #require(Day(iso: start)),
        end: try #require(Day(iso: end)), total: .zero)
    }
    #expect(try incident("2026-10-01", "2026-10-05").touches(week))
    #expect(try incident("2026-10-11", "2026-10-20").touches(week))
    #expect(try incident("2026-09-01", "2026-10-31").touches(week))
    #expect(try !incident("2026-10-12", "2026-10-20").touches(week))
    #expect(try !incident("2026-09-01", "2026-10-04").touches(week))
  }

  @Test("markdown, text and JSON list the incidents; no ledger read leaves the section out")
  func rendering() throws {
    var report = try WeeklyReport(
      cube: try SampleBills.cube("incident-127k"), options: WeeklyOptions(end: Day(iso: "2026-10-11")))
    #expect(!WeeklyMarkdown(report: report).render().contains("Incidents touched"))
    #expect(try JSONParser.parse(WeeklyJSON(report: report).render())["incidents"] == .null)
    let total = try Money(parsing: "127043.18")
    report.incidents = [
      WeeklyIncident(
        id: "INC-2026-10-bill-spike", title: "October | bill", status: "closed",
        start: try #require(Day(iso: "2026-10-01")), end: try #require(Day(iso: "2026-10-31")), total: total)
    ]
    let markdown = WeeklyMarkdown(report: report).render()
    #expect(
      markdown.contains(
        "| INC-2026-10-bill-spike | October \\| bill | closed | 2026-10-01–2026-10-31 | $127,043.18 |"))
    #expect(WeeklyText(report: report).render().contains("INC-2026-10-bill-spike"))
    let json = try JSONParser.parse(WeeklyJSON(report: report).render())
    let listed = try #require(json["incidents"]?.arrayValue?.first)
    #expect(listed["total"]?.numberText == "127043.18")
    #expect(listed["id"]?.stringValue == "INC-2026-10-bill-spike")
    report.incidents = []
    #expect(WeeklyMarkdown(report: report).render().contains("No ledger incident touches the week."))
  }
}

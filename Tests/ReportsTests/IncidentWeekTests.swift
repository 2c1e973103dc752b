import Reports
import SpendFormats
import SpendModel
import Testing

/// The weekly report of an incident's first week names the incident among its movers.
///
/// Incidents come from `sample-bills/labels.json` (ground truth written by the sample generator).
@Suite struct IncidentWeekTests {
  struct Label: Sendable, CustomTestStringConvertible {
    var dataset: String
    var service: String
    var usageType: String
    var kind: String
    var start: Day
    var testDescription: String { "\(dataset) \(service) \(usageType) from \(start)" }
  }

  static let labels: [Label] = {
    guard let text = try? ReportFile.read(TestPaths.root + "/sample-bills/labels.json"),
      let document = try? JSONParser.parse(text), let list = document["incidents"]?.arrayValue
    else { return [] }
    return list.compactMap { entry in
      guard let dataset = entry["dataset"]?.stringValue, let service = entry["service"]?.stringValue,
        let usageType = entry["usage_type"]?.stringValue, let kind = entry["kind"]?.stringValue,
        let start = entry["start"]?.stringValue.flatMap(Day.init(iso:))
      else { return nil }
      return Label(dataset: dataset, service: service, usageType: usageType, kind: kind, start: start)
    }
  }()

  @Test("labels.json is read")
  func labelsRead() {
    #expect(Self.labels.count == 11)
    #expect(Set(Self.labels.map(\.dataset)) == ["incident-127k", "quiet-quarter"])
  }

  @Test(
    "the week starting on an incident's first day lists its service and usage type among the top 10 movers",
    arguments: labels)
  func incidentWeekNamesTheIncident(label: Label) throws {
    let report = try WeeklyReport(
      cube: try SampleBills.cube(label.dataset), options: WeeklyOptions(end: label.start.advanced(by: 6)))
    let movers = report.movers.compactMap(\.group)
    #expect(movers.contains { $0.service == label.service && $0.usageType == label.usageType })
    #expect(report.serviceMovers.prefix(5).contains { $0.service == label.service })
    if label.kind == "new" {
      #expect(
        report.newSpend.contains { $0.group?.usageType == label.usageType }, "new usage is listed as new")
    }
  }

  @Test(
    "quiet-quarter's slow log ramp is the largest usage mover in each of its last three weeks",
    arguments: ["2026-10-18", "2026-10-25", "2026-10-31"])
  func rampLeadsLateOctober(end: String) throws {
    let report = try WeeklyReport(
      cube: try SampleBills.cube("quiet-quarter"), options: WeeklyOptions(end: Day(iso: end)))
    let top = try #require(report.movers.first?.group)
    #expect(top.service == "AmazonCloudWatch")
    #expect(top.usageType == "CAN1-DataProcessing-Bytes")
    #expect((report.movers.first?.change.delta ?? .zero) > Money(whole: 30))
  }

  @Test("quiet-quarter's new region is new spend in its first week, and not after 35 days")
  func newRegion() throws {
    let cube = try SampleBills.cube("quiet-quarter")
    let first = try WeeklyReport(cube: cube, options: WeeklyOptions(end: Day(iso: "2026-09-21")))
    #expect(
      Set(first.newSpend.compactMap(\.group?.usageType))
        == ["EU-BoxUsage:m6i.xlarge", "EU-BoxUsage:m6i.2xlarge", "EU-EBS:VolumeUsage.gp3"])
    let later = try WeeklyReport(cube: cube, options: WeeklyOptions(end: Day(iso: "2026-10-31")))
    #expect(later.newSpend.isEmpty)
  }
}

import BillImport
import Foundation
import SpendModel
import SpikeDetector
import Testing

/// The detector on the bundled sample bills, checked against `sample-bills/labels.json`.
@Suite("Sample bills")
struct SampleBillTests {
  /// One labelled incident leaf from labels.json.
  struct Label {
    var dataset: String
    var incident: String
    var service: String
    var usageType: String
    var account: String
    var start: Day
  }

  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  static func labels() throws -> [Label] {
    let data = try Data(contentsOf: root.appendingPathComponent("sample-bills/labels.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let incidents = try #require(json["incidents"] as? [[String: Any]])
    return try incidents.map { entry in
      Label(
        dataset: try #require(entry["dataset"] as? String),
        incident: try #require(entry["incident"] as? String),
        service: try #require(entry["service"] as? String),
        usageType: try #require(entry["usage_type"] as? String),
        account: try #require(entry["account"] as? String),
        start: try #require(Day(iso: entry["start"] as? String ?? "")))
    }
  }

  static func detect(_ dataset: String, _ configure: (inout DetectorSettings) -> Void = { _ in }) throws
    -> DetectionReport
  {
    let cube = try BillReader.read(paths: [root.appendingPathComponent("sample-bills/\(dataset)").path]).cube
    var settings = DetectorSettings()
    configure(&settings)
    return try SpendDetector(settings: settings).detect(cube)
  }

  /// The anomalies that report an incident: same service, a leaf of the incident among the top
  /// contributors' usage types, starting within a day of its onset.
  static func matches(_ anomaly: Anomaly, _ leaves: [Label]) -> Bool {
    guard let first = leaves.map(\.start).min() else { return false }
    return anomaly.service == leaves[0].service && abs(anomaly.start.distance(to: first)) <= 1
      && leaves.contains { $0.usageType == anomaly.contributors.first?.usageType }
  }

  @Test("incident-127k: every incident once, on its first day, with its usage type on top; nothing else")
  func incident127k() throws {
    let report = try SampleBillTests.detect("incident-127k")
    let labels = try SampleBillTests.labels().filter { $0.dataset == "incident-127k" }
    // One expected anomaly per (incident, service): select-star's two EC2 usage types are one.
    let groups = Dictionary(grouping: labels) { "\($0.incident)|\($0.service)|\($0.start)" }
    var unmatched = report.anomalies
    for (_, leaves) in groups.sorted(by: { $0.key < $1.key }) {
      let position = try #require(
        unmatched.firstIndex { SampleBillTests.matches($0, leaves) }, "no anomaly for \(leaves[0].incident)")
      let anomaly = unmatched.remove(at: position)
      #expect(anomaly.detected == anomaly.start, "\(leaves[0].incident) detected late")
      #expect(anomaly.account == leaves[0].account)
    }
    #expect(unmatched.isEmpty, "unlabelled anomalies: \(unmatched.map { "\($0.service) \($0.start)" })")
    // The October overage shows in the impacts: the five usage incidents add up to ~$45k.
    let total = report.anomalies.reduce(Money.zero) { $0 + $1.impact }
    #expect(total.doubleValue > 40_000 && total.doubleValue < 50_000)
    // Support and tax grew with usage: notices, not anomalies.
    #expect(report.notices.contains { $0.kind == .derivedCharge && $0.lineItemType == "Tax" })
  }

  @Test("incident-127k as of the onset day already names the Redis upgrade's first step")
  func asOfOnset() throws {
    let report = try SampleBillTests.detect("incident-127k") { $0.asOf = Day(year: 2026, month: 10, day: 3) }
    #expect(
      report.anomalies.contains {
        $0.service == "AmazonElastiCache" && $0.detected == Day(year: 2026, month: 10, day: 3)
      })
    let before = try SampleBillTests.detect("incident-127k") { $0.asOf = Day(year: 2026, month: 10, day: 1) }
    #expect(before.anomalies.isEmpty)
  }

  @Test("quiet-quarter: the new region on its first day, the log ramp before the data ends, nothing else")
  func quietQuarter() throws {
    let report = try SampleBillTests.detect("quiet-quarter")
    let labels = try SampleBillTests.labels().filter { $0.dataset == "quiet-quarter" }
    let region = labels.filter { $0.incident == "new-region-eu-west-1" }
    let ramp = labels.filter { $0.incident == "log-ingest-ramp" }
    let newRegion = try #require(report.anomalies.first { SampleBillTests.matches($0, region) })
    #expect(newRegion.kind == .new)
    #expect(newRegion.detected == region[0].start)
    #expect(newRegion.region == "eu-west-1")
    let logs = try #require(report.anomalies.first { $0.service == "AmazonCloudWatch" })
    #expect(logs.contributors.first?.usageType == ramp[0].usageType)
    #expect(logs.start >= ramp[0].start)
    #expect(report.anomalies.count == 2)
  }
}

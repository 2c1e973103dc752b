import BillImport
import Foundation
import SpendModel
import SpikeDetector
import Testing

/// A month missing between imported ones (never imported, or `spendtop forget`) is a gap in the
/// data, not a month of $0: the sample incident with September taken out.
@Suite("Data gaps")
struct DataGapTests {
  static let bills: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("sample-bills/incident-127k").path
  }()

  static let september = Day(year: 2026, month: 9, day: 1)...Day(year: 2026, month: 9, day: 30)

  static func withoutSeptember() throws -> Cube {
    let full = try BillReader.read(paths: [bills]).cube
    return Cube(rows: full.rows.filter { !september.contains($0.key.day) })
  }

  @Test("the gap is reported and no series steady before it is called new after it")
  func noNewAfterAGap() throws {
    let cube = try Self.withoutSeptember()
    let report = try SpendDetector().detect(cube)
    #expect(report.gaps == [Self.september])
    let august = Set(
      cube.rows.filter { $0.key.day.month == Self.september.lowerBound.advanced(by: -1).month }
        .map { "\($0.key.service)|\($0.key.usageType)" })
    let wronglyNew = report.anomalies.filter { anomaly in
      anomaly.kind == .new
        && anomaly.contributors.contains { august.contains("\($0.service)|\($0.usageType)") }
    }
    #expect(wronglyNew.isEmpty, "\(wronglyNew.map { "\($0.service) \($0.usageType) \($0.impact)" })")
    // The incident is still found, from the first day after the gap, as a change against August.
    let ec2 = try #require(report.anomalies.first { $0.service == "AmazonEC2" })
    #expect(ec2.kind != .new)
    let october = Day(year: 2026, month: 10, day: 1)
    #expect(ec2.start == october || ec2.start == october.advanced(by: 1))
    #expect(try #require(ec2.impactPercent) < 10_000)
    #expect(report.anomalies.contains { $0.service == "AmazonElastiCache" && $0.kind == .new })
  }

  @Test("data with no gap reports none")
  func noGap() throws {
    let report = try SpendDetector().detect(try BillReader.read(paths: [Self.bills]).cube)
    #expect(report.gaps.isEmpty)
  }
}

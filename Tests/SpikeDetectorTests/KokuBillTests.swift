import BillImport
import Foundation
import SpendModel
import SpikeDetector
import Testing

/// The detector on koku's generated AWS bill (`../shared/bills/koku/test_local_bucket`): noisy EBS
/// snapshot leaves that come and go, where events span days above and below their baseline.
@Suite("Koku bill")
struct KokuBillTests {
  static let bill: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.deletingLastPathComponent().appendingPathComponent("shared/bills/koku/test_local_bucket").path
  }()

  static func detect(includeDecreases: Bool) throws -> DetectionReport {
    let cube = try BillReader.read(paths: [bill]).cube
    var settings = DetectorSettings()
    settings.includeDecreases = includeDecreases
    return try SpendDetector(settings: settings).detect(cube)
  }

  /// An anomaly as text, shares rounded to 1e-9.
  static func summary(_ anomaly: Anomaly) -> String {
    let contributors = anomaly.contributors.map {
      "\($0.account) \($0.usageType) \($0.resource) \($0.impact) \(($0.share * 1e9).rounded())"
    }
    return "\(anomaly.kind) \(anomaly.start) \(anomaly.end) \(anomaly.detected) \(anomaly.account) "
      + "\(anomaly.usageType) \(anomaly.actual) \(anomaly.expected) \(anomaly.score) \(contributors)"
  }

  @Test("without --include-decreases no anomaly has a negative impact")
  func noDecreaseByDefault() throws {
    let report = try Self.detect(includeDecreases: false)
    #expect(!report.anomalies.isEmpty)
    let wrongWay = report.anomalies.filter { $0.impact <= .zero || $0.direction != .up }
    #expect(wrongWay.isEmpty, "\(wrongWay.map { "\($0.kind) \($0.start) \($0.usageType) \($0.impact)" })")
  }

  @Test("--include-decreases adds decreases and leaves every increase as it was")
  func decreasesOnlyAdd() throws {
    let increases = try Self.detect(includeDecreases: false).anomalies
    let both = try Self.detect(includeDecreases: true).anomalies
    // Shares are Double sums over resources (order-dependent in the last bit): compare to 1e-9.
    #expect(both.filter { $0.direction == .up }.map(Self.summary) == increases.map(Self.summary))
    let decreases = both.filter { $0.direction == .down }
    #expect(!decreases.isEmpty)
    #expect(decreases.allSatisfy { $0.impact < .zero })
  }

  @Test("contributors: the finest level whose top one has ≥ 10% share, every one listed ≥ 10%")
  func contributorsFollowOneRule() throws {
    let anomalies = try Self.detect(includeDecreases: false).anomalies
    for anomaly in anomalies {
      let top = try #require(anomaly.contributors.first)
      #expect(top.share >= 0.1, "\(anomaly.start) \(anomaly.impact): top \(top.resource) \(top.share)")
      #expect(anomaly.contributors.allSatisfy { abs($0.share) >= 0.1 })
    }
    // The $25k step spreads over hundreds of snapshots (none ≥ 10%): its leaves are listed instead,
    // and together they explain nearly all of it.
    let step = try #require(anomalies.first { $0.start == Day(year: 2018, month: 6, day: 20) })
    #expect(step.contributors.allSatisfy { $0.resource.isEmpty && $0.account != "*" })
    #expect(step.contributors.reduce(0) { $0 + $1.share } > 0.9)
  }
}

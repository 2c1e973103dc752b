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
    #expect(both.filter { $0.direction == .up } == increases)
    let decreases = both.filter { $0.direction == .down }
    #expect(!decreases.isEmpty)
    #expect(decreases.allSatisfy { $0.impact < .zero })
  }
}

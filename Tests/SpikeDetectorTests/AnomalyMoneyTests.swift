import BillImport
import Foundation
import SpendModel
import SpikeDetector
import Testing

/// An anomaly's money on real bills: whole cents everywhere, `impact == actual − expected`
/// exactly, in the model and in every output format, and contributions that add up to the impact.
@Suite("Anomaly money")
struct AnomalyMoneyTests {
  /// The bills: the two sample sets and two shared ones (decreases too, for negative impacts).
  static let bills = [
    "sample-bills/incident-127k", "sample-bills/quiet-quarter", "../shared/bills/well-architected-labs",
    "../shared/bills/koku/test_local_bucket",
  ]

  static func detect(_ relative: String, _ configure: (inout DetectorSettings) -> Void = { _ in }) throws
    -> DetectionReport
  {
    let cube = try BillReader.read(paths: [SampleBillTests.root.appendingPathComponent(relative).path]).cube
    var settings = DetectorSettings()
    settings.includeDecreases = true
    configure(&settings)
    return try SpendDetector(settings: settings).detect(cube)
  }

  static func isWholeCents(_ money: Money) -> Bool { money.units % (Money.unitsPerWhole / 100) == 0 }

  @Test(arguments: bills)
  func everyAmountIsWholeCentsAndAddsUpInEveryFormat(_ bill: String) throws {
    let report = try Self.detect(bill)
    #expect(!report.anomalies.isEmpty)
    for anomaly in report.anomalies {
      #expect(Self.isWholeCents(anomaly.actual), "\(anomaly.service) actual \(anomaly.actual)")
      #expect(Self.isWholeCents(anomaly.expected), "\(anomaly.service) expected \(anomaly.expected)")
      #expect(anomaly.impact == anomaly.actual - anomaly.expected)
      for contributor in anomaly.contributors {
        #expect(Self.isWholeCents(contributor.impact), "\(contributor.resource) impact \(contributor.impact)")
      }
    }
    // CSV and JSON print the amounts exactly; the table's two decimals lose nothing.
    let rows = ReportFormatting.csv(report).split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(rows.count == report.anomalies.count)
    for (row, anomaly) in zip(rows, report.anomalies) where row.count == 16 {
      let actual = try Money(parsing: row[8])
      let expected = try Money(parsing: row[9])
      let impact = try Money(parsing: row[10])
      #expect(actual - expected == impact, "\(row)")
      #expect(impact == anomaly.impact)
    }
    let json = ReportFormatting.json(report)
    for anomaly in report.anomalies {
      #expect(
        json.contains(
          "\"actual\": \(anomaly.actual.exactDecimal()), \"expected\": \(anomaly.expected.exactDecimal()), "
            + "\"impact\": \(anomaly.impact.exactDecimal()),"))
      for amount in [anomaly.actual, anomaly.expected, anomaly.impact] {
        #expect(try Money(parsing: amount.formatted(decimals: 2)) == amount)
      }
    }
  }

  @Test(arguments: bills)
  func allContributionsAddUpToTheImpactAndASoleOneIsTheImpact(_ bill: String) throws {
    let all = try Self.detect(bill) {
      $0.minContributorShare = 0
      $0.maxContributors = .max
    }
    let top = try Self.detect(bill)
    #expect(all.anomalies.count == top.anomalies.count)
    var sole = 0
    for (anomaly, listed) in zip(all.anomalies, top.anomalies) {
      #expect(anomaly.contributors.reduce(Money.zero) { $0 + $1.impact } == anomaly.impact)
      if anomaly.contributors.count == 1 {
        sole += 1
        #expect(listed.contributors.count == 1)
        #expect(listed.contributors.first?.impact == listed.impact)
      }
    }
    if bill.hasSuffix("quiet-quarter") { #expect(sole > 0) }
  }
}

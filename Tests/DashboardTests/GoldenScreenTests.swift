import BillImport
import Dashboard
import Foundation
import IncidentLedger
import SpendModel
import Testing

/// The cube of `sample-bills/incident-127k`, read once with the real importer.
enum SampleBills {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let incident: DashboardData? = {
    let path = root.appendingPathComponent("sample-bills/incident-127k").path
    guard let bills = try? BillReader.read(paths: [path]) else { return nil }
    return DashboardData(cube: bills.cube, sources: ["sample-bills/incident-127k"])
  }()

  /// The same bills with what the composition root adds: the detector's anomalies and the sample
  /// ledger (`sample-bills/ledger`) with its bill-derived lines computed from these bills.
  static let incidentWithFindings: DashboardData? = {
    guard var data = incident else { return nil }
    data.anomalies = AnomalyItems.detect(in: data.cube).items
    let ledger = LedgerFolder(path: root.appendingPathComponent("sample-bills/ledger").path)
    guard let incidents = try? LedgerItems.incidents(in: ledger, cube: data.cube) else { return nil }
    data.incidents = incidents
    return data
  }()
}

/// Every screen after a scripted key sequence, at 80×24 and 120×40, against golden files.
///
/// Every screen is rendered from `sample-bills/incident-127k` (anomalies from the real detector,
/// incidents from `sample-bills/ledger`); the `fixture-*` snapshots render a small code fixture
/// that keeps the widgets' edge cases (triage states, long names) pinned independently of the
/// detector's tuning.
@Suite struct GoldenScreenTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  /// Key scripts on the sample bills and the snapshot name of the screen they lead to.
  static let sampleScripts: [(name: String, keys: String)] = [
    ("overview", ""),
    ("overview-october", "<"),
    ("explorer", "2"),
    ("explorer-elasticache", "2/elasticache<Enter><Enter>"),
    ("explorer-elasticache-october", "2</elasticache<Enter><Enter>"),
    ("explorer-by-account", "2b"),
    ("explorer-by-line-item-type", ":group line-item-type<Enter>"),
    ("help", "?"),
    ("palette", ":g"),
  ]

  @Test func sampleBillsImport() throws {
    let data = try #require(SampleBills.incident)
    #expect(data.today == Day(year: 2026, month: 11, day: 28))
  }

  @Test(arguments: sampleScripts)
  func sampleScreen(_ script: (name: String, keys: String)) throws {
    let data = try #require(SampleBills.incident)
    for size in GoldenScreenTests.sizes {
      var harness = Harness(size: size, data: data)
      harness.press(script.keys)
      Snapshot.assert(harness.render(), named: "\(script.name)-\(size.width)x\(size.height)")
    }
  }

  /// Key scripts on the sample bills with the detector's and the ledger's findings.
  static let findingScripts: [(name: String, keys: String)] = [
    ("sample-overview-findings", ""),
    ("sample-anomalies", "3"),
    ("sample-anomaly-detail", "3<Enter>"),
    ("sample-ledger", "4"),
    ("sample-ledger-lines", "4<Enter>"),
  ]

  @Test func sampleFindingsAreTheDetectorsAndTheLedgers() throws {
    let data = try #require(SampleBills.incidentWithFindings)
    #expect(data.anomalies.count >= 6)
    #expect(data.anomalies.contains { $0.series.hasPrefix("AWSLambda") && $0.start == Day(year: 2026, month: 10, day: 5) })
    #expect(data.incidents.map(\.id) == ["INC-2026-10-bill-spike"])
    #expect(data.incidents.first?.lines.allSatisfy { $0.amount != nil } == true)
  }

  @Test(arguments: findingScripts)
  func sampleFindingScreen(_ script: (name: String, keys: String)) throws {
    let data = try #require(SampleBills.incidentWithFindings)
    for size in GoldenScreenTests.sizes {
      var harness = Harness(size: size, data: data)
      harness.press(script.keys)
      Snapshot.assert(harness.render(), named: "\(script.name)-\(size.width)x\(size.height)")
    }
  }

  /// Key scripts on the code fixture (anomalies and incidents included).
  static let scripts: [(name: String, keys: String)] = [
    ("overview", ""),
    ("anomalies", "3"),
    ("anomaly-detail", "3<Enter>"),
    ("triage-form", "3tover-cached sessions"),
    ("triage-form-no-reason", "3t<Enter>"),
    ("ledger", "4"),
    ("ledger-lines", "4<Enter>"),
    ("line-form", "4<Enter>a"),
  ]

  @Test(arguments: scripts)
  func screen(_ script: (name: String, keys: String)) {
    for size in GoldenScreenTests.sizes {
      var harness = Harness(size: size)
      harness.press(script.keys)
      Snapshot.assert(harness.render(), named: "fixture-\(script.name)-\(size.width)x\(size.height)")
    }
  }

  @Test func tooSmallTerminalShowsTheMinimum() {
    var harness = Harness(size: Size(width: 80, height: 24))
    harness.send(.resize(Size(width: 50, height: 12)))
    Snapshot.assert(harness.render(), named: "too-small-50x12")
  }

  @Test func loadingShowsProgress() {
    var harness = Harness(data: nil)
    harness.send(
      .loadProgress(LoadProgress(item: "incident-127k/20261001-20261101/cur-00001.csv.gz", done: 3, total: 8))
    )
    Snapshot.assert(harness.render(), named: "loading-80x24")
  }

  @Test func monochromeKeepsAttributesOnly() {
    let harness = Harness(depth: .monochrome)
    Snapshot.assert(harness.render(), named: "fixture-overview-mono-80x24")
  }
}

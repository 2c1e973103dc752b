import BillImport
import Dashboard
import Foundation
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
}

/// Every screen after a scripted key sequence, at 80×24 and 120×40, against golden files.
///
/// Overview, Explorer, help and palette are rendered from `sample-bills/incident-127k`. Anomalies
/// and the ledger use the code fixture until the detector and the ledger land (their screens
/// need their output); those snapshots are named `fixture-*`.
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

  /// Key scripts on the code fixture (anomalies and incidents included).
  static let scripts: [(name: String, keys: String)] = [
    ("overview", ""),
    ("anomalies", "3"),
    ("anomaly-detail", "3<Enter>"),
    ("triage-form", "3tover-cached sessions"),
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

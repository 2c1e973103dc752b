import Dashboard
import Testing

/// Every screen after a scripted key sequence, at 80×24 and 120×40, against golden files.
@Suite struct GoldenScreenTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  /// Key scripts and the snapshot name of the screen they lead to.
  static let scripts: [(name: String, keys: String)] = [
    ("overview", ""),
    ("explorer", "2"),
    ("explorer-elasticache", "2<Enter>"),
    ("explorer-by-account", "2b"),
    ("explorer-october", "2<<"),
    ("anomalies", "3"),
    ("anomaly-detail", "3<Enter>"),
    ("triage-form", "3tover-cached sessions"),
    ("ledger", "4"),
    ("ledger-lines", "4<Enter>"),
    ("line-form", "4<Enter>a"),
    ("help", "?"),
    ("palette", ":g"),
  ]

  @Test(arguments: scripts)
  func screen(_ script: (name: String, keys: String)) {
    for size in GoldenScreenTests.sizes {
      var harness = Harness(size: size)
      harness.press(script.keys)
      Snapshot.assert(harness.render(), named: "\(script.name)-\(size.width)x\(size.height)")
    }
  }

  @Test func tooSmallTerminalShowsTheMinimum() {
    var harness = Harness(size: Size(width: 80, height: 24))
    harness.send(.resize(Size(width: 50, height: 12)))
    Snapshot.assert(harness.render(), named: "too-small-50x12")
  }

  @Test func loadingShowsProgress() {
    var harness = Harness(data: nil)
    harness.send(.loadProgress(LoadProgress(item: "incident-127k/20261001-20261101/cur-00001.csv.gz", done: 3, total: 8)))
    Snapshot.assert(harness.render(), named: "loading-80x24")
  }

  @Test func monochromeKeepsAttributesOnly() {
    let harness = Harness(depth: .monochrome)
    Snapshot.assert(harness.render(), named: "overview-mono-80x24")
  }
}

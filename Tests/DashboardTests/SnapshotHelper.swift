import Dashboard
import Foundation
import Testing

/// Golden screens: the text of a frame, a grid of style markers and a legend of the styles.
///
/// Files live in `Tests/DashboardTests/__Snapshots__/NAME.txt`. A missing file is recorded (and
/// the test fails so that it is looked at); `RECORD_SNAPSHOTS=1` re-records all.
enum Snapshot {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "__Snapshots__")

  /// The snapshot text of a screen.
  static func text(of screen: Screen) -> String {
    var markers: [Style: Character] = [:]
    var legend: [String] = []
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    var styleLines: [String] = []
    for y in 0..<screen.size.height {
      var line = ""
      for x in 0..<screen.size.width {
        let style = screen[x, y].style
        if markers[style] == nil {
          let marker = markers.count < alphabet.count ? alphabet[markers.count] : "?"
          markers[style] = marker
          legend.append("\(marker) \(style.legend)")
        }
        line.append(markers[style] ?? "?")
      }
      styleLines.append(line)
    }
    let border = "+" + String(repeating: "-", count: screen.size.width) + "+"
    let textLines = screen.lines.map { "|" + $0 + "|" }
    return ([border] + textLines + [border, "", "styles:"] + styleLines + ["", "legend:"] + legend).joined(
      separator: "\n") + "\n"
  }

  /// Compares a screen with its golden file.
  static func assert(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation)
  {
    let actual = text(of: screen)
    let file = directory.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try? actual.write(to: file, atomically: true, encoding: .utf8)
      Issue.record("recorded snapshot \(name); run the tests again", sourceLocation: sourceLocation)
      return
    }
    guard expected != actual else { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let old = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
      let new = index < actualLines.count ? String(actualLines[index]) : "<none>"
      if old != new { report.append("line \(index + 1):\n  - " + old + "\n  + " + new) }
      if report.count >= 8 { break }
    }
    let message =
      "snapshot \(name) differs (RECORD_SNAPSHOTS=1 to re-record):\n" + report.joined(separator: "\n")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}

import Foundation
import SpikeDetector
import Testing

/// Sharp seasonal edges in generic mode, on NAB's noiseless daily square wave.
@Suite("Generic series mode: seasonal edges")
struct GenericSeasonTests {
  /// `../shared/nab` from the package root (3 levels up from this file).
  static let nab: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.deletingLastPathComponent().appendingPathComponent("shared/nab")
  }()

  @Test("a perfect daily square wave stops alarming once its adopted profile has settled")
  func squareWaveSettles() throws {
    let file = GenericSeasonTests.nab.appendingPathComponent(
      "data/artificialNoAnomaly/art_daily_perfect_square_wave.csv")
    let points = try SeriesCSV.parse(try String(contentsOf: file, encoding: .utf8))
    let result = GenericSeriesDetector().score(points)
    let rowsPerDay = 288
    #expect(result.period == rowsPerDay)
    // The period is adopted at the 1,024-row check (three days and a half in); until then a daily
    // edge can look like a jump. Past seasonal deviations are then re-taken against a trailing
    // one-period mean and, once the profile has settled, the expected value is the same phase's
    // median, which puts each edge at its exact slot; without them, edges alarmed a slot later
    // each day to the end of the file.
    let flagged = result.scores.indices.filter { result.scores[$0] >= 0.5 }
    #expect(flagged.allSatisfy { $0 < 1_024 })
  }
}

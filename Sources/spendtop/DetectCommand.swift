import ArgumentParser
import Foundation
import SpendModel
import SpikeDetector

/// `spendtop detect`: spend anomalies with root cause, or anomaly scores for a generic series.
struct DetectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "detect",
    abstract: "Find anomalies in a generic timestamp,value series (spend bills: see PATH mode below).",
    discussion: """
      Series mode: spendtop detect --series FILE.csv [--period N] [--format csv|json]
      reads a timestamp,value CSV (gaps, duplicate and out-of-order timestamps tolerated) and \
      prints timestamp,value,anomaly_score for every row in input order. Scores are in [0, 1] and \
      ≥ 0.5 on the row where an anomaly is raised; each row's score uses only earlier rows. The \
      seasonal period (in rows of the median interval) is detected when not given.
      """)

  /// Output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
  }

  @Option(name: .long, help: "A timestamp,value CSV to score (generic series mode).")
  var series: String?

  @Option(name: .long, help: "Seasonal period in rows of the median interval (default: detected).")
  var period: Int?

  @Option(name: .long, help: "Output format: table, json or csv (series mode: csv or json; default csv).")
  var format: Format?

  mutating func validate() throws {
    if let period, period < 2 { throw ValidationError("--period must be at least 2") }
    guard series != nil else { throw ValidationError("give --series FILE.csv") }
    if format == .table { throw ValidationError("series mode prints csv or json") }
  }

  mutating func run() throws {
    guard let series else { return }
    try runSeries(path: series)
  }

  // MARK: - Series mode

  private func runSeries(path: String) throws {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ValidationError("cannot read \(path): \(error.localizedDescription)")
    }
    let points: [SeriesPoint]
    do {
      points = try SeriesCSV.parse(text)
    } catch {
      throw ValidationError("\(path):\(error.description)")
    }
    let result = GenericSeriesDetector(period: period).score(points)
    var out = ""
    if format == .json {
      out = SeriesFormatting.json(points: points, result: result)
    } else {
      out.reserveCapacity(points.count * 40)
      out += "timestamp,value,anomaly_score\n"
      for (point, score) in zip(points, result.scores) {
        out += point.timestamp + "," + SeriesFormatting.number(point.value) + ","
          + SeriesFormatting.score(score) + "\n"
      }
    }
    FileHandle.standardOutput.write(Data(out.utf8))
  }
}

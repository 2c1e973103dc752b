import SpendModel
import SpikeDetector
import SpikeEvaluation

/// Times the detector core over many generated daily leaf series.
enum SpeedBenchmark {
  static func run(series: Int, days: Int) -> String {
    let firstDay = Day(year: 2025, month: 1, day: 1)
    let data = generate(series: series, days: days, firstDay: firstDay)
    let parameters = DetectorSettings().seriesParameters
    let clock = ContinuousClock()
    var events = 0
    let elapsed = clock.measure {
      events = SpendDetector.events(
        inEach: data, firstDay: firstDay, parameters: parameters, includeDecreases: false
      )
      .reduce(0) { $0 + $1.count }
    }
    return "detect: \(series) series × \(days) days: \(elapsed) (\(events) events)"
  }

  /// Every event found on the benchmark's series (decreases included), one line each, for
  /// checking that a speed change leaves the results identical.
  static func digest(series: Int, days: Int) -> String {
    let firstDay = Day(year: 2025, month: 1, day: 1)
    let data = generate(series: series, days: days, firstDay: firstDay)
    let found = SpendDetector.events(
      inEach: data, firstDay: firstDay, parameters: DetectorSettings().seriesParameters, includeDecreases: true)
    var lines: [String] = []
    for (index, events) in found.enumerated() {
      for event in events { lines.append("\(index) \(event)") }
    }
    return lines.joined(separator: "\n")
  }

  /// The benchmark's series: 5–505 $/day, 5% noise, half with weekend dips, one spike in 50.
  static func generate(series: Int, days: Int, firstDay: Day) -> [[Double]] {
    var random = SplitMix64(seed: 42)
    var data: [[Double]] = []
    data.reserveCapacity(series)
    for index in 0..<series {
      let base = 5 + 500 * random.unit()
      let weekly = random.unit() < 0.5
      var values = [Double](repeating: 0, count: days)
      for day in 0..<days {
        let weekend = weekly && firstDay.advanced(by: day).weekday >= 6 ? 0.7 : 1
        values[day] = max(0, base * weekend * (1 + 0.05 * random.normal()))
      }
      if index % 50 == 0 { values[days / 2] *= 4 }
      data.append(values)
    }
    return data
  }
}

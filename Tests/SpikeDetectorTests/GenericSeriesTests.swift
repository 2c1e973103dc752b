import SpikeDetector
import SpikeEvaluation
import Testing

@Suite("Generic series mode")
struct GenericSeriesTests {
  /// An hourly series with a daily cycle and noise, as CSV rows.
  private func hourly(hours: Int, spikeAt spike: Int? = nil, stepAt step: Int? = nil) -> [String] {
    var random = SplitMix64(seed: 11)
    var rows: [String] = []
    for hour in 0..<hours {
      let day = 1 + hour / 24
      let stamp = "2026-03-\(day < 10 ? "0" : "")\(day) \(hour % 24 < 10 ? "0" : "")\(hour % 24):00:00"
      var value = 100 + (hour % 24 >= 9 && hour % 24 < 18 ? 50 : 0) + 3 * random.normal()
      if hour == spike { value += 80 }
      if let step, hour >= step { value += 40 }
      rows.append("\(stamp),\(value)")
    }
    return rows
  }

  @Test("a metric back from a long run of zeros is not a new series (zero is a value)")
  func zerosAreValues() {
    var model = SeriesModel(parameters: .generic(period: nil))
    var rules: [AlarmRule] = []
    let values = [Double](repeating: 5, count: 50) + [Double](repeating: 0, count: 40) + [5]
    for (slot, value) in values.enumerated() {
      rules.append(contentsOf: model.observe(value, slot: slot).alarms.map(\.rule))
    }
    #expect(!rules.contains(.new))
    // Spend keeps the rule: a line item back after 30 silent days is new again.
    var spend = SeriesModel(parameters: .daily())
    let returned = values.indices.map { spend.observe(values[$0], slot: $0) }.last
    #expect(returned?.alarms.map(\.rule) == [.new])
  }

  @Test("every row gets a score in [0, 1]; only the spike scores ≥ 0.5; the daily period is found")
  func scoresSpike() throws {
    let rows = hourly(hours: 24 * 20, spikeAt: 24 * 15 + 3)
    let points = try SeriesCSV.parse((["timestamp,value"] + rows).joined(separator: "\n"))
    let result = GenericSeriesDetector().score(points)
    #expect(result.scores.count == rows.count)
    #expect(result.scores.allSatisfy { $0 >= 0 && $0 <= 1 })
    // The first three days teach the daily shape (a 9:00 edge can alarm before the period is known).
    let flagged = result.scores.indices.filter { $0 >= 72 && result.scores[$0] >= 0.5 }
    #expect(flagged == [24 * 15 + 3])
    #expect(result.period == 24)
  }

  @Test("a lasting step inside the daily pattern flags its first row only, then the level re-bases")
  func stepFlaggedOnce() throws {
    let step = 24 * 15 + 3
    let rows = hourly(hours: 24 * 20, stepAt: step)
    let result = GenericSeriesDetector().score(
      try SeriesCSV.parse((["timestamp,value"] + rows).joined(separator: "\n")))
    let flagged = result.scores.indices.filter { $0 >= 72 && result.scores[$0] >= 0.5 }
    #expect(flagged == [step])
    #expect(result.period == 24)
    // Re-based after three outliers: the new level is the baseline, so the step's later hours are
    // no longer outliers (score < 0.49, the cap for an outlier that raised nothing).
    #expect(result.scores[(step + 4)...(step + 12)].allSatisfy { $0 < 0.49 })
  }

  @Test("a row's score does not depend on later rows")
  func causal() throws {
    let rows = hourly(hours: 24 * 12, spikeAt: 24 * 10)
    let full = GenericSeriesDetector().score(
      try SeriesCSV.parse((["timestamp,value"] + rows).joined(separator: "\n")))
    let prefix = Array(rows.prefix(24 * 10 + 1))
    let cut = GenericSeriesDetector().score(
      try SeriesCSV.parse((["timestamp,value"] + prefix).joined(separator: "\n")))
    #expect(Array(full.scores.prefix(prefix.count)) == cut.scores)
  }

  @Test("out-of-order, duplicate and missing timestamps are tolerated; output keeps input order")
  func irregularInput() throws {
    var rows = hourly(hours: 24 * 10, spikeAt: 24 * 8)
    rows.remove(at: 50)
    rows.swapAt(10, 11)
    rows.insert(rows[30], at: 31)
    let points = try SeriesCSV.parse((["timestamp,value"] + rows).joined(separator: "\n"))
    let result = GenericSeriesDetector().score(points)
    #expect(result.scores.count == rows.count)
    let flagged = result.scores.indices.filter { $0 >= 72 && result.scores[$0] >= 0.5 }
    #expect(flagged.map { points[$0].timestamp } == ["2026-03-09 00:00:00"])
  }

  @Test("bad input names line and field number (COLUMN, as in bill errors)")
  func badInput() {
    #expect(throws: SeriesInputError.badValue("abc", line: 3, column: 2)) {
      try SeriesCSV.parse("timestamp,value\n2026-01-01 00:00:00,1\n2026-01-01 01:00:00,abc\n")
    }
    #expect(throws: SeriesInputError.badValue("x", line: 2, column: 3)) {
      try SeriesCSV.parse("host,timestamp,value\nweb-1,2026-01-01,x\n")
    }
    #expect(throws: SeriesInputError.missingField(line: 2, column: 2)) {
      try SeriesCSV.parse("timestamp,value\n2026-01-01\n")
    }
    #expect(throws: SeriesInputError.badTimestamp("yesterday", line: 2, column: 1)) {
      try SeriesCSV.parse("timestamp,value\nyesterday,1\n")
    }
    #expect(throws: SeriesInputError.missingColumn(name: "value", line: 1)) {
      try SeriesCSV.parse("timestamp,v\n1,2\n")
    }
  }
}

import Foundation
import SpendModel
import SpikeDetector

/// Bit-exact fingerprints of everything the series core says, for checking that a speed change
/// leaves results identical: every assessment (expected, level, σ, z, alarms) and every event.
enum Fingerprint {
  /// The fingerprint of every assessment and event on the speed benchmark's series (spend mode).
  static func spend(series: Int, days: Int) -> String {
    let firstDay = Day(year: 2025, month: 1, day: 1)
    let data = SpeedBenchmark.generate(series: series, days: days, firstDay: firstDay)
    let parameters = DetectorSettings().seriesParameters
    var hash = FNV()
    var assessments = 0
    var events = 0
    // One model and tracker for all series, reset in between, as SpendDetector's workers do.
    var model = SeriesModel(parameters: parameters)
    var tracker = EventTracker(parameters: parameters, includeDecreases: true)
    for values in data {
      model.reset(parameters: parameters)
      tracker.reset()
      let firstSlot = SpendDetector.slot(of: firstDay)
      for (index, value) in values.enumerated() {
        let assessment = model.observe(value, slot: firstSlot + index)
        hash.add(assessment)
        assessments += 1
        _ = tracker.track(value: value, slot: firstSlot + index, assessment: assessment, model: model)
      }
      for event in tracker.finished() {
        hash.add("\(event)")
        events += 1
      }
    }
    return "spend \(series)×\(days): \(assessments) assessments, \(events) events, fnv \(hash.hex)"
  }

  /// The fingerprint of the generic detector's scores and events on one `timestamp,value` file.
  static func series(path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path),
      let points = try? SeriesCSV.parse(String(decoding: data, as: UTF8.self))
    else { return "\(path): unreadable" }
    let result = GenericSeriesDetector().score(points)
    var hash = FNV()
    for score in result.scores { hash.add(score.bitPattern) }
    for event in result.events { hash.add("\(event)") }
    let flagged = result.scores.filter { $0 >= 0.5 }.count
    return "\(path): \(points.count) rows, \(flagged) flagged, \(result.events.count) events, fnv \(hash.hex)"
  }
}

/// 64-bit FNV-1a over the bytes fed to it.
struct FNV {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  var hex: String { String(state, radix: 16) }

  mutating func add(_ word: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) {
      state = (state ^ ((word >> UInt64(shift)) & 0xff)) &* 0x0000_0100_0000_01b3
    }
  }

  mutating func add(_ text: String) {
    for byte in text.utf8 { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
  }

  mutating func add(_ assessment: Assessment) {
    add(UInt64(bitPattern: Int64(assessment.index)))
    add((assessment.expected ?? .nan).bitPattern)
    add((assessment.level ?? .nan).bitPattern)
    add(assessment.sigma.bitPattern)
    add(assessment.z.bitPattern)
    for alarm in assessment.alarms {
      add("\(alarm.rule.rawValue)\(alarm.direction.rawValue)\(alarm.start)\(alarm.material)")
    }
  }
}

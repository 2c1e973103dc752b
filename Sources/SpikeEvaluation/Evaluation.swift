import SpendModel
import SpikeDetector

/// Scores the spend detector on generated bills: event precision, recall, F1, top-1 root cause,
/// detection delay (from `detected`, cross-checked by re-running with `asOf`), and false alarms
/// on month-start days.
public struct Evaluation: Sendable {
  /// How one label fared.
  public struct LabelOutcome: Sendable {
    /// The label.
    public var label: IncidentLabel
    /// The anomaly matched to it, if any.
    public var match: Anomaly?
    /// Whether the top contributor is the label's leaf.
    public var rootCauseCorrect: Bool
    /// Days from the incident's start to `detected`.
    public var delay: Int?
    /// Whether re-running with `asOf = detected` reports it and `asOf = detected − 1` does not.
    public var asOfConsistent: Bool
  }

  /// Outcomes per label, over every bill.
  public private(set) var outcomes: [LabelOutcome] = []
  /// Anomalies that matched no label (or a label already matched).
  public private(set) var falseAlarms: [Anomaly] = []
  /// The seed of each false alarm's bill.
  public private(set) var falseAlarmSeeds: [UInt64] = []
  /// Reported anomalies in all.
  public private(set) var reported = 0

  /// Evaluates the detector with `settings` on the bills of `seeds`.
  public init(
    seeds: [UInt64], generator: BillGenerator = BillGenerator(),
    settings: DetectorSettings = DetectorSettings()
  ) {
    for seed in seeds {
      let bill = generator.generate(seed: seed)
      let detector = SpendDetector(settings: settings)
      guard let report = try? detector.detect(bill.cube) else { continue }
      reported += report.anomalies.count
      var unmatched = report.anomalies.sorted { ($0.detected, $0.start) < ($1.detected, $1.start) }
      for label in bill.labels {
        guard let position = unmatched.firstIndex(where: { Evaluation.matches($0, label) }) else {
          outcomes.append(
            LabelOutcome(label: label, match: nil, rootCauseCorrect: false, delay: nil, asOfConsistent: false)
          )
          continue
        }
        let anomaly = unmatched.remove(at: position)
        let top = anomaly.contributors.first
        let correct =
          top.map {
            $0.account == label.account && $0.service == label.service && $0.usageType == label.usageType
              && $0.region == label.region
          } ?? false
        outcomes.append(
          LabelOutcome(
            label: label, match: anomaly, rootCauseCorrect: correct,
            delay: label.start.distance(to: anomaly.detected),
            asOfConsistent: Evaluation.asOfConsistent(
              anomaly, label: label, cube: bill.cube, settings: settings)))
      }
      falseAlarms += unmatched
      falseAlarmSeeds += unmatched.map { _ in seed }
    }
  }

  /// Whether an anomaly reports a label: same service, an increase, starting within 3 days of it.
  static func matches(_ anomaly: Anomaly, _ label: IncidentLabel) -> Bool {
    anomaly.direction == .up && anomaly.service == label.service
      && anomaly.start >= label.start.advanced(by: -3) && anomaly.start <= label.end.advanced(by: 3)
      && (label.kind == .feeChange) == (anomaly.kind == .calendar)
  }

  private static func asOfConsistent(
    _ anomaly: Anomaly, label: IncidentLabel, cube: Cube, settings: DetectorSettings
  ) -> Bool {
    var then = settings
    then.asOf = anomaly.detected
    var before = settings
    before.asOf = anomaly.detected.advanced(by: -1)
    guard let atDetection = try? SpendDetector(settings: then).detect(cube),
      let dayBefore = try? SpendDetector(settings: before).detect(cube)
    else { return false }
    let seen = atDetection.anomalies.contains { matches($0, label) && $0.detected == anomaly.detected }
    let early = dayBefore.anomalies.contains { matches($0, label) }
    return seen && !early
  }

  // MARK: - Metrics

  /// Labels detected / labels.
  public var recall: Double { ratio(outcomes.filter { $0.match != nil }.count, outcomes.count) }
  /// Matched anomalies / reported anomalies.
  public var precision: Double { ratio(reported - falseAlarms.count, reported) }
  /// Harmonic mean of precision and recall.
  public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
  /// Detected labels whose top contributor is the injected leaf / detected labels.
  public var rootCauseAccuracy: Double {
    let detected = outcomes.filter { $0.match != nil }
    return ratio(detected.filter(\.rootCauseCorrect).count, detected.count)
  }
  /// Median days from incident start to `detected`, over detected labels.
  public var medianDelay: Double { Evaluation.median(outcomes.compactMap(\.delay)) }
  /// False alarms that start on the first day of a month.
  public var monthStartFalseAlarms: Int { falseAlarms.filter { $0.start.dayOfMonth == 1 }.count }
  /// Detected labels whose `asOf` re-runs agree with `detected` / detected labels.
  public var asOfConsistency: Double {
    let detected = outcomes.filter { $0.match != nil }
    return ratio(detected.filter(\.asOfConsistent).count, detected.count)
  }

  /// Outcomes of one kind of label.
  public func outcomes(of kind: IncidentLabel.Kind) -> [LabelOutcome] {
    outcomes.filter { $0.label.kind == kind }
  }

  static func median(_ values: [Int]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
  }

  private func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
}

import SpendModel
import SpikeDetector

/// Turns the detector's anomalies into what the dashboard shows.
public enum AnomalyItems {
  /// Days of context shown before an anomaly in its detail chart.
  static let contextDays = 14

  /// Runs the detector on a cube and describes each anomaly for the dashboard.
  ///
  /// - Parameter settings: the detector's gates (the config's thresholds).
  /// - Returns: the items, or a note saying why detection could not run (mixed currencies).
  public static func detect(in cube: Cube, settings: DetectorSettings = DetectorSettings())
    -> (items: [AnomalyItem], note: String?)
  {
    do {
      let report = try SpendDetector(settings: settings).detect(cube)
      return (report.anomalies.map { item(for: $0, in: cube) }, nil)
    } catch {
      return ([], "anomalies not detected: \(error.description)")
    }
  }

  /// One anomaly with its daily actual cost around the window and the baseline it was judged against.
  ///
  /// The daily baseline is the anomaly's expected cost spread evenly over its days (the detector
  /// freezes one baseline per event), and before the window it is the actual cost itself.
  public static func item(for anomaly: Anomaly, in cube: Cube) -> AnomalyItem {
    let first = anomaly.start.advanced(by: -contextDays)
    var daily: [Day: Money] = [:]
    for row in cube.rows where row.key.chargeKind == .usage && matches(anomaly, row.key) {
      guard row.key.day >= first, row.key.day <= anomaly.end else { continue }
      daily[row.key.day, default: .zero] += row.costs[.netAmortized]
    }
    let windowDays = max(1, anomaly.start.distance(to: anomaly.end) + 1)
    let expectedPerDay = anomaly.expected.divided(by: windowDays)
    let points = stride(from: first, through: anomaly.end, by: 1).map { day in
      let actual = daily[day] ?? .zero
      return AnomalyPoint(day: day, actual: actual, expected: day < anomaly.start ? actual : expectedPerDay)
    }
    let contributors = anomaly.contributors.map { contributor in
      AnomalyContributor(
        dimension: contributor.resource.isEmpty ? "usage-type" : "resource",
        value: contributor.resource.isEmpty
          ? "\(contributor.service) · \(contributor.usageType)"
          : "\(contributor.usageType) · \(contributor.resource)",
        impact: contributor.impact, share: contributor.share)
    }
    let series = [anomaly.service, anomaly.usageType].filter { $0 != "*" }.joined(separator: " · ")
    let top = anomaly.contributors.first.map { "\($0.usageType) in \($0.account) \($0.region)" } ?? series
    return AnomalyItem(
      id: anomaly.key,
      kind: anomaly.kind.rawValue, start: anomaly.start, end: anomaly.end,
      series: series.isEmpty ? "several series" : series, rootCause: top, actual: anomaly.actual,
      expected: anomaly.expected, points: points, contributors: contributors, detected: anomaly)
  }

  private static func matches(_ anomaly: Anomaly, _ key: CubeKey) -> Bool {
    (anomaly.account == "*" || anomaly.account == key.account)
      && (anomaly.service == "*" || anomaly.service == key.service)
      && (anomaly.usageType == "*" || anomaly.usageType == key.usageType)
      && (anomaly.region == "*" || anomaly.region == key.region)
  }
}

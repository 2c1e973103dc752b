import SpendModel
import SpikeDetector

extension SeriesSelector {
  /// The series of a detected anomaly; a field the anomaly spans (`*`) matches everything.
  public init(_ anomaly: Anomaly) {
    func field(_ value: String) -> String? { value == "*" ? nil : value }
    self.init(
      service: field(anomaly.service), usageType: field(anomaly.usageType), account: field(anomaly.account),
      region: field(anomaly.region))
  }
}

extension LinkedAnomaly {
  /// A detected anomaly as the ledger links it: kind, days, series, impact, and its top
  /// contributors (by dollars) in words as the root cause.
  ///
  /// - Parameter contributors: how many contributors the root cause names (default 3).
  public init(_ anomaly: Anomaly, contributors: Int = 3) {
    let causes = anomaly.contributors.prefix(contributors).map { contributor in
      let share = Money(approximately: contributor.share * 100).formatted(decimals: 0)
      let resource = contributor.resource.isEmpty ? "" : " " + contributor.resource
      return
        "\(contributor.service) \(contributor.usageType)\(resource): \(contributor.impact.dollars()) (\(share)%)"
    }
    self.init(
      kind: anomaly.kind.rawValue, start: anomaly.start, end: anomaly.end, series: SeriesSelector(anomaly),
      impact: anomaly.impact, rootCause: causes.joined(separator: "; "))
  }
}

extension Incident {
  /// An incident opened from a detected anomaly: the anomaly's days as the window, its series
  /// linked, the anomaly itself linked with its root cause, and an `aws-overage` line.
  ///
  /// - Parameters:
  ///   - id: the ID, default `INC-<start>-<title words>`.
  ///   - title: the title, default `<kind> in <service> <usage type>`.
  public static func opened(from anomaly: Anomaly, id: String? = nil, title: String? = nil) -> Incident {
    let series = SeriesSelector(anomaly)
    let what = [series.service, series.usageType].compactMap { $0 }.joined(separator: " ")
    let name =
      title ?? "\(anomaly.kind.rawValue.capitalizedFirst) in \(what.isEmpty ? "several series" : what)"
    return Incident(
      id: id ?? makeID(title: name, start: anomaly.start), title: name, start: anomaly.start,
      end: anomaly.end,
      series: [series], anomalies: [LinkedAnomaly(anomaly)],
      costLines: [
        CostLine(
          description: "AWS spend above the pre-incident baseline", inputs: .awsOverage(AWSOverageInputs()))
      ])
  }
}

extension String {
  /// The string with its first character upper-cased (`step` → `Step`).
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

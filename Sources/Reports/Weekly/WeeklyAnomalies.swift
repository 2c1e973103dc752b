import SpendFormats
import SpendModel
import SpikeDetector

/// A triage decision about an anomaly, as reports show it.
public struct AnomalyTriage: Sendable, Hashable {
  /// The verdict.
  public var verdict: TriageVerdict
  /// Why, in the words of whoever decided.
  public var reason: String

  /// Creates a decision.
  public init(verdict: TriageVerdict, reason: String) {
    self.verdict = verdict
    self.reason = reason
  }
}

/// An anomaly in the weekly review: opened in the week, or opened before and still anomalous in it.
public struct WeeklyAnomaly: Sendable {
  /// Whether the anomaly started in the week or before it.
  public enum Status: String, Sendable {
    /// Its first anomalous day is in the week.
    case opened
    /// It started before the week and was still anomalous during it.
    case stillOpen = "still-open"
  }

  /// The detector's anomaly, as `spendtop detect --as-of` (the week's last day) reports it.
  public var anomaly: Anomaly
  /// Opened in the week or still open.
  public var status: Status
  /// The triage decided for it, nil when none (or none is available: bills read from files).
  public var triage: AnomalyTriage?

  /// The root cause in words: the top contributor's usage type, account and region.
  public var rootCause: String {
    guard let top = anomaly.contributors.first else { return "\(anomaly.service) \(anomaly.usageType)" }
    return "\(top.service) \(top.usageType) in \(top.account) \(top.region)"
  }

  /// Detect's JSON object for the anomaly plus `status`, `rootCause` and `triage`
  /// (`{"state", "reason"}` or null).
  public func json() -> JSONValue {
    let extra: [JSONValue.Member] = [
      .init("status", .string(status.rawValue)), .init("rootCause", .string(rootCause)),
      .init(
        "triage",
        triage.map { .object([.init("state", .string($0.verdict.rawValue)), .init("reason", .string($0.reason))]) }
          ?? .null),
    ]
    do {
      guard case .object(let members) = try JSONParser.parse(ReportFormatting.json(anomaly)) else {
        return .object(extra)
      }
      return .object(members + extra)
    } catch {
      return .object(extra + [.init("error", .string("detector JSON unreadable: \(error)"))])
    }
  }
}

extension WeeklyReport {
  /// Runs the detector on `cube` as of the week's last day (`detect --as-of END --since START`) and
  /// lists the anomalies opened in the week or still anomalous in it, with their triage.
  ///
  /// - Parameters:
  ///   - cube: the bills at the detector's grain (account, service, usage type, region, resource).
  ///   - settings: detector settings; `asOf` and `since` are set to the week.
  ///   - triage: decisions by `Anomaly.key`.
  public mutating func addAnomalies(
    from cube: Cube, settings: DetectorSettings = DetectorSettings(), triage: [String: AnomalyTriage] = [:]
  ) {
    var settings = settings
    settings.asOf = period.end
    settings.since = period.start
    let oneCurrency =
      cube.currencies.count > 1 ? cube.filtered(CubeFilter(equals: [(.currency, currency)])) : cube
    do {
      let detection = try SpendDetector(settings: settings).detect(oneCurrency)
      anomalies = detection.anomalies.map { anomaly in
        WeeklyAnomaly(
          anomaly: anomaly, status: anomaly.start >= period.start ? .opened : .stillOpen,
          triage: triage[anomaly.key])
      }
    } catch {
      anomalies = []
      notes.append("Anomalies not detected: \(error.description)")
    }
  }
}

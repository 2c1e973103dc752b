import SpendModel

/// A triage decision, as the store keeps it.
public struct TriageEntry: Equatable, Sendable {
  /// The anomaly's stable key, as the detector builds it.
  public var anomaly: String
  /// The decision.
  public var verdict: TriageVerdict
  /// Why, in the words of whoever decided.
  public var reason: String
  /// When it was decided, seconds since 1970-01-01 UTC.
  public var decidedAt: Int64

  /// Creates an entry.
  public init(anomaly: String, verdict: TriageVerdict, reason: String, decidedAt: Int64) {
    self.anomaly = anomaly
    self.verdict = verdict
    self.reason = reason
    self.decidedAt = decidedAt
  }
}

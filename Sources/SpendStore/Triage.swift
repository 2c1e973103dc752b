/// What someone decided about an anomaly the detector reported.
public enum TriageState: String, CaseIterable, Sendable, Codable {
  /// Expected spend (a launch, a migration): not an incident.
  case expected
  /// Not expected: an incident to chase.
  case notExpected = "not-expected"
  /// Planned (announced in advance): not an incident.
  case planned
}

/// A triage decision, as the store keeps it.
public struct TriageEntry: Equatable, Sendable {
  /// The anomaly's stable key, as the detector builds it.
  public var anomaly: String
  /// The decision.
  public var state: TriageState
  /// Why, in the words of whoever decided.
  public var reason: String
  /// When it was decided, seconds since 1970-01-01 UTC.
  public var decidedAt: Int64

  /// Creates an entry.
  public init(anomaly: String, state: TriageState, reason: String, decidedAt: Int64) {
    self.anomaly = anomaly
    self.state = state
    self.reason = reason
    self.decidedAt = decidedAt
  }
}

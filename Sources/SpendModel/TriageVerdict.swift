/// How someone judged an anomaly.
public enum TriageVerdict: String, Sendable, CaseIterable, Codable {
  /// Not expected: a real problem.
  case unexpected = "not-expected"
  /// Expected behaviour.
  case expected
  /// Planned activity (a migration, a load test).
  case planned

  /// The label shown in lists.
  public var label: String {
    switch self {
    case .unexpected: return "not expected"
    case .expected: return "expected"
    case .planned: return "planned"
    }
  }
}

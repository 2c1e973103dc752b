import SpendModel

/// A labelled incident injected into a generated bill: what the detector should report.
public struct IncidentLabel: Sendable, Equatable {
  /// What was injected.
  public enum Kind: String, Sendable, CaseIterable {
    case oneDaySpike = "spike-1d"
    case multiDaySpike = "spike-multi"
    case step
    case ramp
    case newService = "new-service"
    case newRegion = "new-region"
    case feeChange = "fee-change"
  }

  /// What was injected.
  public var kind: Kind
  /// First day of the incident.
  public var start: Day
  /// Last day of the incident (the data's last day for lasting ones).
  public var end: Day
  /// The root cause: account, service, usage type, region of the leaf that carries the cost.
  public var account: String
  /// The service (product code).
  public var service: String
  /// The usage type.
  public var usageType: String
  /// The region.
  public var region: String
}

/// A generated bill: the cube and its labelled incidents.
public struct GeneratedBill: Sendable {
  /// The seed it was generated from.
  public var seed: UInt64
  /// The cube.
  public var cube: Cube
  /// The labelled incidents.
  public var labels: [IncidentLabel]
  /// First and last day.
  public var days: ClosedRange<Day>
}

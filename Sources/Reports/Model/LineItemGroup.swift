import SpendModel

/// What the weekly report groups spend by: a service, a usage type and the kind of charge.
///
/// Calendar charges (tax, fees, credits) often have no usage type; the kind keeps a service's tax
/// apart from its usage, so "AmazonEC2 tax" and "AmazonEC2 DataTransfer-Out-Bytes" are separate
/// lines.
public struct LineItemGroup: Hashable, Sendable, Comparable {
  /// The service (product code where the bill has one).
  public var service: String
  /// The usage type, `""` where the line has none (tax).
  public var usageType: String
  /// Usage, or the calendar charge the line is.
  public var kind: ChargeKind

  /// Creates a group.
  public init(service: String, usageType: String, kind: ChargeKind) {
    self.service = service
    self.usageType = usageType
    self.kind = kind
  }

  /// The group a cube key belongs to.
  public init(_ key: CubeKey) {
    self.init(service: key.service, usageType: key.usageType, kind: key.chargeKind)
  }

  /// The usage type for people: the usage type, or the charge kind in parentheses when there is none
  /// (`(tax)`), with the kind appended for a calendar charge that has one (`Dollar (fee)`).
  public var usageTypeLabel: String {
    if kind == .usage { return usageType.isEmpty ? "(no usage type)" : usageType }
    return usageType.isEmpty ? "(\(kind.rawValue))" : "\(usageType) (\(kind.rawValue))"
  }

  public static func < (lhs: LineItemGroup, rhs: LineItemGroup) -> Bool {
    (lhs.service, lhs.usageType, lhs.kind.rawValue) < (rhs.service, rhs.usageType, rhs.kind.rawValue)
  }
}

/// A group's spend now and before.
public struct GroupChange: Hashable, Sendable {
  /// The service; for a by-service line, the only field that is set.
  public var service: String
  /// The group, or nil for a line that sums a whole service.
  public var group: LineItemGroup?
  /// The amounts.
  public var change: SpendChange

  /// Creates a change line.
  public init(service: String, group: LineItemGroup?, change: SpendChange) {
    self.service = service
    self.group = group
    self.change = change
  }

  /// Orders by the size of the move, largest first, then by service and group (deterministic).
  static func byMagnitude(_ lhs: GroupChange, _ rhs: GroupChange) -> Bool {
    let left = lhs.change.delta.units.magnitude
    let right = rhs.change.delta.units.magnitude
    if left != right { return left > right }
    if lhs.service != rhs.service { return lhs.service < rhs.service }
    switch (lhs.group, rhs.group) {
    case (let l?, let r?): return l < r
    default: return false
    }
  }
}

import SpendModel

/// Which of a resource's line items the Explorer shows: those of the cells its drill-down selects
/// in the period on screen, as the cube knows them.
///
/// The bill files are read again for the line items (the cube keeps only sums), and a line item is
/// matched to the cube's cells by resource, day, usage type, operation and line item type: the
/// columns every line item shows. A filter on any other dimension (service, region, account, a
/// tag) narrows the cells the scope holds, so it narrows the line items the same way.
public struct LineItemScope: Sendable, Equatable {
  /// A cell of the cube at the grain a line item is matched at.
  public struct Cell: Hashable, Sendable {
    /// The usage day.
    public var day: Day
    /// The usage type, operation and line item type, as the bill wrote them.
    public var usageType: String, operation: String, lineItemType: String

    /// Creates a cell.
    public init(day: Day, usageType: String, operation: String, lineItemType: String) {
      self.day = day
      self.usageType = usageType
      self.operation = operation
      self.lineItemType = lineItemType
    }
  }

  /// The resource.
  public var resource: String
  /// The period's days.
  public var days: ClosedRange<Day>
  /// The cells selected.
  public var cells: Set<Cell>

  /// Creates a scope.
  public init(resource: String, days: ClosedRange<Day>, cells: Set<Cell>) {
    self.resource = resource
    self.days = days
    self.cells = cells
  }

  /// The scope of `resource` under the drill-down `filters` in `period`'s days.
  public init(cube: Cube, resource: String, filters: [DimensionFilter], period: Period) {
    var cells: Set<Cell> = []
    for row in cube.rows where row.key.resource == resource && period.days.contains(row.key.day) {
      guard filters.allSatisfy({ $0.matches(row.key) }) else { continue }
      cells.insert(
        Cell(
          day: row.key.day, usageType: row.key.usageType, operation: row.key.operation,
          lineItemType: row.key.lineItemType))
    }
    self.init(resource: resource, days: period.days, cells: cells)
  }

  /// Whether a line item of the resource belongs: its usage start (`2026-11-28T00:00:00Z`) falls on
  /// a day of the period and its cell is selected.
  public func admits(usageStart: String, usageType: String, operation: String, lineItemType: String) -> Bool {
    guard let day = Day(iso: String(usageStart.prefix(10))), days.contains(day) else { return false }
    return cells.contains(
      Cell(day: day, usageType: usageType, operation: operation, lineItemType: lineItemType))
  }
}

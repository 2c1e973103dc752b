import SpendModel

/// What an empty usage type reads as: the line item types of its cells in the period shown, in
/// parentheses (`(Tax)`, `(Fee, Tax)`: taxes, fees and credits have no usage type).
///
/// Only the period shown counts, so a label never names a type the row does not have now (a
/// September credit does not make October's taxes read `(Credit, Tax)`); a row with no cells in the
/// period (it went away) names the types it had in the previous period. No types: `(none)`.
struct BlankUsageLabel {
  private var now: Set<String> = []
  private var before: Set<String> = []

  /// Counts a cell of line item type `type` that is in the period or in the previous one.
  mutating func add(_ type: String, inPeriod: Bool, inPrevious: Bool) {
    guard !type.isEmpty else { return }
    if inPeriod { now.insert(type) } else if inPrevious { before.insert(type) }
  }

  /// The label: `(Fee, Tax)`, or `(none)` without types.
  var text: String {
    let kinds = now.isEmpty ? before : now
    return kinds.isEmpty ? "(none)" : "(" + kinds.sorted().joined(separator: ", ") + ")"
  }

  /// The label of the cells of `cube` that pass `filters` (which select an empty usage type).
  static func of(_ cube: Cube, filters: [DimensionFilter], period: Period) -> String {
    var label = BlankUsageLabel()
    for row in cube.rows where row.key.usageType.isEmpty && filters.allSatisfy({ $0.matches(row.key) }) {
      label.add(
        row.key.lineItemType, inPeriod: period.days.contains(row.key.day),
        inPrevious: period.previous.contains(row.key.day))
    }
    return label.text
  }
}

import SpendModel

/// Checks shared by every report on what a cube holds.
enum ReportInput {
  /// The one currency to report in: the chosen one, or the data's only one.
  ///
  /// - Throws: `ReportError.noData` for an empty cube (or a chosen currency it lacks),
  ///   `.mixedCurrencies` when several are present and none is chosen.
  static func currency(of cube: Cube, chosen: String?) throws(ReportError) -> String {
    let present = cube.currencies
    if let chosen {
      let code = chosen.uppercased()
      guard present.contains(code) else { throw .noData }
      return code
    }
    guard let only = present.first else { throw .noData }
    guard present.count == 1 else { throw .mixedCurrencies(present) }
    return only
  }

  /// The first and last day with a cell in `currency`.
  static func dayRange(of cube: Cube, currency: String) -> ClosedRange<Day>? {
    var low: Day?
    var high: Day?
    for row in cube.rows where row.key.currency == currency {
      low = min(low ?? row.key.day, row.key.day)
      high = max(high ?? row.key.day, row.key.day)
    }
    guard let low, let high else { return nil }
    return low...high
  }
}

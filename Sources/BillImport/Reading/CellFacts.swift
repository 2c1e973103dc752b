import SpendModel

/// What a file's summary says about its cells, gathered from each chunk of cells as it goes by.
struct CellFacts {
  private var totalsByTypeAndCurrency: [LineItemCurrency: Costs] = [:]
  private var periods: Set<PayerPeriod> = []
  private var days: ClosedRange<Day>?

  /// Notes the facts of `cells` and returns them unchanged.
  mutating func absorbing(_ cells: CompactCube) -> CompactCube {
    for (key, costs) in cells.totalsByLineItemTypeAndCurrency { totalsByTypeAndCurrency[key, default: .zero] += costs }
    for period in cells.periods { periods.insert(PayerPeriod(payer: period.payer, month: period.month)) }
    if let range = cells.dayRange {
      days = days.map { min($0.lowerBound, range.lowerBound)...max($0.upperBound, range.upperBound) } ?? range
    }
    return cells
  }

  /// Every basis by line item type and currency.
  var totalsByLineItemTypeAndCurrency: [LineItemCurrency: Costs] { totalsByTypeAndCurrency }

  /// Every basis by line item type.
  var totalsByLineItemType: [String: Costs] {
    var totals: [String: Costs] = [:]
    for (key, costs) in totalsByTypeAndCurrency { totals[key.lineItemType, default: .zero] += costs }
    return totals
  }

  /// The currencies, sorted.
  var currencies: [String] { Set(totalsByTypeAndCurrency.keys.map(\.currency)).sorted() }

  /// The billing periods' months, sorted.
  var months: [Month] { Set(periods.map(\.month)).sorted() }

  /// The billing periods as payer × month, sorted.
  var payerPeriods: [PayerPeriod] { periods.sorted() }

  /// The first and last day with a cell.
  var dayRange: ClosedRange<Day>? { days }
}

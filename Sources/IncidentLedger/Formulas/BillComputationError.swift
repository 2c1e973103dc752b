import SpendModel

/// Why an amount cannot be computed from the bills given.
public enum BillComputationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No bills were given.
  case noBills
  /// Neither the line nor the incident names a series.
  case noSeries
  /// The bills start after the first day the computation needs.
  case insufficientHistory(needed: Day, billsStart: Day)
  /// The bills end before the day the computation starts.
  case noDataAfter(Day, billsEnd: Day)
  /// Too few days of bills after a step to measure the new level.
  case notEnoughDataAfterStep(from: Day, billsEnd: Day, needed: Int)
  /// The series hold several currencies.
  case mixedCurrencies([String])

  public var description: String {
    switch self {
    case .noBills:
      return "missing: computed from bills, and no bills were given (pass bill PATHs)"
    case .noSeries:
      return "no series to compute from: link series to the incident or the line"
    case .insufficientHistory(let needed, let billsStart):
      return "the bills start on \(billsStart), but the baseline needs bills from \(needed)"
    case .noDataAfter(let day, let billsEnd):
      return "the bills end on \(billsEnd), before \(day)"
    case .notEnoughDataAfterStep(let from, let billsEnd, let needed):
      return "the new level needs \(needed) days of bills from \(from); the bills end on \(billsEnd)"
    case .mixedCurrencies(let codes):
      return "the series hold several currencies (\(codes.joined(separator: ", "))) that cannot be added"
    }
  }
}

/// Daily costs of a list of series read from a cube in one pass.
struct SeriesDailyCosts {
  /// Per series (in the order given), cost per day; a cell matching several series counts for
  /// the first only, so overlapping selectors never count a dollar twice.
  var perSeries: [[Day: Money]]
  /// The first and last day of the whole cube (every series, every service).
  var billDays: ClosedRange<Day>

  /// Reads the days in `days` for `series` on `basis`.
  init(cube: Cube, series: [SeriesSelector], days: ClosedRange<Day>, basis: CostBasis) throws(BillComputationError) {
    guard !series.isEmpty else { throw .noSeries }
    guard let billDays = cube.dayRange else { throw .noBills }
    var perSeries = Array(repeating: [Day: Money](), count: series.count)
    var currencies: Set<String> = []
    for row in cube.rows where days.contains(row.key.day) {
      guard let index = series.firstIndex(where: { $0.matches(row.key) }) else { continue }
      currencies.insert(row.key.currency)
      perSeries[index][row.key.day, default: .zero] += row.costs[basis]
    }
    guard currencies.count <= 1 else { throw .mixedCurrencies(currencies.sorted()) }
    self.perSeries = perSeries
    self.billDays = billDays
  }

  /// The cost of all series on a day (0 where the bills have no cell).
  func total(on day: Day) -> Money { perSeries.reduce(.zero) { $0 + ($1[day] ?? .zero) } }

  /// The cost of all series over days.
  func total(over days: ClosedRange<Day>) -> Money { days.reduce(.zero) { $0 + total(on: $1) } }
}

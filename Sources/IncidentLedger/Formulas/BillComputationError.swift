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
  /// Days the computation needs have no rows at all in the bills (a month not imported, or
  /// forgotten): a gap, not $0 of spend, so nothing is computed from them.
  case gap([ClosedRange<Day>], neededFor: String)

  public var description: String {
    switch self {
    case .noBills:
      return "missing: computed from bills, and none were given (pass bill PATHs or --db, or import them)"
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
    case .gap(let runs, let purpose):
      let days = runs.map {
        $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound) … \($0.upperBound)"
      }
      return "the bills have no data at all for \(days.joined(separator: ", ")) (not imported, or forgotten), "
        + "needed for \(purpose): a gap, not $0; import those bills, or enter the amount"
    }
  }
}

/// How the ledger treats a line item type in bill-derived amounts.
enum LedgerChargeClass {
  /// Metered usage and the discounts that follow it (Savings Plan negation, EDP): a daily series.
  case usage
  /// Fees and tax: land on a calendar day (month start), compared with the same day of the month
  /// before the incident.
  case calendar
  /// Credits and refunds: adjustments unrelated to the incident's spend, left out.
  case adjustment

  init(_ kind: ChargeKind) {
    switch kind {
    case .usage, .discount: self = .usage
    case .fee, .tax: self = .calendar
    case .credit, .refund: self = .adjustment
    }
  }
}

/// Daily costs of a list of series read from a cube in one pass, usage apart from calendar charges.
struct SeriesDailyCosts {
  /// Per series (in the order given), usage cost per day; a cell matching several series counts
  /// for the first only, so overlapping selectors never count a dollar twice.
  var usage: [[Day: Money]]
  /// Per series, fees and tax per day.
  var calendar: [[Day: Money]]
  /// The first and last day of the whole cube (every series, every service).
  var billDays: ClosedRange<Day>

  /// Reads the days in `days` for `series` on `basis`.
  init(cube: Cube, series: [SeriesSelector], days: ClosedRange<Day>, basis: CostBasis)
    throws(BillComputationError)
  {
    guard !series.isEmpty else { throw .noSeries }
    guard let billDays = cube.dayRange else { throw .noBills }
    var usage = Array(repeating: [Day: Money](), count: series.count)
    var calendar = usage
    var currencies: Set<String> = []
    for row in cube.rows where days.contains(row.key.day) {
      guard let index = series.firstIndex(where: { $0.matches(row.key) }) else { continue }
      switch LedgerChargeClass(row.key.chargeKind) {
      case .usage: usage[index][row.key.day, default: .zero] += row.costs[basis]
      case .calendar: calendar[index][row.key.day, default: .zero] += row.costs[basis]
      case .adjustment: continue
      }
      currencies.insert(row.key.currency)
    }
    guard currencies.count <= 1 else { throw .mixedCurrencies(currencies.sorted()) }
    self.usage = usage
    self.calendar = calendar
    self.billDays = billDays
  }

  /// The usage cost of all series on a day (0 where the bills have no cell).
  func usage(on day: Day) -> Money { usage.reduce(.zero) { $0 + ($1[day] ?? .zero) } }

  /// The fees and tax of all series on a day.
  func calendar(on day: Day) -> Money { calendar.reduce(.zero) { $0 + ($1[day] ?? .zero) } }

  /// The usage cost of all series over days.
  func usage(over days: ClosedRange<Day>) -> Money { days.reduce(.zero) { $0 + usage(on: $1) } }

  /// Whether any series has a fee or tax on a day in `days`.
  func hasCalendarCharges(in days: ClosedRange<Day>) -> Bool {
    calendar.contains { series in series.keys.contains { days.contains($0) } }
  }
}

// MARK: - Gaps

extension BillComputationError {
  /// Throws `.gap` when any day of `ranges` has no row at all in `cube`; `purpose` says what
  /// needs those days (e.g. "the overage's baseline or window").
  static func checkNoGap(
    in ranges: [ClosedRange<Day>], of cube: Cube, for purpose: String
  ) throws(BillComputationError) {
    var present = Set<Day>()
    for row in cube.rows { present.insert(row.key.day) }
    // Runs of overlapping ranges (a baseline inside a reference month) are named once.
    var runs: [ClosedRange<Day>] = []
    for run in ranges.flatMap({ range in DayRuns.runs(in: range) { !present.contains($0) } }).sorted(by: {
      $0.lowerBound < $1.lowerBound
    }) {
      if let last = runs.last, run.lowerBound <= last.upperBound.advanced(by: 1) {
        runs[runs.count - 1] = last.lowerBound...max(last.upperBound, run.upperBound)
      } else {
        runs.append(run)
      }
    }
    guard runs.isEmpty else { throw .gap(runs, neededFor: purpose) }
  }
}

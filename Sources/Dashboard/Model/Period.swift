import SpendModel

/// Which days a screen sums: a calendar month (to date when it is the current one) or the last N
/// days up to "today".
public enum PeriodMode: Sendable, Equatable {
  /// A calendar month, cut at "today".
  case month(Month)
  /// The last N days up to and including "today".
  case lastDays(Int)
}

/// A resolved period: its days, the like-for-like previous days, and a label.
public struct Period: Sendable, Equatable {
  /// The days summed.
  public var days: ClosedRange<Day>
  /// The previous period of the same length (for a month: the same days of the previous month).
  public var previous: ClosedRange<Day>
  /// For people: `Nov 2026 (1–28)`, `Oct 2026`, `last 7 days`.
  public var label: String
  /// The previous period for people: `Oct` for a whole month, else its days (`Oct 1–28`, `Aug 1–30`).
  public var previousLabel: String
  /// What is said instead of a comparison when the data start after the previous period:
  /// `first month of data`, `no data before these days`.
  public var noPreviousLabel: String

  /// What is said instead of a comparison, given which days `data` has rows on; nil when the
  /// previous period has data to compare with. A period without any data is a gap (`no data for
  /// Sep 2026: a gap, not $0`); before the data starts, `noPreviousLabel`; a previous period that
  /// is a gap is nothing to compare with either (`no data for Sep`): never $0.00 with every row
  /// `new`.
  public func noComparison(in data: DashboardData) -> String? {
    guard let range = data.dayRange else { return noPreviousLabel }
    if isGap(in: data) {
      return "no data for \(label): a gap, not $0"
    }
    guard previous.upperBound >= range.lowerBound else { return noPreviousLabel }
    return data.hasData(in: previous) ? nil : "no data for \(previousLabel)"
  }

  /// Whether the period lies within the data but has no rows on any of its days (a month not
  /// imported, or forgotten): its total is unknown, not $0.
  public func isGap(in data: DashboardData) -> Bool {
    guard let range = data.dayRange else { return false }
    return range.overlaps(days) && !data.hasData(in: days)
  }

  /// Resolves a mode against "today".
  public init(_ mode: PeriodMode, today: Day) {
    switch mode {
    case .month(let month):
      let last = min(month.lastDay, max(today, month.firstDay))
      days = month.firstDay...last
      let length = days.count
      let previousMonth = month.previous
      let previousLast = min(previousMonth.lastDay, previousMonth.firstDay.advanced(by: length - 1))
      previous = previousMonth.firstDay...previousLast
      let partial = last < month.lastDay
      label = Period.monthName(month) + (partial ? " (1–\(last.dayOfMonth))" : "")
      // The base names its days unless it is the whole month (Sep 1–30 against Aug 1–30).
      let wholePrevious = previousLast == previousMonth.lastDay
      previousLabel =
        Period.shortMonth(previousMonth) + (wholePrevious ? "" : " 1–\(previousLast.dayOfMonth)")
      noPreviousLabel = "first month of data"
    case .lastDays(let count):
      let length = max(count, 1)
      days = today.advanced(by: -(length - 1))...today
      previous = today.advanced(by: -(2 * length - 1))...today.advanced(by: -length)
      label = "last \(length) days"
      previousLabel = "previous \(length) days"
      noPreviousLabel = "no data before these days"
    }
  }

  /// `Nov 2026`.
  public static func monthName(_ month: Month) -> String { shortMonth(month) + " \(month.year)" }

  /// `Nov`.
  public static func shortMonth(_ month: Month) -> String {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month.month - 1]
  }

  /// `Nov 28`.
  public static func shortDay(_ day: Day) -> String { shortMonth(day.month) + " \(day.dayOfMonth)" }
}

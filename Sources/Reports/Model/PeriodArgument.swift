import SpendModel

/// A period as written on the command line: days (`YYYY-MM-DD..YYYY-MM-DD`, or one `YYYY-MM-DD`)
/// or whole calendar months (`YYYY-MM`, `YYYY-MM..YYYY-MM`).
///
///     PeriodArgument(parsing: "2026-10")?.period.description     // "2026-10-01..2026-10-31"
///     PeriodArgument(parsing: "2026-10")?.preceding.description  // "2026-09-01..2026-09-30"
///     PeriodArgument(parsing: "2026-10-15")?.preceding.description  // "2026-10-14..2026-10-14"
public struct PeriodArgument: Hashable, Sendable {
  /// The days it covers.
  public var period: ReportPeriod
  /// The months, when it was written as months.
  public var months: ClosedRange<Month>?

  /// The forms accepted, for messages.
  public static let forms = "YYYY-MM-DD..YYYY-MM-DD, YYYY-MM-DD, YYYY-MM or YYYY-MM..YYYY-MM"

  /// Parses any of `forms`.
  ///
  /// - Returns: nil when a day or month is not valid or the period ends before it starts.
  public init?(parsing text: String) {
    if let period = ReportPeriod(parsing: text) {
      self.period = period
      months = nil
      return
    }
    let trimmed = text.filter { $0 != " " }
    let ends = trimmed.split(separator: "..", omittingEmptySubsequences: false)
    guard ends.count == 1 || ends.count == 2, let first = Month(iso: String(ends[0])),
      let last = Month(iso: String(ends[ends.count - 1])), first <= last
    else { return nil }
    months = first...last
    period = ReportPeriod(start: first.firstDay, end: last.lastDay)
  }

  /// Why `text` given to `option` is not a period, for the usage error: a range whose end comes
  /// before its start names both ends; anything else lists the accepted `forms`.
  ///
  ///     PeriodArgument.rejection(of: "2026-08-07..2026-08-01", option: "--period")
  ///     // "--period 2026-08-07..2026-08-01 ends before it starts (2026-08-01 is before 2026-08-07)"
  public static func rejection(of text: String, option: String) -> String {
    let trimmed = text.filter { $0 != " " }
    let ends = trimmed.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
    if ends.count == 2 {
      if let first = Day(iso: ends[0]), let last = Day(iso: ends[1]), last < first {
        return "\(option) \(text) ends before it starts (\(last) is before \(first))"
      }
      if let first = Month(iso: ends[0]), let last = Month(iso: ends[1]), last < first {
        return "\(option) \(text) ends before it starts (\(last) is before \(first))"
      }
    }
    return "\(option) expects \(forms), got '\(text)'"
  }

  /// The period compared against by default: as many whole months just before when written as
  /// months (October against September, whatever their lengths), else as many days just before.
  public var preceding: ReportPeriod {
    guard let months else { return period.preceding }
    let count = Self.monthIndex(months.upperBound) - Self.monthIndex(months.lowerBound) + 1
    var first = months.lowerBound
    for _ in 0..<count { first = first.previous }
    return ReportPeriod(start: first.firstDay, end: months.lowerBound.previous.lastDay)
  }

  /// The months written, cut at `dataEnd` when the data ends inside the last of them (a month in
  /// progress), with the same number of days from the start of the months before: November 1–28
  /// against October 1–28, as the dashboard compares. Nil for days, or when the data ends outside.
  ///
  ///     PeriodArgument(parsing: "2026-11")?.toDate(dataEnd: Day(year: 2026, month: 11, day: 28))
  ///     // (current: 2026-11-01..2026-11-28, preceding: 2026-10-01..2026-10-28)
  public func toDate(dataEnd: Day) -> (current: ReportPeriod, preceding: ReportPeriod)? {
    guard months != nil, dataEnd >= period.start, dataEnd < period.end else { return nil }
    let current = ReportPeriod(start: period.start, end: dataEnd)
    let before = preceding
    let end = min(before.start.advanced(by: current.dayCount - 1), before.end)
    return (current, ReportPeriod(start: before.start, end: end))
  }

  private static func monthIndex(_ month: Month) -> Int { month.year * 12 + month.month }
}

import SpendModel

/// A span of whole UTC days, both ends included: a report's week or a compared period.
///
///     let week = ReportPeriod(ending: Day(year: 2026, month: 10, day: 28), days: 7)
///     week.description     // "2026-10-22..2026-10-28"
public struct ReportPeriod: Hashable, Sendable, CustomStringConvertible {
  /// The first day.
  public var start: Day
  /// The last day, inclusive.
  public var end: Day

  /// Creates a period; `start` must not be after `end`.
  public init(start: Day, end: Day) {
    precondition(start <= end, "a period starts before it ends")
    self.start = start
    self.end = end
  }

  /// The `days` days that end on `end`.
  public init(ending end: Day, days: Int) {
    self.init(start: end.advanced(by: -(max(days, 1) - 1)), end: end)
  }

  /// Parses `YYYY-MM-DD..YYYY-MM-DD` (a single `YYYY-MM-DD` is a one-day period).
  ///
  /// - Returns: nil when either day is not a valid date or the period ends before it starts.
  public init?(parsing text: String) {
    let trimmed = text.filter { $0 != " " }
    guard let separator = trimmed.firstRange(of: "..") else {
      guard let day = Day(iso: trimmed) else { return nil }
      self.init(start: day, end: day)
      return
    }
    guard let start = Day(iso: String(trimmed[..<separator.lowerBound])),
      let end = Day(iso: String(trimmed[separator.upperBound...])), start <= end
    else { return nil }
    self.init(start: start, end: end)
  }

  /// The number of days in the period.
  public var dayCount: Int { start.distance(to: end) + 1 }

  /// Whether a day falls inside.
  public func contains(_ day: Day) -> Bool { day >= start && day <= end }

  /// The days, in order.
  public var days: [Day] { Array(start...end) }

  /// The period of the same length that ends the day before this one starts.
  public var preceding: ReportPeriod { ReportPeriod(ending: start.advanced(by: -1), days: dayCount) }

  /// `YYYY-MM-DD..YYYY-MM-DD`.
  public var description: String { "\(start)..\(end)" }
}

/// A calendar day in UTC, stored as days since 1970-01-01.
///
/// Billing data is UTC throughout; a `Day` never consults a time zone.
///
///     let day = Day(year: 2026, month: 10, day: 3)
///     day.description        // "2026-10-03"
///     day.weekday            // 6 (Saturday; Monday is 1)
public struct Day: Hashable, Comparable, Strideable, Sendable {
  /// Days since 1970-01-01.
  public var ordinal: Int32

  /// Creates a day from its ordinal (days since 1970-01-01).
  public init(ordinal: Int32) { self.ordinal = ordinal }

  /// Creates a day from a proleptic Gregorian date; the caller validates month and day.
  public init(year: Int, month: Int, day: Int) {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    ordinal = Int32(era * 146_097 + dayOfEra - 719_468)
  }

  /// Year, month (1–12) and day of month (1–31).
  public var components: (year: Int, month: Int, day: Int) {
    let z = Int(ordinal) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// ISO weekday: Monday 1 … Sunday 7.
  public var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let offset = (Int(ordinal) + 3) % 7
    return (offset < 0 ? offset + 7 : offset) + 1
  }

  /// The month this day falls in.
  public var month: Month {
    let parts = components
    return Month(year: parts.year, month: parts.month)
  }

  /// The day of the month, 1–31.
  public var dayOfMonth: Int { components.day }

  /// Whether `year-month-day` names a real date.
  public static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month), day >= 1 else { return false }
    return day <= Month(year: year, month: month).dayCount
  }

  // MARK: Strideable

  public func distance(to other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }
  public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + Int32(n)) }
  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
}

extension Day: CustomStringConvertible {
  /// `YYYY-MM-DD`.
  public var description: String {
    let parts = components
    return "\(Day.pad(parts.year, 4))-\(Day.pad(parts.month, 2))-\(Day.pad(parts.day, 2))"
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}

extension Day {
  /// Parses `YYYY-MM-DD` (the form the CLI accepts).
  ///
  /// - Returns: nil when the text is not a valid date in that form.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      Day.isValid(year: year, month: month, day: day)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }
}

/// A calendar month, the unit of AWS billing periods.
public struct Month: Hashable, Comparable, Sendable {
  /// The year.
  public var year: Int
  /// The month, 1–12.
  public var month: Int

  /// Creates a month; the caller validates `month` is 1–12.
  public init(year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  /// The first day of the month.
  public var firstDay: Day { Day(year: year, month: month, day: 1) }

  /// The last day of the month.
  public var lastDay: Day { next.firstDay.advanced(by: -1) }

  /// Number of days in the month.
  public var dayCount: Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The following month.
  public var next: Month { month == 12 ? Month(year: year + 1, month: 1) : Month(year: year, month: month + 1) }

  /// The preceding month.
  public var previous: Month { month == 1 ? Month(year: year - 1, month: 12) : Month(year: year, month: month - 1) }

  public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

extension Month: CustomStringConvertible {
  /// `YYYY-MM`.
  public var description: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))" }

  /// Parses `YYYY-MM`.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
    else { return nil }
    self.init(year: year, month: month)
  }
}

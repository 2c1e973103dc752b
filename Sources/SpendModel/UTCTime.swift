/// A moment in UTC to the second, as the timeline records it.
public struct UTCTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The UTC day.
  public var day: Day
  /// Seconds since midnight, 0..<86,400.
  public var secondOfDay: Int

  /// Creates a time; the caller keeps `secondOfDay` in 0..<86,400.
  public init(day: Day, secondOfDay: Int) {
    self.day = day
    self.secondOfDay = secondOfDay
  }

  /// Creates a time from a day and clock fields.
  public init(day: Day, hour: Int, minute: Int, second: Int = 0) {
    self.init(day: day, secondOfDay: hour * 3600 + minute * 60 + second)
  }

  /// Parses `YYYY-MM-DDTHH:MM[:SS]Z` (a space may stand for `T`; seconds default to 0).
  public init?(iso text: String) {
    guard text.count >= 17, text.hasSuffix("Z") || text.hasSuffix("z") else { return nil }
    let body = Array(text.dropLast())
    guard let day = Day(iso: String(body[0..<10])), body[10] == "T" || body[10] == "t" || body[10] == " "
    else { return nil }
    let clock = String(body[11...]).split(separator: ":", omittingEmptySubsequences: false)
    guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
      let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute)
    else { return nil }
    var second = 0
    if clock.count == 3 {
      guard let value = Int(clock[2]), (0..<60).contains(value) else { return nil }
      second = value
    }
    self.init(day: day, hour: hour, minute: minute, second: second)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ`.
  public var description: String {
    let hour = secondOfDay / 3600
    let minute = secondOfDay / 60 % 60
    let second = secondOfDay % 60
    return "\(day)T\(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second))Z"
  }

  /// `YYYY-MM-DD HH:MM` for people.
  public var shortDescription: String {
    "\(day) \(Self.pad(secondOfDay / 3600)):\(Self.pad(secondOfDay / 60 % 60))"
  }

  public static func < (lhs: UTCTime, rhs: UTCTime) -> Bool {
    (lhs.day, lhs.secondOfDay) < (rhs.day, rhs.secondOfDay)
  }

  private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

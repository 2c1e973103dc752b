/// Runs of consecutive days: the gaps of a period (days with no rows at all), named as ranges.
public enum DayRuns {
  /// The runs of consecutive `days` (ascending, one apart) for which `isGap` holds, in order.
  ///
  ///     DayRuns.runs(in: oct1...oct5) { $0 == oct2 || $0 == oct3 }   // [oct2...oct3]
  public static func runs(in days: some Sequence<Day>, where isGap: (Day) -> Bool) -> [ClosedRange<Day>] {
    var runs: [ClosedRange<Day>] = []
    var start: Day?
    var last: Day?
    for day in days {
      if isGap(day) {
        start = start ?? day
      } else if let first = start {
        runs.append(first...day.advanced(by: -1))
        start = nil
      }
      last = day
    }
    if let first = start, let last { runs.append(first...last) }
    return runs
  }
}

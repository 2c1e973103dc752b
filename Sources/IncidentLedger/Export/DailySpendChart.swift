import SpendModel

/// The daily usage cost of an incident's series around its window as a text bar chart, one line
/// a day, window days marked with `▶` and shown with the frozen baseline they were held against.
/// Fees and tax are left out: they land on the first of the month and would flatten every other
/// bar.
public enum DailySpendChart {
  /// The chart's lines, without a trailing newline.
  ///
  /// - Parameters:
  ///   - margin: days shown before and after the window (cut to the bills' days).
  ///   - expected: the usage baseline of window days (from the overage computation), if any.
  ///   - width: the longest bar in characters.
  public static func render(
    cube: Cube, series: [SeriesSelector], window: ClosedRange<Day>, basis: CostBasis = .unblended,
    expected: [Day: Money] = [:], margin: Int = 14, width: Int = 40
  ) throws(BillComputationError) -> [String] {
    guard let billDays = cube.dayRange else { throw .noBills }
    let first = max(window.lowerBound.advanced(by: -margin), billDays.lowerBound)
    let last = min(window.upperBound.advanced(by: margin), billDays.upperBound)
    guard first <= last else { throw .noDataAfter(first, billsEnd: billDays.upperBound) }
    let costs = try SeriesDailyCosts(cube: cube, series: series, days: first...last, basis: basis)
    let days = Array(first...last)
    let actual = days.map { costs.usage(on: $0) }
    let peak = max(actual.max() ?? .zero, expected.values.max() ?? .zero)
    let amountWidth = max(actual.map { $0.dollars().count }.max() ?? 0, 6)
    var lines = [
      "day        wd    " + pad("daily spend", width) + "  " + left("actual", amountWidth) + "  expected"
    ]
    for (day, amount) in zip(days, actual) {
      let marker = window.contains(day) ? "▶" : " "
      let bar = pad(self.bar(amount, peak: peak, width: width), width)
      var line = "\(day) \(weekdayName(day.weekday)) \(marker) \(bar)  \(left(amount.dollars(), amountWidth))"
      if let baseline = expected[day] { line += "  " + baseline.dollars() }
      lines.append(line)
    }
    return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
  }

  /// A bar of `amount` out of `peak` in eighths of a character.
  static func bar(_ amount: Money, peak: Money, width: Int) -> String {
    guard peak > .zero, amount > .zero else { return "" }
    let eighths = Int((amount.units * Int128(width * 8) + peak.units / 2) / peak.units)
    let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
  }

  static func weekdayName(_ weekday: Int) -> String {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][(weekday - 1) % 7]
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  private static func left(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }
}

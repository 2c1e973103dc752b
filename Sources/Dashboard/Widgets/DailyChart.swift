import SpendModel

/// A column chart of daily spend: one column per day (the most recent days that fit), a y-axis
/// with compact amounts, a date axis, and marked days (anomalies) in their own style with a `▲`
/// under them, so they read in monochrome too.
public struct DailyChart: Sendable {
  /// Daily amounts, oldest first.
  public var values: [Money]
  /// The day of `values[0]`.
  public var firstDay: Day
  /// Days to mark.
  public var marked: Set<Day>
  /// Optional dashed reference line per day (an expected baseline), same length as `values`.
  public var reference: [Money]?
  /// Styles: bars, marked bars, axis text, reference line.
  public var bar: Style, mark: Style, axis: Style, referenceStyle: Style

  /// Creates a chart.
  public init(
    values: [Money], firstDay: Day, marked: Set<Day> = [], reference: [Money]? = nil, bar: Style, mark: Style,
    axis: Style, referenceStyle: Style
  ) {
    self.values = values
    self.firstDay = firstDay
    self.marked = marked
    self.reference = reference
    self.bar = bar
    self.mark = mark
    self.axis = axis
    self.referenceStyle = referenceStyle
  }

  /// Draws into `rect`: needs at least 4 rows and 12 columns, else draws nothing.
  public func render(into screen: inout Screen, in rect: Rect) {
    guard rect.height >= 4, rect.width >= 12, !values.isEmpty else { return }
    let plotRows = rect.height - 2
    let axisWidth = 7
    // The most recent days that fit, one column each; fewer days than columns spread over the
    // width (a day takes one column more here and there), so the chart ends at the right edge.
    let columns = rect.width - axisWidth - 1
    let days = min(values.count, columns)
    let start = values.count - days
    let peak = self.peak(from: start)
    let labels = [peak, Money.zero].map { $0.compactDollars() }
    let top = max(peak.doubleValue, 0.000_001)
    let plotX = rect.x + axisWidth + 1
    screen.put(
      TextWidth.pad(labels[0], to: axisWidth - 1, alignRight: true), x: rect.x, y: rect.y, style: axis)
    screen.put(
      TextWidth.pad(labels[1], to: axisWidth - 1, alignRight: true), x: rect.x, y: rect.y + plotRows - 1,
      style: axis)
    for row in 0..<plotRows { screen.put("┤", x: rect.x + axisWidth, y: rect.y + row, style: axis) }
    screen.put(
      "└" + String(repeating: "─", count: columns), x: rect.x + axisWidth, y: rect.y + plotRows, style: axis,
      limit: rect.right)
    for column in 0..<columns {
      let offset = column * days / columns
      let index = start + offset
      let day = firstDay.advanced(by: index)
      let isMarked = marked.contains(day)
      let height = max(values[index].doubleValue, 0) / top * Double(plotRows * 8)
      let referenceRow = reference.map { max($0[index].doubleValue, 0) / top * Double(plotRows) }
      for row in 0..<plotRows {
        let fromBottom = plotRows - 1 - row
        let eighths = Int(height.rounded()) - fromBottom * 8
        let x = plotX + column
        let y = rect.y + row
        if eighths >= 8 {
          screen.put("█", x: x, y: y, style: isMarked ? mark : bar)
        } else if eighths > 0 {
          screen.put(String(Sparkline.levels[eighths - 1]), x: x, y: y, style: isMarked ? mark : bar)
        } else if let referenceRow, Int(referenceRow) == fromBottom, referenceRow > 0 {
          screen.put("╌", x: x, y: y, style: referenceStyle)
        }
      }
      if isMarked { screen.put("▲", x: plotX + column, y: rect.y + plotRows, style: mark) }
    }
    let dateRow = rect.y + plotRows + 1
    let firstLabel = Period.shortDay(firstDay.advanced(by: start))
    let lastLabel = Period.shortDay(firstDay.advanced(by: values.count - 1))
    screen.put(firstLabel, x: plotX, y: dateRow, style: axis, limit: rect.right)
    let lastX = plotX + columns - TextWidth.of(lastLabel)
    if lastX > plotX + TextWidth.of(firstLabel) + 1 {
      screen.put(lastLabel, x: lastX, y: dateRow, style: axis, limit: rect.right)
    }
  }

  /// The largest value (or reference) from `start` on: the top of the y-axis.
  private func peak(from start: Int) -> Money {
    let shown = values[start...].max() ?? .zero
    let referencePeak = reference.flatMap { $0[start...].max() } ?? .zero
    return max(shown, referencePeak)
  }
}

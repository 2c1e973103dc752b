/// A scrolling table with a header row, a selected row and per-cell content (text, bars,
/// sparklines), laid out to the width it is given.
public struct Table: Sendable {
  /// How a column takes space.
  public enum Width: Sendable, Equatable {
    /// Exactly this many columns.
    case fixed(Int)
    /// A share of what is left after fixed columns (at least `minimum`).
    case flexible(weight: Int, minimum: Int)
  }

  /// One column.
  public struct Column: Sendable {
    /// The header text.
    public var title: String
    /// How wide it is.
    public var width: Width
    /// Whether text is right-aligned (numbers).
    public var alignRight: Bool
    /// Whether long text loses its middle rather than its end (names that differ at the end).
    public var cutsMiddle: Bool

    /// Creates a column.
    public init(_ title: String, _ width: Width, alignRight: Bool = false, cutsMiddle: Bool = false) {
      self.title = title
      self.width = width
      self.alignRight = alignRight
      self.cutsMiddle = cutsMiddle
    }
  }

  /// What a cell shows.
  public enum Content: Sendable {
    /// Text, optionally in its own style (else the row's).
    case text(String, Style? = nil)
    /// A share bar 0…1.
    case bar(Double, fill: Style)
    /// A sparkline.
    case spark([Double], Style)
  }

  /// The columns.
  public var columns: [Column]
  /// The rows of cells, one per column.
  public var rows: [[Content]]
  /// The selected row, if any.
  public var selected: Int?
  /// Styles: header, body, selection, empty part of bars.
  public var header: Style, body: Style, selection: Style, barEmpty: Style
  /// Rows matched by a search, drawn with `matchStyle` in their first column.
  public var matches: Set<Int> = []
  /// The style of matched names.
  public var matchStyle: Style = .plain

  /// Creates a table.
  public init(
    columns: [Column], rows: [[Content]], selected: Int?, header: Style, body: Style, selection: Style,
    barEmpty: Style
  ) {
    self.columns = columns
    self.rows = rows
    self.selected = selected
    self.header = header
    self.body = body
    self.selection = selection
    self.barEmpty = barEmpty
  }

  /// The first row shown when `selected` must be visible in `visibleRows` rows.
  public static func scrollOffset(selected: Int, count: Int, visibleRows: Int) -> Int {
    guard visibleRows > 0, count > visibleRows else { return 0 }
    return min(max(selected - visibleRows + 1, 0), count - visibleRows)
  }

  /// The widths of the columns within `width` (one space between columns).
  public func layout(width: Int) -> [Int] {
    let gaps = max(columns.count - 1, 0)
    let fixed = columns.reduce(0) { sum, column in
      if case .fixed(let columns) = column.width { return sum + columns }
      return sum
    }
    let weights = columns.reduce(0) { sum, column in
      if case .flexible(let weight, _) = column.width { return sum + weight }
      return sum
    }
    var remaining = max(width - gaps - fixed, 0)
    var result: [Int] = []
    var weightLeft = weights
    for column in columns {
      switch column.width {
      case .fixed(let columns): result.append(columns)
      case .flexible(let weight, let minimum):
        let share = weightLeft > 0 ? remaining * weight / weightLeft : 0
        let taken = max(share, minimum)
        result.append(taken)
        remaining = max(remaining - taken, 0)
        weightLeft -= weight
      }
    }
    return result
  }

  /// A graphic's style on the selected row: its colour on the selection's background, or the
  /// selection itself when that has no background (monochrome reverse video).
  private func onSelection(_ style: Style, _ index: Int) -> Style {
    guard index == selected else { return style }
    return selection.background == .terminalDefault ? selection : style.withBackground(selection.background)
  }

  /// Draws the header in the first row of `rect` and the rows below it.
  public func render(into screen: inout Screen, in rect: Rect) {
    guard rect.height >= 1 else { return }
    let widths = layout(width: rect.width)
    screen.fill(rect.row(0), style: header)
    var x = rect.x
    for (column, width) in zip(columns, widths) {
      screen.put(
        column.title, in: Rect(x: x, y: rect.y, width: min(width, rect.right - x), height: 1), style: header,
        alignRight: column.alignRight)
      x += width + 1
    }
    let visible = rect.height - 1
    let offset = Table.scrollOffset(selected: selected ?? 0, count: rows.count, visibleRows: visible)
    for line in 0..<min(visible, max(rows.count - offset, 0)) {
      let index = offset + line
      let y = rect.y + 1 + line
      let rowStyle = index == selected ? selection : body
      screen.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: rowStyle)
      x = rect.x
      for (position, (content, width)) in zip(rows[index], widths).enumerated() {
        let cell = Rect(x: x, y: y, width: min(width, rect.right - x), height: 1)
        x += width + 1
        guard !cell.isEmpty else { continue }
        switch content {
        case .text(let text, let style):
          var cellStyle = index == selected ? selection : (style ?? body)
          if position == 0 && matches.contains(index) && index != selected { cellStyle = matchStyle }
          let shown = columns[position].cutsMiddle ? TextWidth.truncateMiddle(text, to: cell.width) : text
          screen.put(shown, in: cell, style: cellStyle, alignRight: columns[position].alignRight)
        case .bar(let fraction, let fill):
          ShareBar(
            fraction: fraction, fill: onSelection(fill, index),
            empty: index == selected ? selection : barEmpty
          )
          .render(into: &screen, in: cell)
        case .spark(let values, let style):
          Sparkline(values: values, style: onSelection(style, index)).render(into: &screen, in: cell)
        }
      }
    }
  }
}

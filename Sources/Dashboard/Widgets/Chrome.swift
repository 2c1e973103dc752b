/// A box drawn with light lines, with an optional title in the top edge.
public struct Box: Sendable {
  /// The title, drawn as ` Title `.
  public var title: String
  /// Line style.
  public var border: Style
  /// Title style.
  public var titleStyle: Style

  /// Creates a box.
  public init(title: String = "", border: Style, titleStyle: Style) {
    self.title = title
    self.border = border
    self.titleStyle = titleStyle
  }

  /// Draws the frame on the edge of `rect` and returns the inside.
  @discardableResult
  public func render(into screen: inout Screen, in rect: Rect) -> Rect {
    guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
    let horizontal = String(repeating: "─", count: rect.width - 2)
    screen.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border, limit: rect.right)
    screen.put("└" + horizontal + "┘", x: rect.x, y: rect.bottom - 1, style: border, limit: rect.right)
    for y in (rect.y + 1)..<(rect.bottom - 1) {
      screen.put("│", x: rect.x, y: y, style: border)
      screen.put("│", x: rect.right - 1, y: y, style: border)
    }
    if !title.isEmpty && rect.width > 6 {
      screen.put(
        " " + TextWidth.truncate(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y,
        style: titleStyle, limit: rect.right - 2)
    }
    return rect.inset(dx: 1, dy: 1)
  }
}

/// Where a drill-down is: `All › AmazonElastiCache › NodeUsage`, the last step highlighted.
public struct Breadcrumbs: Sendable {
  /// The steps, root first.
  public var steps: [String]
  /// Style of earlier steps and separators; style of the last step.
  public var style: Style, current: Style

  /// Creates breadcrumbs.
  public init(steps: [String], style: Style, current: Style) {
    self.steps = steps
    self.style = style
    self.current = current
  }

  /// Draws into the first row of `rect`, dropping the oldest steps (as `…`) when too long.
  public func render(into screen: inout Screen, in rect: Rect) {
    guard !rect.isEmpty, !steps.isEmpty else { return }
    let separator = " › "
    var dropped = 0
    var shown = steps
    while dropped < steps.count - 1 && TextWidth.of(shown.joined(separator: separator)) > rect.width {
      dropped += 1
      shown = ["…"] + steps[dropped...]
    }
    var x = rect.x
    for (index, step) in shown.enumerated() {
      let last = index == shown.count - 1
      x = screen.put(step, x: x, y: rect.y, style: last ? current : style, limit: rect.right)
      if !last { x = screen.put(separator, x: x, y: rect.y, style: style, limit: rect.right) }
    }
  }
}

/// A bar of `key label` hints on the left and a note on the right.
public struct StatusBar: Sendable {
  /// Key hints (`?`, `help`).
  public var hints: [(key: String, label: String)]
  /// Text on the right.
  public var note: String
  /// Bar style, key style.
  public var style: Style, keyStyle: Style

  /// Creates a status bar.
  public init(hints: [(key: String, label: String)], note: String, style: Style, keyStyle: Style) {
    self.hints = hints
    self.note = note
    self.style = style
    self.keyStyle = keyStyle
  }

  /// Draws into the first row of `rect`; hints that do not fit are dropped from the end.
  public func render(into screen: inout Screen, in rect: Rect) {
    guard !rect.isEmpty else { return }
    screen.fill(rect.row(0), style: style)
    let noteWidth = TextWidth.of(note)
    let noteX = max(rect.right - noteWidth - 1, rect.x)
    var x = rect.x + 1
    for hint in hints {
      let width = TextWidth.of(hint.key) + TextWidth.of(hint.label) + 3
      if x + width > noteX - 1 { break }
      x = screen.put(" " + hint.key + " ", x: x, y: rect.y, style: keyStyle, limit: rect.right)
      x = screen.put(hint.label + " ", x: x, y: rect.y, style: style, limit: rect.right)
    }
    if noteX >= x { screen.put(note, x: noteX, y: rect.y, style: style, limit: rect.right) }
  }
}

/// One terminal cell: a grapheme, how many columns it takes, and its style.
///
/// A wide character occupies its own cell (width 2) and the next one, which holds an empty
/// grapheme with width 0 (a continuation).
public struct Cell: Hashable, Sendable {
  /// The character shown, `""` for the right half of a wide character.
  public var grapheme: String
  /// Columns: 1, 2 for a wide character, 0 for a continuation.
  public var width: UInt8
  /// The look.
  public var style: Style

  /// Creates a cell.
  public init(grapheme: String, width: UInt8 = 1, style: Style = .plain) {
    self.grapheme = grapheme
    self.width = width
    self.style = style
  }

  /// A space in the given style.
  public static func blank(_ style: Style = .plain) -> Cell { Cell(grapheme: " ", style: style) }
}

/// A frame: a flat grid of cells that views render into and the terminal backend flushes.
///
/// Nothing here touches a terminal, so every frame can be compared as text in tests.
public struct Screen: Hashable, Sendable {
  /// The size in cells.
  public let size: Size
  /// The cells, row by row.
  public private(set) var cells: [Cell]

  /// A screen of blanks in `style`.
  public init(size: Size, style: Style = .plain) {
    self.size = Size(width: max(0, size.width), height: max(0, size.height))
    cells = Array(repeating: .blank(style), count: self.size.width * self.size.height)
  }

  /// The whole screen as a rectangle.
  public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

  /// The cell at a column and row.
  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * size.width + x] }
    set { cells[y * size.width + x] = newValue }
  }

  // MARK: - Drawing

  /// Paints every cell of `rect` (clipped to the screen) as a blank in `style`.
  public mutating func fill(_ rect: Rect, style: Style, with grapheme: String = " ") {
    let clipped = clip(rect)
    for y in clipped.y..<clipped.bottom {
      for x in clipped.x..<clipped.right { self[x, y] = Cell(grapheme: grapheme, style: style) }
    }
  }

  /// Writes text from (`x`, `y`), never past `limit` (a column) or the screen's edge.
  ///
  /// A wide character that would straddle the limit is replaced by a space.
  ///
  /// - Returns: the column after the last one written.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
    guard y >= 0, y < size.height else { return x }
    let end = min(limit ?? size.width, size.width)
    var column = x
    for character in text {
      let width = TextWidth.of(character)
      if column + width > end {
        if column < end && width == 2 {
          self[column, y] = Cell(grapheme: " ", style: style)
          column += 1
        }
        break
      }
      if column >= 0 {
        self[column, y] = Cell(grapheme: String(character), width: UInt8(width), style: style)
        if width == 2 { self[column + 1, y] = Cell(grapheme: "", width: 0, style: style) }
      }
      column += width
    }
    return column
  }

  /// Writes text in a rectangle's row, padded or cut to its width (`…` when cut).
  public mutating func put(_ text: String, in rect: Rect, style: Style, alignRight: Bool = false) {
    guard !rect.isEmpty else { return }
    put(
      TextWidth.pad(text, to: rect.width, alignRight: alignRight), x: rect.x, y: rect.y, style: style,
      limit: rect.right)
  }

  /// Restyles the cells of `rect` (keeping their text).
  public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
    let clipped = clip(rect)
    for y in clipped.y..<clipped.bottom {
      for x in clipped.x..<clipped.right { self[x, y].style = transform(self[x, y].style) }
    }
  }

  /// The part of `rect` that lies on the screen.
  public func clip(_ rect: Rect) -> Rect {
    let x0 = max(rect.x, 0)
    let y0 = max(rect.y, 0)
    let x1 = min(rect.right, size.width)
    let y1 = min(rect.bottom, size.height)
    return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
  }

  // MARK: - Reading

  /// The text of each row (continuations skipped, so wide characters read naturally).
  public var lines: [String] {
    (0..<size.height).map { line(at: $0) }
  }

  /// The text of one row.
  public func line(at y: Int) -> String {
    var text = ""
    for x in 0..<size.width where self[x, y].width > 0 { text += self[x, y].grapheme }
    return text
  }

  /// Whether any row contains `text`.
  public func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
}

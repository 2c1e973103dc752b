/// A terminal size in cells.
public struct Size: Hashable, Sendable {
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int

  /// Creates a size.
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

/// A rectangle of cells on a screen; widgets draw only inside the rectangle they are given.
public struct Rect: Hashable, Sendable {
  /// Left column.
  public var x: Int
  /// Top row.
  public var y: Int
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int

  /// Creates a rectangle; negative sizes become empty.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// Whether the rectangle has no cells.
  public var isEmpty: Bool { width == 0 || height == 0 }

  /// The row below the last one.
  public var bottom: Int { y + height }

  /// The column right of the last one.
  public var right: Int { x + width }

  /// The rectangle shrunk by `dx` columns on each side and `dy` rows at top and bottom.
  public func inset(dx: Int = 0, dy: Int = 0) -> Rect {
    Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
  }

  /// One row of the rectangle (`index` counts from the top; negative counts from the bottom).
  public func row(_ index: Int) -> Rect {
    Rect(x: x, y: index >= 0 ? y + index : bottom + index, width: width, height: 1)
  }

  /// The top `rows` rows and the rest below.
  public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let taken = min(max(rows, 0), height)
    return (
      Rect(x: x, y: y, width: width, height: taken),
      Rect(x: x, y: y + taken, width: width, height: height - taken)
    )
  }

  /// The bottom `rows` rows and the rest above.
  public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
    let taken = min(max(rows, 0), height)
    return (
      Rect(x: x, y: y, width: width, height: height - taken),
      Rect(x: x, y: bottom - taken, width: width, height: taken)
    )
  }

  /// The left `columns` columns, and the rest right of a `gap`.
  public func splitLeft(_ columns: Int, gap: Int = 0) -> (left: Rect, rest: Rect) {
    let taken = min(max(columns, 0), width)
    return (
      Rect(x: x, y: y, width: taken, height: height),
      Rect(x: x + taken + gap, y: y, width: width - taken - gap, height: height)
    )
  }

  /// Whether a cell lies inside.
  public func contains(x column: Int, y line: Int) -> Bool {
    column >= x && column < right && line >= y && line < bottom
  }
}

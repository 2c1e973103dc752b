/// The cells that changed between two frames, as runs of text in one style.
///
/// The terminal backend writes only these runs, so a cursor move redraws two rows, not the
/// whole screen.
public struct ScreenDiff: Sendable, Equatable {
  /// Consecutive changed cells in one row with one style.
  public struct Run: Sendable, Equatable {
    /// First column.
    public var x: Int
    /// Row.
    public var y: Int
    /// The text (wide characters included once; continuations skipped).
    public var text: String
    /// The style.
    public var style: Style
  }

  /// The runs to write, top to bottom, left to right.
  public var runs: [Run]
  /// Whether the whole screen must be cleared first (first frame or a new size).
  public var isFull: Bool

  /// The difference from `old` (nil for the first frame) to `new`.
  public init(from old: Screen?, to new: Screen) {
    let full = old == nil || old?.size != new.size
    isFull = full
    runs = []
    for y in 0..<new.size.height {
      var x = 0
      while x < new.size.width {
        let cell = new[x, y]
        guard full || old?[x, y] != cell || ScreenDiff.neighbourChanged(old, new, x, y) else {
          x += 1
          continue
        }
        var text = ""
        let style = cell.style
        let start = x
        while x < new.size.width {
          let next = new[x, y]
          let changed = full || old?[x, y] != next || ScreenDiff.neighbourChanged(old, new, x, y)
          guard changed, next.style == style else { break }
          text += next.grapheme
          x += 1
        }
        if text.isEmpty {
          x = start + 1
          continue
        }
        runs.append(Run(x: start, y: y, text: text, style: style))
      }
    }
  }

  /// A continuation cell must be redrawn with its wide character; a wide character whose
  /// right half changed must be redrawn too.
  private static func neighbourChanged(_ old: Screen?, _ new: Screen, _ x: Int, _ y: Int) -> Bool {
    guard let old else { return true }
    if new[x, y].width == 2, x + 1 < new.size.width, old[x + 1, y] != new[x + 1, y] { return true }
    return false
  }
}

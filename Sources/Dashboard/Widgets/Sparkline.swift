/// A one-row chart of values from `▁` to `█`, scaled to the largest value.
public struct Sparkline: Sendable {
  /// The values, oldest first; negatives draw as the lowest bar.
  public var values: [Double]
  /// The style of the bars.
  public var style: Style

  /// The eight bar heights.
  static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// Creates a sparkline.
  public init(values: [Double], style: Style) {
    self.values = values
    self.style = style
  }

  /// Draws into the first row of `rect`, resampling the values to its width.
  public func render(into screen: inout Screen, in rect: Rect) {
    guard !rect.isEmpty else { return }
    let buckets = Sparkline.resample(values, to: rect.width)
    let top = buckets.max() ?? 0
    var text = ""
    for value in buckets {
      if top <= 0 || value <= 0 {
        text.append(value > 0 ? Sparkline.levels[0] : " ")
      } else {
        let level = Int((value / top * 7).rounded())
        text.append(Sparkline.levels[min(max(level, 0), 7)])
      }
    }
    screen.put(text, x: rect.x, y: rect.y, style: style, limit: rect.right)
  }

  /// The values averaged into `count` buckets (or spread when there are fewer values).
  public static func resample(_ values: [Double], to count: Int) -> [Double] {
    guard count > 0, !values.isEmpty else { return [] }
    if values.count <= count { return values }
    return (0..<count).map { bucket in
      let start = bucket * values.count / count
      let end = max((bucket + 1) * values.count / count, start + 1)
      return values[start..<end].reduce(0, +) / Double(end - start)
    }
  }
}

/// A horizontal bar for a share 0…1, drawn with eighth-blocks for a smooth end.
public struct ShareBar: Sendable {
  /// The share, clamped to 0…1.
  public var fraction: Double
  /// The filled part's style.
  public var fill: Style
  /// The empty part's style.
  public var empty: Style

  static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// Creates a bar.
  public init(fraction: Double, fill: Style, empty: Style) {
    self.fraction = fraction
    self.fill = fill
    self.empty = empty
  }

  /// Draws into the first row of `rect`.
  public func render(into screen: inout Screen, in rect: Rect) {
    guard !rect.isEmpty else { return }
    let clamped = min(max(fraction.isFinite ? fraction : 0, 0), 1)
    let eighths = Int((clamped * Double(rect.width * 8)).rounded())
    let full = eighths / 8
    let rest = eighths % 8
    var column = rect.x
    if full > 0 {
      column = screen.put(
        String(repeating: "█", count: full), x: column, y: rect.y, style: fill, limit: rect.right)
    }
    if rest > 0 {
      column = screen.put(
        String(ShareBar.partials[rest - 1]), x: column, y: rect.y, style: fill, limit: rect.right)
    }
    if column < rect.right {
      screen.put(
        String(repeating: "·", count: rect.right - column), x: column, y: rect.y, style: empty,
        limit: rect.right)
    }
  }
}

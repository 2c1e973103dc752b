import SpendModel

/// Small Unicode charts for reports: sparklines and horizontal bars.
public enum Charts {
  /// The eight sparkline levels, lowest first.
  static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  /// Partial bar cells, one eighth to seven eighths.
  static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// A sparkline of amounts, scaled from zero to the largest amount (so a quiet week looks quiet);
  /// zero and negative amounts draw as the lowest level.
  ///
  ///     Charts.sparkline([1, 2, 4, 8].map(Money.init(whole:)))   // "▁▂▄█"
  public static func sparkline(_ amounts: [Money]) -> String {
    let values = amounts.map { max(0, $0.doubleValue) }
    let top = values.max() ?? 0
    guard top > 0 else { return String(repeating: levels[0], count: values.count) }
    return String(
      values.map { value in
        levels[min(levels.count - 1, Int((value / top * Double(levels.count - 1)).rounded()))]
      })
  }

  /// A bar `fraction` of `width` cells long, in eighths of a cell; at least one eighth for a
  /// non-zero fraction so small moves stay visible.
  ///
  ///     Charts.bar(0.55, width: 4)   // "██▏" (2.2 cells)
  public static func bar(_ fraction: Double, width: Int) -> String {
    let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
    var eighthCount = Int((clamped * Double(width * 8)).rounded())
    if clamped > 0 { eighthCount = max(1, eighthCount) }
    var out = String(repeating: "█", count: eighthCount / 8)
    if eighthCount % 8 > 0 { out.append(eighths[eighthCount % 8 - 1]) }
    return out
  }

  /// Bars for the size of each change relative to the largest in the list.
  static func deltaBars(_ lines: [GroupChange], width: Int) -> [String] {
    let largest = lines.map { abs($0.change.delta.doubleValue) }.max() ?? 0
    return lines.map { largest > 0 ? bar(abs($0.change.delta.doubleValue) / largest, width: width) : "" }
  }
}

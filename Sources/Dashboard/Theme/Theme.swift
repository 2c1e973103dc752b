/// A complete look: a style for every role and a cost-heat gradient.
public struct Theme: Sendable, Equatable {
  /// The theme's name (`dark`).
  public var name: String
  /// One line on what it is for.
  public var summary: String
  /// The style of each role.
  public var styles: [StyleRole: Style]
  /// Gradient stops from cheap to expensive (at least one).
  public var heat: [Color]

  /// Creates a theme.
  public init(name: String, summary: String, styles: [StyleRole: Style], heat: [Color]) {
    self.name = name
    self.summary = summary
    self.styles = styles
    self.heat = heat.isEmpty ? [.terminalDefault] : heat
  }

  /// The style of a role (the terminal default when a theme leaves it out).
  public subscript(role: StyleRole) -> Style { styles[role] ?? .plain }

  /// The heat colour for a fraction 0…1 of the largest value, interpolated along the gradient.
  public func heatColor(_ fraction: Double) -> Color {
    guard heat.count > 1 else { return heat[0] }
    let t = min(max(fraction.isFinite ? fraction : 0, 0), 1) * Double(heat.count - 1)
    let index = min(Int(t), heat.count - 2)
    return heat[index].blended(with: heat[index + 1], fraction: t - Double(index))
  }

  /// The theme as the terminal can show it: every colour mapped to the nearest at `depth`.
  public func resolved(for depth: ColorDepth) -> Theme {
    Theme(
      name: name, summary: summary, styles: styles.mapValues { $0.resolved(for: depth) },
      heat: depth == .monochrome ? [.terminalDefault] : heat)
  }
}

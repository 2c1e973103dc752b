// MARK: - Color

/// A colour as a theme names it: the terminal's default, one of the 256 indexed colours, or RGB.
///
/// Themes may use any of these; `resolved(for:)` maps a colour to the nearest one the terminal
/// can show, so one theme works in 256 colours, 16 colours and monochrome.
public enum Color: Hashable, Sendable {
  /// The terminal's own foreground or background (transparent).
  case terminalDefault
  /// One of the 256 xterm colours (0–15 are the terminal's ANSI colours).
  case indexed(UInt8)
  /// A 24-bit colour, shown as the nearest indexed colour.
  case rgb(UInt8, UInt8, UInt8)
}

// MARK: - Attributes

/// Text attributes that survive every colour depth, including monochrome.
public struct TextAttributes: OptionSet, Hashable, Sendable {
  /// The attribute bits.
  public let rawValue: UInt8
  /// Attributes from their bits.
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Bold (or bright).
  public static let bold = TextAttributes(rawValue: 1)
  /// Dim.
  public static let dim = TextAttributes(rawValue: 2)
  /// Underlined.
  public static let underline = TextAttributes(rawValue: 4)
  /// Foreground and background swapped.
  public static let reverse = TextAttributes(rawValue: 8)

  /// The attribute names in a fixed order, as themes and snapshot legends spell them.
  public var names: [String] {
    var result: [String] = []
    if contains(.bold) { result.append("bold") }
    if contains(.dim) { result.append("dim") }
    if contains(.underline) { result.append("underline") }
    if contains(.reverse) { result.append("reverse") }
    return result
  }
}

// MARK: - Style

/// How one cell looks: foreground, background and attributes.
public struct Style: Hashable, Sendable {
  /// The foreground colour.
  public var foreground: Color
  /// The background colour.
  public var background: Color
  /// Bold, dim, underline, reverse.
  public var attributes: TextAttributes

  /// Creates a style.
  public init(
    foreground: Color = .terminalDefault, background: Color = .terminalDefault,
    attributes: TextAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The terminal's default look.
  public static let plain = Style()

  /// The same style with extra attributes.
  public func adding(_ extra: TextAttributes) -> Style {
    var copy = self
    copy.attributes.formUnion(extra)
    return copy
  }

  /// The same style with another foreground.
  public func withForeground(_ color: Color) -> Style {
    var copy = self
    copy.foreground = color
    return copy
  }

  /// The same style with another background.
  public func withBackground(_ color: Color) -> Style {
    var copy = self
    copy.background = color
    return copy
  }

  /// The style as the terminal can show it at `depth`.
  ///
  /// Colours go to the nearest available one; in monochrome a coloured background (a selection,
  /// a status bar) becomes reverse video so that it stays visible.
  public func resolved(for depth: ColorDepth) -> Style {
    guard depth != .monochrome else {
      var attributes = attributes
      if background != .terminalDefault { attributes.insert(.reverse) }
      return Style(attributes: attributes)
    }
    return Style(
      foreground: foreground.resolved(for: depth), background: background.resolved(for: depth),
      attributes: attributes)
  }

  /// A compact description for snapshot legends: `fg=#d0d0d0 bg=default bold`.
  public var legend: String {
    (["fg=" + foreground.name, "bg=" + background.name] + attributes.names).joined(separator: " ")
  }
}

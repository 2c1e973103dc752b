/// How many colours the terminal can show.
public enum ColorDepth: String, Sendable, CaseIterable {
  /// No colour (NO_COLOR, `TERM=dumb`, monochrome terminals): attributes only.
  case monochrome = "mono"
  /// The 16 ANSI colours.
  case ansi16 = "16"
  /// The 256 xterm colours.
  case ansi256 = "256"

  /// The depth to use for a terminal reporting `colors` colours, honouring `NO_COLOR` and `TERM`.
  ///
  /// - Parameters:
  ///   - colors: what the terminal reports (`COLORS`), 0 when it has no colour.
  ///   - environment: the process environment; a non-empty `NO_COLOR` or `TERM=dumb` means none.
  public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
    if environment["TERM"] == "dumb" { return .monochrome }
    if colors >= 256 { return .ansi256 }
    if colors >= 8 { return .ansi16 }
    return .monochrome
  }
}

// MARK: - Nearest colour

extension Color {
  /// The nearest colour the terminal can show at `depth` (`.terminalDefault` stays as it is).
  public func resolved(for depth: ColorDepth) -> Color {
    switch (self, depth) {
    case (.terminalDefault, _), (_, .monochrome): return .terminalDefault
    case (.indexed(let index), .ansi256): return .indexed(index)
    case (.indexed(let index), .ansi16):
      if index < 16 { return .indexed(index) }
      let (r, g, b) = Color.rgbOfIndex(index)
      return .indexed(Color.nearest(r, g, b, among: 0..<16))
    case (.rgb(let r, let g, let b), .ansi256): return .indexed(Color.nearest(r, g, b, among: 16..<256))
    case (.rgb(let r, let g, let b), .ansi16): return .indexed(Color.nearest(r, g, b, among: 0..<16))
    }
  }

  /// The colour as themes write it: `default`, `#rrggbb`, or the index (`208`).
  public var name: String {
    switch self {
    case .terminalDefault: return "default"
    case .indexed(let index): return String(index)
    case .rgb(let r, let g, let b): return "#" + [r, g, b].map(Color.hex).joined()
    }
  }

  /// The red, green and blue of a colour, using the xterm defaults for indexed colours.
  public var rgbComponents: (UInt8, UInt8, UInt8)? {
    switch self {
    case .terminalDefault: return nil
    case .indexed(let index): return Color.rgbOfIndex(index)
    case .rgb(let r, let g, let b): return (r, g, b)
    }
  }

  /// A colour between two others (`fraction` 0 = `self`, 1 = `other`), in RGB.
  public func blended(with other: Color, fraction: Double) -> Color {
    guard let (r1, g1, b1) = rgbComponents, let (r2, g2, b2) = other.rgbComponents else {
      return fraction < 0.5 ? self : other
    }
    let t = min(max(fraction, 0), 1)
    func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
    return .rgb(mix(r1, r2), mix(g1, g2), mix(b1, b2))
  }

  // MARK: Palette

  /// The xterm default RGB of the 16 ANSI colours.
  static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
    (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  /// The RGB of an xterm-256 index: 16 ANSI, a 6×6×6 cube, 24 greys.
  static func rgbOfIndex(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
    switch index {
    case 0..<16: return ansiRGB[Int(index)]
    case 16..<232:
      let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
      let cube = Int(index) - 16
      return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
    default:
      let grey = UInt8(8 + 10 * (Int(index) - 232))
      return (grey, grey, grey)
    }
  }

  /// The index in `range` whose RGB is closest (weighted Euclidean distance) to `r, g, b`.
  static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, among range: Range<Int>) -> UInt8 {
    var best = range.lowerBound
    var bestDistance = Int.max
    for index in range {
      let (pr, pg, pb) = rgbOfIndex(UInt8(index))
      let dr = Int(r) - Int(pr)
      let dg = Int(g) - Int(pg)
      let db = Int(b) - Int(pb)
      let distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db
      if distance < bestDistance {
        bestDistance = distance
        best = index
      }
    }
    return UInt8(best)
  }

  private static func hex(_ value: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(value >> 4)], digits[Int(value & 15)]])
  }
}

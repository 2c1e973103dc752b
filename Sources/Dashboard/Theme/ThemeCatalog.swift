/// The themes spendtop knows: built-in ones and the user's, resolved against their bases.
///
/// A theme file may set only some roles and name a `base`; the rest comes from the base (and
/// its base, and so on). A file without `base` inherits from `dark`, so every theme is complete.
public struct ThemeCatalog: Sendable {
  /// A theme source: its text and where it came from.
  public struct Source: Sendable {
    /// The name the theme is chosen by (file name without `.toml`).
    public var name: String
    /// The TOML text.
    public var text: String
    /// The path, or `builtin:NAME`.
    public var origin: String

    /// Creates a source.
    public init(name: String, origin: String, text: String) {
      self.name = name
      self.text = text
      self.origin = origin
    }
  }

  /// The root every theme chain ends in.
  public static let rootThemeName = "dark"

  private var sources: [String: Source] = [:]
  private var order: [String] = []

  /// A catalog of the built-in themes plus `user` sources (a user theme replaces a built-in one of
  /// the same name).
  public init(user: [Source] = []) {
    for source in BuiltinThemes.sources + user { add(source) }
  }

  private mutating func add(_ source: Source) {
    if sources[source.name] == nil { order.append(source.name) }
    sources[source.name] = source
  }

  /// Theme names in the order built-ins, then user themes.
  public var names: [String] { order }

  /// Where a theme comes from.
  public func origin(of name: String) -> String? { sources[name]?.origin }

  // MARK: - Usable and broken themes

  /// The themes that resolve, in `names` order: what `T` cycles through and `spendtop info` lists.
  public var usableNames: [String] { order.filter { problem(with: $0) == nil } }

  /// The themes that do not resolve (a bad file, a missing base, a base cycle), with why.
  public var brokenThemes: [(name: String, error: ThemeError)] {
    order.compactMap { name in problem(with: name).map { (name, $0) } }
  }

  /// Why the theme called `name` cannot be used, or nil when it can.
  public func problem(with name: String) -> ThemeError? {
    do {
      _ = try theme(named: name)
      return nil
    } catch {
      return error
    }
  }

  /// The complete theme called `name`.
  ///
  /// - Throws: `ThemeError` for an unknown name, a bad file, a base cycle or missing roles.
  public func theme(named name: String) throws(ThemeError) -> Theme {
    var chain: [ThemeFile] = []
    var next: String? = name
    var seen: Set<String> = []
    while let current = next {
      guard let source = sources[current] else {
        let known = order.joined(separator: ", ")
        let from = chain.last.map { " (base of \($0.name))" } ?? ""
        throw ThemeError(file: "theme \(current)", line: 0, message: "no such theme\(from); themes: \(known)")
      }
      guard seen.insert(current).inserted else {
        throw ThemeError(file: source.origin, line: 0, message: "base themes form a cycle through \(current)")
      }
      let file = try ThemeFile(parsing: source.text, file: source.origin, defaultName: current)
      chain.append(file)
      next = file.base ?? (current == ThemeCatalog.rootThemeName ? nil : ThemeCatalog.rootThemeName)
    }
    var styles: [StyleRole: Style] = [:]
    var heat: [Color] = []
    for file in chain.reversed() {
      styles.merge(file.styles) { _, override in override }
      if let gradient = file.heat { heat = gradient }
    }
    let missing = StyleRole.allCases.filter { styles[$0] == nil }.map(\.rawValue)
    if !missing.isEmpty {
      throw ThemeError(
        file: sources[name]?.origin ?? name, line: 0,
        message: "missing roles: \(missing.joined(separator: ", "))")
    }
    return Theme(name: name, summary: chain.first?.summary ?? "", styles: styles, heat: heat)
  }
}

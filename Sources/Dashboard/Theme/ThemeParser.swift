import SpendFormats

/// Why a theme could not be read.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file (or `builtin:NAME`).
  public var file: String
  /// The 1-based line, 0 when the problem is not on one line.
  public var line: Int
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// A theme file as written: its own settings, before its base theme is applied.
public struct ThemeFile: Sendable, Equatable {
  /// The theme's name (from `name`, else the file name).
  public var name: String
  /// The theme it overrides, if any.
  public var base: String?
  /// The `description`.
  public var summary: String
  /// The roles this file sets.
  public var styles: [StyleRole: Style]
  /// The heat gradient, if this file sets one.
  public var heat: [Color]?

  /// Parses a theme file.
  ///
  /// - Parameters:
  ///   - text: the TOML text.
  ///   - file: the path or `builtin:NAME`, for error messages.
  ///   - defaultName: the name when the file has no `name` key.
  /// - Throws: `ThemeError` naming the line of a syntax error, an unknown role or a bad colour.
  public init(parsing text: String, file: String, defaultName: String) throws(ThemeError) {
    let document: SettingsDocument
    do {
      document = try SettingsDocument(parsing: text)
    } catch {
      throw ThemeError(file: file, line: error.line, message: error.message)
    }
    func string(_ key: String) throws(ThemeError) -> String? {
      guard let value = document.value(key) else { return nil }
      guard let text = value.string else {
        throw ThemeError(file: file, line: value.line, message: "\(key) must be a string")
      }
      return text
    }
    for entry in document.entries("") where !["name", "base", "description"].contains(entry.key) {
      throw ThemeError(
        file: file, line: entry.value.line,
        message: "unknown key '\(entry.key)' (expected name, base, description)")
    }
    for table in document.tableOrder where !["", "styles", "heat"].contains(table) {
      throw ThemeError(
        file: file, line: document.tableLines[table] ?? 0,
        message: "unknown table [\(table)] (expected [styles], [heat])")
    }
    name = try string("name") ?? defaultName
    base = try string("base")
    summary = try string("description") ?? ""
    var styles: [StyleRole: Style] = [:]
    for entry in document.entries("styles") {
      guard let role = StyleRole(rawValue: entry.key) else {
        let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
        throw ThemeError(
          file: file, line: entry.value.line, message: "unknown role '\(entry.key)'; roles are \(known)")
      }
      guard let spec = entry.value.string else {
        throw ThemeError(
          file: file, line: entry.value.line,
          message: "\(entry.key) must be a string such as \"#d0d0d0 on default bold\"")
      }
      do {
        styles[role] = try StyleSpec.parse(spec)
      } catch {
        throw ThemeError(file: file, line: entry.value.line, message: "\(entry.key): \(error.message)")
      }
    }
    self.styles = styles
    heat = nil
    for entry in document.entries("heat") {
      guard entry.key == "gradient", let stops = entry.value.array, !stops.isEmpty else {
        throw ThemeError(
          file: file, line: entry.value.line, message: "[heat] takes gradient = [\"colour\", ...]")
      }
      var colors: [Color] = []
      for stop in stops {
        guard let text = stop.string, let color = StyleSpec.color(text) else {
          throw ThemeError(
            file: file, line: stop.line, message: "gradient stops must be colours (name, #rrggbb or 0-255)")
        }
        colors.append(color)
      }
      heat = colors
    }
  }
}

/// The style mini-language of theme files: `FG [on BG] [bold] [dim] [underline] [reverse]`.
public enum StyleSpec {
  /// A style string that could not be read.
  public struct ParseError: Error, Sendable {
    /// What is wrong.
    public var message: String
  }

  /// Parses `"#ffffff on #005f87 bold"`, `"on 236"`, `"cyan"`, `"bold"`.
  public static func parse(_ text: String) throws(ParseError) -> Style {
    var style = Style()
    var tokens = text.split(separator: " ").map { String($0).lowercased() }[...]
    var sawForeground = false
    while let token = tokens.popFirst() {
      if token == "on" {
        guard let next = tokens.popFirst(), let color = color(next) else {
          throw ParseError(message: "'on' must be followed by a colour")
        }
        style.background = color
      } else if let attribute = attributes[token] {
        style.attributes.insert(attribute)
      } else if !sawForeground, let color = color(token) {
        style.foreground = color
        sawForeground = true
      } else {
        throw ParseError(message: "'\(token)' is not a colour (name, #rrggbb, 0-255, default) or attribute")
      }
    }
    return style
  }

  /// A colour by name (`red`, `bright-blue`, `gray`, `default`), hex (`#rrggbb`) or index (`208`).
  public static func color(_ text: String) -> Color? {
    let name = text.lowercased()
    if name == "default" || name == "none" { return .terminalDefault }
    if let index = namedColors[name] { return .indexed(index) }
    if let index = UInt8(name) { return .indexed(index) }
    if name.hasPrefix("#"), name.count == 7, let value = UInt32(name.dropFirst(), radix: 16) {
      return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
    }
    return nil
  }

  private static let attributes: [String: TextAttributes] = [
    "bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse,
  ]

  private static let namedColors: [String: UInt8] = [
    "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
    "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15, "orange": 208,
  ]
}

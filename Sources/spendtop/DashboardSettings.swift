import Dashboard
import Foundation

/// Why the dashboard's settings could not be loaded.
enum SettingsError: Error, CustomStringConvertible {
  case config(ConfigError)
  case theme(ThemeError)
  case unreadable(path: String, reason: String)

  var description: String {
    switch self {
    case .config(let error): return "config: \(error)"
    case .theme(let error): return "theme: \(error)"
    case .unreadable(let path, let reason): return "\(path): \(reason)"
    }
  }
}

/// The config file and themes, read from disk for the dashboard.
struct DashboardSettings {
  /// The validated config (defaults when there is no file).
  var config: DashboardConfig
  /// Built-in plus user themes.
  var themes: ThemeCatalog
  /// The chosen theme.
  var theme: Theme
  /// User theme files found.
  var userThemeFiles: [String]
  /// Whether the config file exists.
  var configExists: Bool

  /// Reads the config and the user themes, and picks the theme (`--theme` beats the config).
  static func load(paths: SpendtopPaths, themeOverride: String?) throws(SettingsError) -> DashboardSettings {
    var config = DashboardConfig()
    let configExists = FileManager.default.fileExists(atPath: paths.configFile)
    if configExists {
      let text = try read(paths.configFile)
      do {
        config = try DashboardConfig(parsing: text, file: paths.configFile)
      } catch {
        throw .config(error)
      }
    }
    var sources: [ThemeCatalog.Source] = []
    let names = (try? FileManager.default.contentsOfDirectory(atPath: paths.themesDirectory)) ?? []
    for name in names.sorted() where name.hasSuffix(".toml") {
      let path = paths.themesDirectory + "/" + name
      sources.append(ThemeCatalog.Source(name: String(name.dropLast(5)), origin: path, text: try read(path)))
    }
    let themes = ThemeCatalog(user: sources)
    let themeName = themeOverride ?? config.theme ?? ThemeCatalog.rootThemeName
    do {
      let theme = try themes.theme(named: themeName)
      return DashboardSettings(
        config: config, themes: themes, theme: theme, userThemeFiles: sources.map(\.origin),
        configExists: configExists)
    } catch {
      throw .theme(error)
    }
  }

  private static func read(_ path: String) throws(SettingsError) -> String {
    do {
      return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }
}

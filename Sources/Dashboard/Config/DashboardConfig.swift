import SpendFormats
import SpendModel
import SpikeDetector

/// Why the config file could not be used.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file.
  public var file: String
  /// The 1-based line.
  public var line: Int
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String { "\(file):\(line): \(message)" }
}

/// The settings in `$XDG_CONFIG_HOME/spendtop/config.toml`.
///
///     theme = "dark"
///     mouse = false
///
///     [thresholds]
///     anomaly-min-impact = 10     # dollars per day: detect's --min-impact
///     anomaly-min-percent = 20    # percent of expected per day: detect's --min-percent
///     monthly-budget = 5000       # dollars: the forecast turns red above it
///
///     [aliases]
///     "111122223333" = "prod"
public struct DashboardConfig: Sendable, Equatable {
  /// The theme name, nil for the default.
  public var theme: String?
  /// Whether the mouse is on.
  public var mouse = false
  /// Smallest impact per day (per leaf series) that alarms: the detector's gate, as
  /// `detect --min-impact` (default $10).
  public var anomalyMinimumImpact: Money = DetectorSettings().minImpact
  /// Smallest impact per day relative to expected, in percent, that alarms: as
  /// `detect --min-percent` (default 20).
  public var anomalyMinimumPercent: Double = DetectorSettings().minPercent
  /// A monthly budget; the forecast is shown as a warning above it.
  public var monthlyBudget: Money?
  /// Names for account IDs.
  public var accountAliases: [String: String] = [:]

  /// The defaults.
  public init() {}

  /// Reads and validates a config file.
  ///
  /// - Throws: `ConfigError` naming the line of a syntax error, an unknown key or a bad value.
  public init(parsing text: String, file: String) throws(ConfigError) {
    let document: SettingsDocument
    do {
      document = try SettingsDocument(parsing: text)
    } catch {
      throw ConfigError(file: file, line: error.line, message: error.message)
    }
    func fail(_ value: TOMLNode, _ message: String) -> ConfigError {
      ConfigError(file: file, line: value.line, message: message)
    }
    for table in document.tableOrder where !["", "thresholds", "aliases"].contains(table) {
      throw ConfigError(
        file: file, line: document.tableLines[table] ?? 1,
        message: "unknown table [\(table)] (expected [thresholds], [aliases])")
    }
    for entry in document.entries("") {
      switch entry.key {
      case "theme":
        guard let name = entry.value.string, !name.isEmpty else {
          throw fail(entry.value, "theme must be a theme name in quotes")
        }
        theme = name
      case "mouse":
        guard let flag = entry.value.boolean else { throw fail(entry.value, "mouse must be true or false") }
        mouse = flag
      default:
        throw fail(entry.value, "unknown key '\(entry.key)' (expected theme, mouse, [thresholds], [aliases])")
      }
    }
    for entry in document.entries("thresholds") {
      guard let number = entry.value.number, number >= 0 else {
        throw fail(entry.value, "\(entry.key) must be a number ≥ 0")
      }
      switch entry.key {
      case "anomaly-min-impact": anomalyMinimumImpact = Money(approximately: number)
      case "anomaly-min-percent": anomalyMinimumPercent = number
      case "monthly-budget": monthlyBudget = Money(approximately: number)
      default:
        throw fail(
          entry.value,
          "unknown threshold '\(entry.key)' (expected anomaly-min-impact, anomaly-min-percent, monthly-budget)"
        )
      }
    }
    for entry in document.entries("aliases") {
      guard let alias = entry.value.string, !alias.isEmpty else {
        throw fail(entry.value, "the alias of account \(entry.key) must be a non-empty string")
      }
      accountAliases[entry.key] = alias
    }
  }

  /// The detector settings the thresholds give: the same gates as `detect --min-impact` and
  /// `--min-percent`, so the dashboard lists what `detect` lists with those options.
  public var detectorSettings: DetectorSettings {
    var settings = DetectorSettings()
    settings.minImpact = anomalyMinimumImpact
    settings.minPercent = anomalyMinimumPercent
    return settings
  }
}

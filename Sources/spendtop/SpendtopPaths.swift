import Foundation

/// Where spendtop keeps its files (XDG base directories, overridable by environment).
struct SpendtopPaths {
  /// The environment read.
  let environment: [String: String]

  /// The paths for the current process.
  static var current: SpendtopPaths { SpendtopPaths(environment: ProcessInfo.processInfo.environment) }

  private var home: String { environment["HOME"] ?? NSHomeDirectory() }

  private func base(_ variable: String, default fallback: String) -> String {
    if let value = environment[variable], value.hasPrefix("/") { return value }
    return home + "/" + fallback
  }

  /// `$XDG_CONFIG_HOME/spendtop`.
  var configDirectory: String { base("XDG_CONFIG_HOME", default: ".config") + "/spendtop" }

  /// The config file: `$SPENDTOP_CONFIG`, else `config.toml` in the config directory.
  var configFile: String { environment["SPENDTOP_CONFIG"] ?? configDirectory + "/config.toml" }

  /// User themes: `themes/*.toml` in the config directory.
  var themesDirectory: String { configDirectory + "/themes" }

  /// `$XDG_STATE_HOME/spendtop`: the log.
  var stateDirectory: String { base("XDG_STATE_HOME", default: ".local/state") + "/spendtop" }

  /// Where stderr goes while the dashboard runs.
  var logFile: String { stateDirectory + "/spendtop.log" }

  /// `$XDG_DATA_HOME/spendtop`: store and ledger.
  var dataDirectory: String { base("XDG_DATA_HOME", default: ".local/share") + "/spendtop" }

  /// The ledger folder: `$SPENDTOP_LEDGER`, else `ledger/` in the data directory.
  var ledgerDirectory: String { environment["SPENDTOP_LEDGER"] ?? dataDirectory + "/ledger" }
}

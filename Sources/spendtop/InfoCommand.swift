import ArgumentParser
import Dashboard
import Foundation

/// `spendtop info`: the paths in use and the themes found.
struct InfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info", abstract: "Print the config, theme, log and data paths spendtop uses.")

  mutating func run() throws {
    let paths = SpendtopPaths.current
    func exists(_ path: String) -> String {
      FileManager.default.fileExists(atPath: path) ? "" : "  (not present)"
    }
    print("config       \(paths.configFile)\(exists(paths.configFile))")
    print("themes       \(paths.themesDirectory)\(exists(paths.themesDirectory))")
    print("log          \(paths.logFile)\(exists(paths.logFile))")
    print("data         \(paths.dataDirectory)\(exists(paths.dataDirectory))")
    print("ledger       \(paths.ledgerDirectory)\(exists(paths.ledgerDirectory))")
    do {
      let settings = try DashboardSettings.load(paths: paths, themeOverride: nil)
      print("theme        \(settings.theme.name)")
      print("themes found \(settings.themes.usableNames.joined(separator: ", "))")
      // A broken theme is not usable: listed apart, with its error.
      for broken in settings.themes.brokenThemes {
        print("broken theme \(broken.name): \(broken.error)")
      }
    } catch {
      print("problem      \(error)")
      throw ExitCode(1)
    }
  }
}

import ArgumentParser
import BillImport
import Dashboard
import Foundation
import TerminalUI

/// `spendtop [PATH...]`: the dashboard (the default subcommand).
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "Open the dashboard on bills (or the store).",
    discussion: """
      Reads PATHs (bill files or folders) with visible progress while the UI is live; nothing is \
      written to the store, and triage is kept for the session only. With no PATH it opens the spend \
      store (spendtop import; --db or SPENDTOP_DB to choose one): its last \
      \(StoreDashboardLoader.monthsLoaded) months, anomalies with their saved triage, and triage \
      decisions are saved to the store. Keys: ? help, : commands, Tab/1-4 screens, q quit. Colours follow \
      the terminal (256, 16 or none; NO_COLOR turns them off).
      """)

  @Argument(help: "Bill files or folders (CUR, CUR 2.0, FOCUS, Cost Explorer CSV). None: the spend store.")
  var paths: [String] = []

  @OptionGroup var store: StoreOptions

  @Option(help: "Theme name: dark, light, high-contrast, mono, or one in the user themes folder.")
  var theme: String?

  @Flag(inversion: .prefixedNo, help: "Mouse support (default: the config's mouse setting, else off).")
  var mouse: Bool?

  func validate() throws {
    _ = try CubeSource(paths: paths, store: store)
  }

  mutating func run() throws {
    // Bills that cannot be found stop spendtop before the UI opens, as they stop `cube`: 66 for a
    // missing path, 65 for a folder with no bills. (Reading them is done live, in the UI.)
    if !self.paths.isEmpty {
      do {
        _ = try ImportPlan.make(paths: self.paths)
      } catch {
        FileHandle.standardError.write(Data("spendtop: \(error)\n".utf8))
        throw ExitCode(error.exitCode)
      }
    }
    let paths = SpendtopPaths.current
    let settings: DashboardSettings
    do {
      settings = try DashboardSettings.load(paths: paths, themeOverride: theme)
    } catch {
      FileHandle.standardError.write(Data("spendtop: \(error)\n".utf8))
      throw ExitCode(78)  // EX_CONFIG
    }
    try? FileManager.default.createDirectory(atPath: paths.stateDirectory, withIntermediateDirectories: true)
    let environment = ProcessInfo.processInfo.environment
    let effects = DashboardEffects(source: dataSource(), detector: settings.config.detectorSettings)
    let outcome = TerminalApp.run(
      mouse: mouse ?? settings.config.mouse, logPath: paths.logFile, environment: environment,
      initialEffects: DashboardApp.start(paths: self.paths),
      makeState: { size, depth in
        DashboardState(
          size: size, config: settings.config, themes: settings.themes, theme: settings.theme,
          colorDepth: depth)
      },
      effects: { effect, send in effects.run(effect, send: send) })
    if outcome == .noTerminal {
      let cause = Self.noTerminalCause(
        stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(1) == 1, term: environment["TERM"])
      FileHandle.standardError.write(
        Data(
          """
          spendtop: no usable terminal: \(cause).
          For plain text, use the report commands instead: spendtop cube, spendtop detect, spendtop report.

          """.utf8))
      throw ExitCode(2)
    }
  }

  /// Why the dashboard found no terminal: standard input or output not a TTY (piped, redirected),
  /// else `TERM` unset or unknown to terminfo (the terminal refused to open with both TTYs).
  static func noTerminalCause(stdinIsTTY: Bool, stdoutIsTTY: Bool, term: String?) -> String {
    switch (stdinIsTTY, stdoutIsTTY) {
    case (false, false): return "standard input and output are not a terminal (piped or redirected)"
    case (true, false): return "standard output is not a terminal (piped or redirected)"
    case (false, true): return "standard input is not a terminal (piped or redirected)"
    case (true, true):
      guard let term, !term.isEmpty else { return "TERM is not set" }
      return "TERM=\(term) is not known to terminfo (try TERM=xterm-256color)"
    }
  }

  /// The files named, else the store `--db` or the environment names.
  private func dataSource() -> DashboardEffects.Source {
    guard paths.isEmpty else { return .files }
    do {
      return .store(path: try store.location().path)
    } catch {
      return .noStore(error.description)
    }
  }
}

import ArgumentParser
import Foundation
import IncidentLedger
import SpendModel

/// `--ledger PATH`: where incident files live.
struct LedgerLocationOptions: ParsableArguments {
  @Option(
    name: .customLong("ledger"),
    help: ArgumentHelp(
      "The ledger folder, one TOML file per incident.",
      discussion:
        "Default: $SPENDTOP_LEDGER, else $XDG_DATA_HOME/spendtop/ledger, else ~/.local/share/spendtop/ledger.",
      valueName: "PATH"))
  var path: String?

  /// The folder chosen by the option or the environment.
  var folder: LedgerFolder {
    LedgerFolder(path: path ?? LedgerFolder.defaultPath(environment: ProcessInfo.processInfo.environment))
  }
}

/// Output formats of the ledger commands.
enum LedgerFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, markdown
}

/// Printing and failing the same way in every ledger command.
enum LedgerConsole {
  /// Writes `text` to standard error with a newline.
  static func warn(_ text: String) {
    FileHandle.standardError.write(Data(("spendtop: " + text + "\n").utf8))
  }

  /// Reports a ledger error on standard error and returns exit code 1.
  static func fail(_ error: LedgerError) -> ExitCode {
    warn(error.description)
    return ExitCode(1)
  }

  /// Runs `body`, turning a `LedgerError` into a message and exit code 1.
  static func run(_ body: () throws(LedgerError) -> Void) throws(ExitCode) {
    do throws(LedgerError) {
      try body()
    } catch {
      throw fail(error)
    }
  }

  /// A day from `YYYY-MM-DD` or a validation error naming the option.
  static func day(_ text: String, option: String) throws(LedgerError) -> Day {
    guard let day = Day(iso: text) else { throw .invalidChange("--\(option) \(text): expected YYYY-MM-DD") }
    return day
  }
}

import ArgumentParser
import BillImport
import Foundation
import IncidentLedger
import SpendModel
import SpendStore

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

/// `PATH...` or `--db FILE`: the bills that bill-derived lines are computed from.
struct LedgerBillOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Bills, manifests or folders that bill-derived lines (aws-overage, run-rate-increase) are computed "
        + "from. Without PATHs, the spend store is read if there is one; without either, those lines "
        + "are missing.", valueName: "PATH"))
  var paths: [String] = []

  @OptionGroup var store: StoreOptions

  /// The dimensions the ledger reads: what series select on (day and currency are always kept).
  static let dimensions: Set<SpendModel.Dimension> = [.service, .usageType, .account, .region, .lineItemType]

  /// The bills as a cube: the PATHs, else `--db`, else the default store when it exists; nil
  /// when there is nothing to read. An unreadable bill or store exits with its code after its
  /// message.
  func load(dimensions: Set<SpendModel.Dimension> = LedgerBillOptions.dimensions) throws(ExitCode) -> Cube? {
    guard paths.isEmpty else {
      guard store.db == nil else {
        LedgerConsole.warn("give bill PATHs or --db, not both")
        throw ExitCode(64)
      }
      do throws(BillImportError) {
        let bills = try BillReader.read(paths: paths, options: ImportOptions(dimensions: dimensions))
        for manifest in bills.emptyManifests { LedgerConsole.warn("note: " + EmptyManifest.note(manifest)) }
        return bills.cube
      } catch {
        LedgerConsole.warn(error.description)
        throw ExitCode(error.exitCode)
      }
    }
    do throws(StoreError) {
      return try store.open(creating: false).loadCube()
    } catch {
      // No store is fine unless one was named with --db.
      switch error {
      case .notFound where store.db == nil, .noLocation where store.db == nil:
        return nil
      default:
        LedgerConsole.warn(error.description)
        throw ExitCode(error.exitCode)
      }
    }
  }
}

/// Output formats of `ledger show`.
enum LedgerFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, markdown
}

/// Output formats of `ledger list` (no markdown: the postmortem is one incident's).
enum LedgerListFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}

/// Output formats of `ledger export` (documents, not the terminal table).
enum LedgerExportFormat: String, ExpressibleByArgument, CaseIterable {
  case markdown, json
}

/// Printing and failing the same way in every ledger command.
enum LedgerConsole {
  /// Writes `text` to standard error with a newline.
  static func warn(_ text: String) {
    FileHandle.standardError.write(Data(("spendtop: " + text + "\n").utf8))
  }

  /// Reports a ledger error on standard error and returns its exit code (sysexits): 64 a bad
  /// option or change, 65 an invalid ledger file, 66 no such incident, 73 the ID exists, 74 an
  /// I/O error or a failed editor, 75 the file changed on disk (re-run).
  static func fail(_ error: LedgerError) -> ExitCode {
    warn(error.description)
    switch error {
    case .invalidChange, .invalidID: return ExitCode(64)
    case .invalidFile: return ExitCode(65)
    case .notFound: return ExitCode(66)
    case .alreadyExists: return ExitCode(73)
    case .io: return ExitCode(74)
    case .changedOnDisk, .changedSinceLoaded: return ExitCode(75)
    }
  }

  /// Runs `body`, turning a `LedgerError` into a message and its exit code.
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

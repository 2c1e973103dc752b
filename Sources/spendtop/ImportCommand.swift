import ArgumentParser
import BillImport
import CubeSQL
import SpendModel
import SpendStore

#if canImport(Glibc)
  import Glibc
#endif

/// `spendtop import`: reads bills into the spend store, replacing the billing periods they hold.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import bills into the spend store, replacing the billing periods they hold.",
    discussion: """
      PATH is a bill (.csv, .csv.gz), a legacy CUR manifest (.json: its listed parts) or a folder \
      (read recursively). Formats: \(BillFormat.readableFormatsText).

      A billing period (payer account × month) is the unit of replacement: importing a period the \
      store holds replaces it whole (AWS restates bills until they are final); other periods are \
      added. Everything one command reads is stored in one transaction: if any file cannot be \
      read, nothing is stored. Import all parts of a period together (its manifest or folder). \
      Two files holding the same line items (a bill and an earlier snapshot of it) or the same \
      bytes are refused (exit 65): import the newer one alone, or the period's manifest.

      With --cube (or when every PATH starts with the cube CSV header), PATHs are cube CSV files \
      (.csv, .csv.gz): the result of a `spendtop sql` query run in Athena, Trino or DuckDB. They \
      replace the billing periods they hold in the same way and are listed by `spendtop imports`.

      Prints, per file: format, billing periods (a replaced period that now ends earlier or starts \
      later is flagged "an older bill?"), rows read and skipped, unblended totals by line item \
      type, the cost bases the file has no columns for, and the first skipped rows; manifests that \
      list no report files are named. A progress bar (rows/s, MB/s, ETA) is drawn on stderr \
      when stderr is a terminal.

      Exit codes: 0 success; 64 usage error; 65 a bill cannot be read, two files are versions of \
      one bill, or the store is unusable; \
      66 a path does not exist; 74 the store cannot be written; 75 the store is busy (another import).
      """)

  @Argument(help: "Bills, manifests or folders.")
  var paths: [String]

  @OptionGroup var store: StoreOptions

  @Flag(name: .long, help: "Continue past rows that cannot be read; list them and store the rest.")
  var skipBadRows = false

  @Flag(name: .long, help: "PATHs are cube CSV files from `spendtop sql` queries (detected from the header too).")
  var cube = false

  @Flag(name: .long, help: "Print nothing on success (no progress, no summary).")
  var quiet = false

  @Option(
    name: .long,
    help: "auto (a bar when stderr is a terminal, else nothing), bar, lines (plain lines for logs), none.")
  var progress: ProgressChoice = .auto

  enum ProgressChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, bar, lines, none
  }

  /// How many skipped rows the summary lists per file.
  static let skippedRowsShown = 5

  func run() throws {
    let location = try StoreError.reporting { () throws(StoreError) in try store.location() }
    let isNew = !SpendStore.exists(at: location.path)
    do {
      try importPaths(into: location)
    } catch {
      // A store this import created holds nothing when the import fails: leave none behind.
      if isNew { SpendStore.removeNewStore(at: location.path) }
      throw error
    }
  }

  /// Opens (or creates) the store and imports the paths; the store is closed when this returns.
  private func importPaths(into location: StoreLocation) throws {
    let spend = try StoreError.reporting { () throws(StoreError) in
      try SpendStore.open(at: location.path, creating: true)
    }
    if cube || (!paths.isEmpty && paths.allSatisfy(CubeCSV.isCubeFile)) {
      try importCubes(into: spend, storePath: location.path)
      return
    }
    let display = ImportProgressDisplay(style: progressStyle)
    let outcome: StoreImporter.Outcome
    do {
      outcome = try StoreImporter(skipBadRows: skipBadRows).run(paths: paths, into: spend, display: display)
    } catch {
      display.finish()
      switch error {
      case .bills(let failure):
        writeStandardError("spendtop: \(failure)\nspendtop: nothing was imported; the store is unchanged\n")
        throw ExitCode(failure.exitCode)
      case .store(let failure):
        writeStandardError("spendtop: \(failure)\nspendtop: nothing was imported; the store is unchanged\n")
        throw ExitCode(failure.exitCode)
      }
    }
    display.finish()
    guard !quiet else { return }
    for manifest in outcome.emptyManifests {
      writeStandardError("spendtop: note: \(EmptyManifest.note(manifest))\n")
    }
    print(ImportCommand.summary(outcome, store: location.path), terminator: "")
  }

  /// Stores cube CSV files; a bill among them is a usage error (import bills in their own command).
  private func importCubes(into spend: SpendStore, storePath: String) throws {
    if let bill = paths.first(where: { !CubeCSV.isCubeFile($0) }), !cube {
      writeStandardError("spendtop: \(bill) is not a cube CSV; import bills and cubes separately\n")
      throw ExitCode(64)
    }
    do {
      let outcome = try CubeImporter().run(paths: paths, into: spend)
      if !quiet { print(CubeImporter.summary(outcome, store: storePath), terminator: "") }
    } catch {
      let reason: String
      switch error {
      case .cube(let failure): reason = failure.description
      case .store(let failure): reason = failure.description
      }
      writeStandardError("spendtop: \(reason)\nspendtop: nothing was imported; the store is unchanged\n")
      throw ExitCode(error.exitCode)
    }
  }

  private var progressStyle: ProgressStyle {
    if quiet { return .none }
    switch progress {
    case .auto: return isatty(2) == 1 ? .bar : .none
    case .bar: return .bar
    case .lines: return .lines
    case .none: return .none
    }
  }

  // MARK: - Summary

  static func summary(_ outcome: StoreImporter.Outcome, store: String) -> String {
    let replaced = Set(outcome.stored.replaced)
    var out = ""
    for file in outcome.files {
      let record = file.record
      out += "\(record.path)\n"
      out += "  format   \(record.format), \(StoreFormatting.byteCount(record.size))"
      if let manifest = file.summary.manifest { out += ", listed by \(manifest)" }
      out += "\n"
      let periods = record.billingPeriods.map { period in
        guard replaced.contains(period) else { return "\(period) (added)" }
        guard let shrunk = outcome.shrunk[period] else { return "\(period) (replaced)" }
        let now = shrunk.now.map { "now \($0.lowerBound) – \($0.upperBound)" } ?? "now no days"
        let was = "was \(shrunk.was.lowerBound) – \(shrunk.was.upperBound)"
        return "\(period) (replaced: \(was), \(now): an older bill?)"
      }
      out += "  periods  \(periods.isEmpty ? "none (no cost rows)" : periods.joined(separator: ", "))\n"
      out +=
        "  rows     \(StoreFormatting.count(record.rowsRead)) read, "
        + "\(StoreFormatting.count(record.rowsSkipped)) skipped"
      out += file.summary.ignoredRows.sorted { $0.key < $1.key }.map { ", \($0.value) \($0.key)" }.joined()
      out += "\n"
      out += StoreFormatting.totalsTable(record.totals)
      out += DefaultedBases.summaryLines(file.summary).joined()
      for note in file.summary.notes { out += "  note     \(note)\n" }
      let skipped = file.summary.skippedRows
      if !skipped.isEmpty {
        out += "  skipped rows (totals are incomplete):\n"
        for row in skipped.prefix(skippedRowsShown) { out += "    \(row)\n" }
        if skipped.count > skippedRowsShown { out += "    … and \(skipped.count - skippedRowsShown) more\n" }
      }
    }
    for manifest in outcome.emptyManifests {
      out += "\(manifest)\n  note     lists no report files (its reportKeys is empty): "
      out += "nothing imported from it\n"
    }
    let stored = outcome.stored
    out +=
      "stored \(StoreFormatting.count(stored.cellsWritten)) "
        + "\(stored.cellsWritten == 1 ? "cell" : "cells") in \(store): "
    out += "\(stored.added.count) period(s) added, \(stored.replaced.count) replaced\n"
    return out
  }
}

import BillImport
import Dispatch
import Foundation
import SpendModel
import SpendStore
import Synchronization

/// Reads bills and stores them as one batch: files are parsed and hashed on two workers while the
/// caller's thread writes each read file into one store transaction, which replaces every billing
/// period the files hold.
struct StoreImporter {
  /// Keep going past unreadable rows (they are listed in the summaries).
  var skipBadRows: Bool
  /// Workers for parsing and hashing.
  var parallelism = 2

  /// One file's part of an import.
  struct FileResult {
    /// What the importer read.
    var summary: ImportSummary
    /// What the registry records.
    var record: ImportedFile
  }

  /// Everything an import did.
  struct Outcome {
    /// The files in plan order.
    var files: [FileResult]
    /// What the store did.
    var stored: ImportOutcome
    /// Manifests read that list no report files.
    var emptyManifests: [String] = []
    /// Replaced periods whose days now start later or end earlier than before (an older bill?).
    var shrunk: [BillingPeriod: Shrunk] = [:]
  }

  /// A replaced period's days before and after the import.
  struct Shrunk: Equatable {
    /// The days stored before.
    var was: ClosedRange<Day>
    /// The days stored now (nil: none, the new bill has no rows for it).
    var now: ClosedRange<Day>?
  }

  /// Why an import stored nothing.
  enum Failure: Error {
    /// A bill could not be read.
    case bills(BillImportError)
    /// The store refused or failed.
    case store(StoreError)
  }

  /// Imports `paths` into `store`: each file's cells go into the store's transaction as soon as
  /// the file is read, while the workers read the next files.
  func run(paths: [String], into store: SpendStore, display: ImportProgressDisplay) throws(Failure) -> Outcome
  {
    let plan: ImportPlan
    do {
      plan = try ImportPlan.make(paths: paths)
    } catch {
      throw .bills(error)
    }
    let sources = plan.sources
    let counters = ReadProgress(filesTotal: sources.count, bytesTotal: plan.byteCount, display: display)
    let pipeline = ReadPipeline(sources: sources, parallelism: parallelism, skipBadRows: skipBadRows) {
      rows, bytes, files in counters.add(rows: rows, bytes: bytes, files: files)
    }
    var files: [FileResult] = []
    var before: [BillingPeriod: ClosedRange<Day>] = [:]
    do {
      let stored = try store.importStreaming(progress: { display.storing(StoreImporter.describe($0)) }) {
        (writer) throws(Failure) -> [ImportedFile] in
        // Inside the transaction, before the writer replaces anything: the days stored until now.
        do throws(StoreError) {
          before = try StoreImporter.storedDays(in: store)
        } catch {
          throw .store(error)
        }
        pipeline.provide(writer.resolver)
        files = try StoreImporter.write(from: pipeline, sources: sources, into: writer)
        return files.map(\.record)
      }
      // Committed: a failure to read the new days only loses the warning.
      let after = (try? StoreImporter.storedDays(in: store)) ?? before
      return Outcome(
        files: files, stored: stored, emptyManifests: plan.emptyManifests,
        shrunk: StoreImporter.shrunk(stored.replaced, before: before, after: after))
    } catch {
      _ = pipeline.stop()
      switch error {
      case .source(let failure): throw failure
      case .store(let failure): throw .store(failure)
      }
    }
  }

  /// A file's path as the registry keeps it: absolute, so that the dashboard finds the bills'
  /// line items from any working directory (`bills/oct.csv` typed in /home/ana is
  /// `/home/ana/bills/oct.csv`).
  static func registryPath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// Writes each chunk of cells to the store as it is read; returns the files in plan order.
  ///
  /// Files that would count one bill twice (`BillOverlap`) fail the batch once all are read.
  private static func write(
    from pipeline: ReadPipeline, sources: [BillSource], into writer: ImportWriter
  ) throws(Failure) -> [FileResult] {
    var summaries: [Int: ImportSummary] = [:]
    var hashes: [Int: String] = [:]
    var outstanding = pipeline.count
    while outstanding > 0 {
      switch pipeline.take() {
      case .cells(_, let rows):
        do {
          try writer.add(rows.get())
        } catch {
          throw .store(error)
        }
        pipeline.release()
      case .read(let index, .success(let summary)):
        summaries[index] = summary
        outstanding -= 1
      case .hash(let index, .success(let hash)):
        hashes[index] = hash
        outstanding -= 1
      case .read(let index, .failure(let error)):
        throw firstFailure(pipeline.stop(), candidate: (index, .bills(error)))
      case .hash(let index, .failure(let error)):
        throw firstFailure(pipeline.stop(), candidate: (index, .store(error)))
      }
    }
    do {
      try BillOverlap.check(sources.indices.compactMap { summaries[$0] })
    } catch {
      throw .bills(error)
    }
    return sources.indices.compactMap { index in
      guard let summary = summaries[index], let hash = hashes[index] else { return nil }
      let record = ImportedFile(
        path: Self.registryPath(sources[index].path), size: sources[index].byteCount, sha256: hash,
        format: summary.format.description, billingPeriods: periods(of: summary), rowsRead: summary.rowsRead,
        rowsSkipped: summary.skippedRows.count, totals: totals(of: summary))
      return FileResult(summary: summary, record: record)
    }
  }

  /// The first failure in plan order among `candidate` and the failures in `finished`, a bill's
  /// before a hash's for the same file.
  private static func firstFailure(
    _ finished: [ReadPipeline.Finished], candidate: (index: Int, failure: Failure)
  ) -> Failure {
    var first = candidate
    for item in finished {
      switch item {
      case .read(let index, .failure(let error)) where index <= first.index:
        first = (index, .bills(error))
      case .hash(let index, .failure(let error)) where index < first.index:
        first = (index, .store(error))
      default: break
      }
    }
    return first.failure
  }

  // MARK: - Replaced periods

  /// The days of every stored period that has any.
  private static func storedDays(
    in store: SpendStore
  ) throws(StoreError) -> [BillingPeriod: ClosedRange<Day>] {
    var days: [BillingPeriod: ClosedRange<Day>] = [:]
    for stored in try store.periods() { days[stored.period] = stored.days }
    return days
  }

  /// The replaced periods whose days start later or end earlier than before the import.
  static func shrunk(
    _ replaced: [BillingPeriod], before: [BillingPeriod: ClosedRange<Day>],
    after: [BillingPeriod: ClosedRange<Day>]
  ) -> [BillingPeriod: Shrunk] {
    var result: [BillingPeriod: Shrunk] = [:]
    for period in replaced {
      guard let was = before[period] else { continue }
      let now = after[period]
      if let now, now.lowerBound <= was.lowerBound && now.upperBound >= was.upperBound { continue }
      result[period] = Shrunk(was: was, now: now)
    }
    return result
  }

  // MARK: - Per-file facts

  /// The billing periods (payer × month) of a file's cells.
  static func periods(of summary: ImportSummary) -> [BillingPeriod] {
    summary.payerPeriods.map { BillingPeriod(payer: $0.payer, month: $0.month) }.sorted()
  }

  /// Unblended totals by line item type and currency.
  static func totals(of summary: ImportSummary) -> [LineItemTotal] {
    summary.totalsByLineItemTypeAndCurrency
      .map {
        LineItemTotal(lineItemType: $0.key.lineItemType, currency: $0.key.currency, cost: $0.value.unblended)
      }
      .sorted { ($0.currency, $0.lineItemType) < ($1.currency, $1.lineItemType) }
  }

  /// `began`, `cells=16384/93000`, `committing`, `committed`.
  static func describe(_ step: StoreProgress) -> String {
    switch step {
    case .began: return "began"
    case .writing(let written, let total): return "cells=\(written)/\(total)"
    case .committing: return "committing"
    case .committed: return "committed"
    }
  }
}

/// Reading progress summed over workers, forwarded to the display.
private final class ReadProgress: Sendable {
  private let filesTotal: Int
  private let bytesTotal: Int64
  private let display: ImportProgressDisplay
  private let files = Atomic<Int>(0)
  private let bytes = Atomic<Int64>(0)
  private let rows = Atomic<Int>(0)

  init(filesTotal: Int, bytesTotal: Int64, display: ImportProgressDisplay) {
    self.filesTotal = filesTotal
    self.bytesTotal = bytesTotal
    self.display = display
  }

  func add(rows newRows: Int, bytes newBytes: Int64, files newFiles: Int = 0) {
    let rows = rows.wrappingAdd(newRows, ordering: .relaxed).newValue
    let bytes = bytes.wrappingAdd(newBytes, ordering: .relaxed).newValue
    let files = files.wrappingAdd(newFiles, ordering: .relaxed).newValue
    display.reading(
      rows: rows, bytes: bytes, totalBytes: bytesTotal, filesDone: files, filesTotal: filesTotal)
  }
}

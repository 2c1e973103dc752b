import BillImport
import Dispatch
import SpendModel
import SpendStore
import Synchronization

/// Reads bills and stores them as one batch: files are parsed and hashed on two workers, then
/// every billing period they hold is replaced in one store transaction.
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
  }

  /// Why an import stored nothing.
  enum Failure: Error {
    /// A bill could not be read.
    case bills(BillImportError)
    /// The store refused or failed.
    case store(StoreError)
  }

  /// One piece of work for the pool.
  private enum Work {
    case read(Int)
    case hash(Int)
  }

  /// Imports `paths` into `store`.
  func run(paths: [String], into store: SpendStore, display: ImportProgressDisplay) throws(Failure) -> Outcome
  {
    let plan: ImportPlan
    do {
      plan = try ImportPlan.make(paths: paths)
    } catch {
      throw .bills(error)
    }
    let sources = plan.sources
    // Largest files first; each file's hash right after it so that one big file still uses both workers.
    let order = sources.indices.sorted { sources[$0].byteCount > sources[$1].byteCount }
    let work = order.flatMap { [Work.read($0), Work.hash($0)] }
    let reads = Mutex<
      [Int: Result<(CompactCells, ImportSummary, [BillingPeriod], [LineItemTotal]), BillImportError>]
    >([:])
    let hashes = Mutex<[Int: Result<String, StoreError>]>([:])
    let next = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
    let progress = ReadProgress(filesTotal: sources.count, bytesTotal: plan.byteCount, display: display)
    DispatchQueue.concurrentPerform(iterations: min(parallelism, max(1, work.count))) { _ in
      while !failed.load(ordering: .relaxed) {
        let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard position < work.count else { return }
        switch work[position] {
        case .read(let index):
          var lastBytes: Int64 = 0
          let result = Result { () throws(BillImportError) -> FileImport in
            try BillReader.read(sources[index], skipBadRows: skipBadRows) { rows, bytes in
              progress.add(rows: rows, bytes: bytes - lastBytes)
              lastBytes = bytes
            }
          }
          progress.add(rows: 0, bytes: sources[index].byteCount - lastBytes, files: 1)
          switch result {
          case .success(let file):
            // Each file's cells are numbered here, on the worker, and its cube is dropped: the batch
            // holds compact cells until it is stored, and the store sums equal cells by id.
            let described = (
              CompactCells(file.cube), file.summary, StoreImporter.periods(of: file.cube),
              StoreImporter.totals(of: file.cube)
            )
            reads.withLock { $0[index] = .success(described) }
          case .failure(let error):
            failed.store(true, ordering: .relaxed)
            reads.withLock { $0[index] = .failure(error) }
          }
        case .hash(let index):
          let result = Result { () throws(StoreError) -> String in
            try SHA256.digest(ofFileAt: sources[index].path).hex
          }
          if case .failure = result { failed.store(true, ordering: .relaxed) }
          hashes.withLock { $0[index] = result }
        }
      }
    }
    let finishedReads = reads.withLock { $0 }
    let finishedHashes = hashes.withLock { $0 }
    var files: [FileResult] = []
    var parts: [CompactCells] = []
    for index in sources.indices {
      // Report the first failure in plan order, a bill's before a hash's.
      if case .failure(let error)? = finishedReads[index] { throw .bills(error) }
      if case .failure(let error)? = finishedHashes[index] { throw .store(error) }
      guard case .success(let (part, summary, periods, totals))? = finishedReads[index],
        case .success(let hash)? = finishedHashes[index]
      else { continue }
      let record = ImportedFile(
        path: sources[index].path, size: sources[index].byteCount, sha256: hash,
        format: summary.format.description,
        billingPeriods: periods, rowsRead: summary.rowsRead, rowsSkipped: summary.skippedRows.count,
        totals: totals)
      files.append(FileResult(summary: summary, record: record))
      parts.append(part)
    }
    let batch = ImportBatch(parts: parts, files: files.map(\.record))
    do {
      let stored = try store.importBatch(batch) { step in display.storing(StoreImporter.describe(step)) }
      return Outcome(files: files, stored: stored)
    } catch {
      throw .store(error)
    }
  }

  // MARK: - Per-file facts

  /// The billing periods (payer × month) a file's cells belong to.
  static func periods(of cube: Cube) -> [BillingPeriod] {
    Set(cube.rows.map { BillingPeriod(of: $0.key) }).sorted()
  }

  /// Unblended totals by line item type and currency.
  static func totals(of cube: Cube) -> [LineItemTotal] {
    var sums: [LineItemTotalKey: Money] = [:]
    for row in cube.rows {
      sums[
        LineItemTotalKey(lineItemType: row.key.lineItemType, currency: row.key.currency), default: .zero] +=
        row.costs.unblended
    }
    return sums.keys.sorted().map { key in
      LineItemTotal(lineItemType: key.lineItemType, currency: key.currency, cost: sums[key, default: .zero])
    }
  }

  /// `began cells=N`, `cells=16384/93000`, `committing`, `committed`.
  static func describe(_ step: StoreProgress) -> String {
    switch step {
    case .began(let cells): return "began cells=\(cells)"
    case .writing(let written, let total): return "cells=\(written)/\(total)"
    case .committing: return "committing"
    case .committed: return "committed"
    }
  }
}

/// A line item type in one currency, ordered for output.
private struct LineItemTotalKey: Hashable, Comparable {
  var lineItemType: String
  var currency: String

  static func < (lhs: LineItemTotalKey, rhs: LineItemTotalKey) -> Bool {
    (lhs.currency, lhs.lineItemType) < (rhs.currency, rhs.lineItemType)
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

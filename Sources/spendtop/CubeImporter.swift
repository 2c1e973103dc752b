import CubeSQL
import SpendModel
import SpendStore

#if canImport(Glibc)
  import Glibc
#endif

/// Stores cube CSV files (the results of `spendtop sql` queries) as one batch: every billing
/// period they hold replaces the stored one in one transaction, and each file joins the registry.
struct CubeImporter {
  /// The registry's format name for a cube file.
  static let formatName = "spendtop cube CSV"

  /// Rows per chunk handed to the store: memory holds one chunk's cells at a time.
  var chunkRows = 50_000

  /// Why nothing was stored.
  enum Failure: Error, Sendable {
    /// A cube file could not be read.
    case cube(CubeSQLError)
    /// The store refused or failed.
    case store(StoreError)

    var exitCode: Int32 {
      switch self {
      case .cube(let error): return error.exitCode
      case .store(let error): return error.exitCode
      }
    }
  }

  /// What the import did.
  struct Outcome {
    /// One record per file, in argument order.
    var files: [ImportedFile]
    /// What the store did.
    var stored: ImportOutcome
  }

  /// Streams every file's cells into one store transaction, a chunk at a time: a thread reads
  /// the files (`CubeReadAhead`) while this one writes.
  @discardableResult
  func run(paths: [String], into store: SpendStore) throws(Failure) -> Outcome {
    let reading = CubeReadAhead(paths: paths, chunkRows: chunkRows)
    defer { reading.stop() }
    var records: [ImportedFile] = []
    do {
      let stored = try store.importStreaming { (writer) throws(Failure) -> [ImportedFile] in
        records = try CubeImporter.write(files: paths.count, from: reading, into: writer)
        return records
      }
      return Outcome(files: records, stored: stored)
    } catch {
      switch error {
      case .source(let failure): throw failure
      case .store(let failure): throw .store(failure)
      }
    }
  }

  /// Writes each chunk as the reading thread hands it over; returns the files' records in order.
  private static func write(
    files: Int, from reading: CubeReadAhead, into writer: ImportWriter
  ) throws(Failure) -> [ImportedFile] {
    var records: [ImportedFile] = []
    while records.count < files {
      let item = reading.take()
      reading.release()
      switch item {
      case .cells(let chunk):
        do {
          try writer.add(chunk)
        } catch {
          throw .store(error)
        }
      case .file(let record): records.append(record)
      case .failed(let failure): throw failure
      }
    }
    return records
  }

  /// Reads one file chunk by chunk, handing each chunk to `hand` (false: stop reading), then
  /// hashes it; returns its registry record, or nil when told to stop.
  static func read(
    _ path: String, chunkRows: Int, hand: (CompactCube) -> Bool
  ) throws(Failure) -> ImportedFile? {
    let reader: CubeCSVReader
    do { reader = try CubeCSVReader(path: path, chunkRows: chunkRows) } catch { throw .cube(error) }
    var periods: Set<BillingPeriod> = []
    var totals: [LineItemCurrency: Money] = [:]
    while true {
      let chunk: CompactCube?
      do { chunk = try reader.next() } catch { throw .cube(error) }
      guard let chunk else { break }
      for period in chunk.periods {
        periods.insert(BillingPeriod(payer: period.payer, month: period.month))
      }
      for (key, costs) in chunk.totalsByLineItemTypeAndCurrency {
        totals[key, default: .zero] += costs.unblended
      }
      guard hand(chunk) else { return nil }
    }
    let digest: SHA256.Digest
    do { digest = try SHA256.digest(ofFileAt: path) } catch { throw .store(error) }
    return ImportedFile(
      path: StoreImporter.registryPath(path), size: size(of: path), sha256: digest.hex, format: formatName,
      billingPeriods: periods.sorted(), rowsRead: reader.rowsRead, rowsSkipped: 0, totals: ordered(totals))
  }

  /// Unblended totals ordered by currency, then line item type.
  private static func ordered(_ totals: [LineItemCurrency: Money]) -> [LineItemTotal] {
    totals.map { LineItemTotal(lineItemType: $0.key.lineItemType, currency: $0.key.currency, cost: $0.value) }
      .sorted { ($0.currency, $0.lineItemType) < ($1.currency, $1.lineItemType) }
  }

  private static func size(of path: String) -> Int64 {
    var info = stat()
    return stat(path, &info) == 0 ? Int64(info.st_size) : 0
  }

  // MARK: - Summary

  /// Per file: format, periods, rows, unblended totals; then what was stored.
  static func summary(_ outcome: Outcome, store: String) -> String {
    let replaced = Set(outcome.stored.replaced)
    var out = ""
    for record in outcome.files {
      out += "\(record.path)\n"
      out += "  format   \(record.format), \(StoreFormatting.byteCount(record.size))\n"
      let periods = record.billingPeriods.map { "\($0) (\(replaced.contains($0) ? "replaced" : "added"))" }
      out += "  periods  \(periods.isEmpty ? "none (no cells)" : periods.joined(separator: ", "))\n"
      out += "  cells    \(StoreFormatting.count(record.rowsRead)) read\n"
      out += StoreFormatting.totalsTable(record.totals)
    }
    let stored = outcome.stored
    out +=
      "stored \(StoreFormatting.count(stored.cellsWritten)) \(stored.cellsWritten == 1 ? "cell" : "cells") "
    out += "in \(store): \(stored.added.count) period(s) added, \(stored.replaced.count) replaced\n"
    return out
  }
}

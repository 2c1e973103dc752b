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

  /// Why nothing was stored.
  enum Failure: Error {
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

  /// Reads every file, then stores them together.
  func run(paths: [String], into store: SpendStore) throws(Failure) -> Outcome {
    var cubes: [Cube] = []
    var records: [ImportedFile] = []
    for path in paths {
      let file: CubeCSV.File
      let digest: SHA256.Digest
      do { file = try CubeCSV.read(path: path) } catch { throw .cube(error) }
      do { digest = try SHA256.digest(ofFileAt: path) } catch { throw .store(error) }
      cubes.append(file.cube)
      records.append(
        ImportedFile(
          path: path, size: CubeImporter.size(of: path), sha256: digest.hex, format: CubeImporter.formatName,
          billingPeriods: CubeImporter.periods(of: file.cube), rowsRead: file.rowsRead, rowsSkipped: 0,
          totals: CubeImporter.totals(of: file.cube)))
    }
    do {
      let stored = try store.importBatch(ImportBatch(cubes: cubes, files: records))
      return Outcome(files: records, stored: stored)
    } catch {
      throw .store(error)
    }
  }

  /// The billing periods (payer × month) of a cube's cells.
  static func periods(of cube: Cube) -> [BillingPeriod] {
    Set(cube.rows.map { BillingPeriod(of: $0.key) }).sorted()
  }

  /// Unblended totals by line item type and currency, ordered by currency, then type.
  static func totals(of cube: Cube) -> [LineItemTotal] {
    var sums: [String: [String: Money]] = [:]
    for row in cube.rows {
      sums[row.key.currency, default: [:]][row.key.lineItemType, default: .zero] += row.costs.unblended
    }
    return sums.keys.sorted().flatMap { currency in
      (sums[currency] ?? [:]).sorted { $0.key < $1.key }.map {
        LineItemTotal(lineItemType: $0.key, currency: currency, cost: $0.value)
      }
    }
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
      if !record.totals.isEmpty {
        let rows = record.totals.map {
          [$0.lineItemType, $0.currency, $0.cost.formatted(decimals: 2, grouping: true)]
        }
        let table = StoreFormatting.table(
          header: ["line item type", "currency", "unblended"], rows: rows, rightAligned: [2])
        out += table.split(separator: "\n").map { "    " + $0 + "\n" }.joined()
      }
    }
    let stored = outcome.stored
    out +=
      "stored \(StoreFormatting.count(stored.cellsWritten)) \(stored.cellsWritten == 1 ? "cell" : "cells") "
    out += "in \(store): \(stored.added.count) period(s) added, \(stored.replaced.count) replaced\n"
    return out
  }
}

import ArgumentParser
import BillImport
import SpendModel
import SpendStore

/// Where a reading command's cube comes from: the bills named on the command line, or, given no
/// PATH, the spend store. Both give the same answers for the same bills.
///
///     let source = try CubeSource(paths: paths, store: store)
///     let result = try source.rollup(by: [.day, .service], basis: .unblended, filter: filter)
///
/// Reading bills never writes to a store; only `spendtop import` does.
enum CubeSource {
  /// Bills, manifests or folders, read now.
  case files([String])
  /// The store `--db` or the environment names.
  case store(StoreOptions)

  /// The source for a command's arguments: its PATHs, else its store.
  ///
  /// - Throws: `ValidationError` when both PATHs and `--db` are given.
  init(paths: [String], store: StoreOptions) throws {
    if paths.isEmpty {
      self = .store(store)
    } else {
      guard store.db == nil else { throw ValidationError("give bill PATHs or --db, not both") }
      self = .files(paths)
    }
  }

  /// A cube and how complete it is.
  struct Loaded {
    /// The cells that pass the filter.
    var cube: Cube
    /// Rows skipped while reading bills (never any from the store: they were reported at import).
    var skippedRows: [BadRow]
  }

  /// A rollup, the currencies it covers and how complete it is.
  struct Summed {
    /// The groups.
    var groups: Groups
    /// The currencies of the cells summed.
    var currencies: [String]
    /// Rows skipped while reading bills.
    var skippedRows: [BadRow]
    /// What each file held (empty when read from the store).
    var summaries: [ImportSummary] = []

    /// A store's rollup, or compact groups from files (each row made as it is written).
    enum Groups {
      case rollup(Rollup)
      case grouped(GroupedRows)
    }
  }

  /// Why the data could not be loaded.
  enum Failure: Error, CustomStringConvertible {
    case bills(BillImportError)
    case store(StoreError)
    /// The cells cannot be summed (mixed currencies); the summaries say which file holds which.
    case rollup(RollupError, summaries: [ImportSummary])

    var description: String {
      switch self {
      case .bills(let error): return error.description
      case .store(let error): return error.description
      case .rollup(let error, _): return error.description
      }
    }

    /// 64 usage (mixed currencies), 65 unreadable bill or store, 66 missing input, 74 I/O.
    var exitCode: Int32 {
      switch self {
      case .bills(let error): return error.exitCode
      case .store(.rollup): return 64
      case .store(let error): return error.exitCode
      case .rollup: return 64
      }
    }
  }

  // MARK: - Loading

  /// The cube of the cells that pass `filter`.
  ///
  /// - Parameters:
  ///   - dimensions: when reading bills, the dimensions to keep (nil keeps the full grain).
  ///   - skipBadRows: when reading bills, continue past unreadable rows.
  func load(
    filter: CubeFilter = .all, dimensions: Set<Dimension>? = nil, skipBadRows: Bool = false
  ) throws(Failure) -> Loaded {
    switch self {
    case .files(let paths):
      let bills = try read(paths, dimensions: dimensions, skipBadRows: skipBadRows)
      return Loaded(cube: bills.cube.filtered(filter), skippedRows: bills.skippedRows)
    case .store(let options):
      do {
        return Loaded(cube: try options.open(creating: false).loadCube(filter: filter), skippedRows: [])
      } catch {
        throw .store(error)
      }
    }
  }

  /// The cells that pass `filter` summed by `dimensions` on `basis` (in SQL for the store).
  func rollup(
    by dimensions: [Dimension], basis: CostBasis, filter: CubeFilter, skipBadRows: Bool = false
  ) throws(Failure) -> Summed {
    switch self {
    case .files(let paths):
      var needed = Set(dimensions + [.currency])
      for condition in filter.equals { needed.insert(condition.dimension) }
      let bills = try readCells(paths, dimensions: needed, skipBadRows: skipBadRows)
      do {
        let grouped = try bills.cells.grouped(by: dimensions, basis: basis, filter: filter)
        return Summed(
          groups: .grouped(grouped), currencies: bills.cells.currencies(passing: filter),
          skippedRows: bills.skippedRows, summaries: bills.summaries)
      } catch {
        throw .rollup(error, summaries: bills.summaries)
      }
    case .store(let options):
      do {
        let store = try options.open(creating: false)
        let rollup = try store.rollup(by: dimensions, basis: basis, filter: filter)
        let currencies = try store.rollup(by: [.currency], filter: filter).rows.compactMap(\.values.first)
        return Summed(groups: .rollup(rollup), currencies: currencies, skippedRows: [])
      } catch {
        throw .store(error)
      }
    }
  }

  /// The bills' cells kept compact, for a rollup (memory per group, not per string key).
  private func readCells(
    _ paths: [String], dimensions: Set<Dimension>, skipBadRows: Bool
  ) throws(Failure) -> BillCells {
    do {
      let bills = try BillReader.readCells(
        paths: paths, options: ImportOptions(skipBadRows: skipBadRows, dimensions: dimensions))
      for manifest in bills.emptyManifests { printError("spendtop: note: \(EmptyManifest.note(manifest))") }
      return bills
    } catch {
      throw .bills(error)
    }
  }

  private func read(
    _ paths: [String], dimensions: Set<Dimension>?, skipBadRows: Bool
  ) throws(Failure) -> BillImport {
    do {
      let bills = try BillReader.read(
        paths: paths, options: ImportOptions(skipBadRows: skipBadRows, dimensions: dimensions))
      for manifest in bills.emptyManifests { printError("spendtop: note: \(EmptyManifest.note(manifest))") }
      return bills
    } catch {
      throw .bills(error)
    }
  }
}

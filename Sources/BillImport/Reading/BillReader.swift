import Dispatch
import SpendModel
import Synchronization

/// How to import.
public struct ImportOptions: Sendable {
  /// Keep going past rows that cannot be read, listing them in the summaries.
  public var skipBadRows: Bool
  /// How many files to read at once (at least 1).
  public var parallelism: Int
  /// The dimensions to keep; nil keeps the full grain of `CubeKey`.
  ///
  /// A query that needs only `day,service` passes those: other columns are not read and cells
  /// collapse, so memory follows the answer's size rather than the bill's. Day, billing period
  /// and currency are always kept (currencies are never added together).
  public var dimensions: Set<Dimension>?

  /// Creates options.
  public init(skipBadRows: Bool = false, parallelism: Int = 2, dimensions: Set<Dimension>? = nil) {
    self.skipBadRows = skipBadRows
    self.parallelism = max(1, parallelism)
    self.dimensions = dimensions
  }
}

/// How far an import has got.
public struct ImportProgress: Sendable {
  /// Files finished.
  public var filesDone: Int
  /// Files planned.
  public var filesTotal: Int
  /// Bytes of the files consumed so far (compressed bytes for `.gz`).
  public var bytesRead: Int64
  /// Total size of the files on disk.
  public var bytesTotal: Int64
  /// Data rows read so far.
  public var rowsRead: Int
}

/// Reads billing exports into a cube.
///
///     let bills = try BillReader.read(paths: ["bills/2026-08"])
///     let rollup = try bills.cube.rollup(by: [.day, .service])
public enum BillReader {
  /// Imports every bill the paths lead to, several files at once, and merges them.
  ///
  /// - Parameters:
  ///   - paths: files (`.csv`, `.csv.gz`, manifest `.json`) or folders.
  ///   - options: bad-row handling and parallelism.
  ///   - progress: called from worker threads as rows are read.
  /// - Throws: the first error in plan order; `BillImportError.overlappingBills` or
  ///   `.duplicateBill` when files would count one bill twice (see `BillOverlap`).
  public static func read(
    paths: [String], options: ImportOptions = ImportOptions(),
    progress: (@Sendable (ImportProgress) -> Void)? = nil
  ) throws(BillImportError) -> BillImport {
    let plan = try ImportPlan.make(paths: paths)
    return try read(plan: plan, options: options, progress: progress)
  }

  /// Imports a planned set of files; see `read(paths:options:progress:)`.
  public static func read(
    plan: ImportPlan, options: ImportOptions = ImportOptions(),
    progress: (@Sendable (ImportProgress) -> Void)? = nil
  ) throws(BillImportError) -> BillImport {
    let (merged, summaries) = try readFiles(
      plan, options: options, progress: progress, into: Cube(), prepare: { $0.cube }, merge: { $0.merge($1) })
    return BillImport(cube: merged, summaries: summaries, emptyManifests: plan.emptyManifests)
  }

  /// Imports every bill the paths lead to, as `read(paths:options:progress:)` does, keeping the
  /// cells compact (numbered labels): what a rollup from files needs, at a fraction of the memory
  /// of a `Cube` with string keys.
  ///
  ///     let bills = try BillReader.readCells(paths: ["bills/2026-08"], options: options)
  ///     let rollup = try bills.cells.rollup(by: [.day, .resource])
  public static func readCells(
    paths: [String], options: ImportOptions = ImportOptions(),
    progress: (@Sendable (ImportProgress) -> Void)? = nil
  ) throws(BillImportError) -> BillCells {
    let plan = try ImportPlan.make(paths: paths)
    let (merged, summaries) = try readFiles(
      plan, options: options, progress: progress, into: CompactCube.Merger(), prepare: { $0.cells },
      merge: { $0.add($1) })
    return BillCells(cells: merged.cells, summaries: summaries, emptyManifests: plan.emptyManifests)
  }

  /// Imports one file (the incremental entry point: one call per file, on any thread).
  ///
  /// - Parameters:
  ///   - source: a planned file.
  ///   - skipBadRows: keep going past unreadable rows.
  ///   - dimensions: the dimensions to keep (nil: the full grain).
  ///   - progress: called every few thousand rows with rows read since the last call and the
  ///     file's bytes consumed so far.
  public static func read(
    _ source: BillSource, skipBadRows: Bool = false, dimensions: Set<Dimension>? = nil, progress: (_ rows: Int, _ bytes: Int64) -> Void = { _, _ in }
  ) throws(BillImportError) -> FileImport {
    try read(source, skipBadRows: skipBadRows, dimensions: dimensions, progress: progress, chunkRows: nil)
  }

  /// Imports one file at the full grain, handing its cells over every `chunkRows` rows while it is
  /// read (so that a store can write them meanwhile); returns the file's summary.
  ///
  /// Chunks may repeat a cell of an earlier chunk (a cell's line items spread over the file):
  /// whoever takes them sums equal keys.
  public static func read(
    _ source: BillSource, skipBadRows: Bool = false, chunkRows: Int,
    progress: (_ rows: Int, _ bytes: Int64) -> Void = { _, _ in }, deliver: (CompactCube) -> Void
  ) throws(BillImportError) -> ImportSummary {
    try read(
      source, skipBadRows: skipBadRows, dimensions: nil, progress: progress, chunkRows: chunkRows, deliver: deliver
    ).summary
  }

  private static func read(
    _ source: BillSource, skipBadRows: Bool, dimensions: Set<Dimension>?, progress: (Int, Int64) -> Void,
    chunkRows: Int?, deliver: (CompactCube) -> Void = { _ in }
  ) throws(BillImportError) -> FileImport {
    if source.byteCount == 0, case .file(0, _)? = FileSystem.kind(source.path) {
      throw .emptyFile(path: source.path)
    }
    if let magic = FileSystem.prefix(source.path, count: 2), magic == [0x50, 0x4B] {
      throw .unsupportedFormat(
        path: source.path, format: "a zip archive", advice: "unzip it first (spendtop reads .csv and .csv.gz)")
    }
    let bytes: FileByteSource
    do {
      bytes = try FileByteSource(path: source.path)
    } catch {
      throw .unreadable(path: source.path, reason: error.description)
    }
    return try FileImporter.importFile(
      from: bytes, path: source.path, manifest: source.manifest, skipBadRows: skipBadRows,
      dimensions: dimensions, progress: { rows, consumed in progress(rows, consumed ?? 0) },
      chunkRows: chunkRows, deliver: deliver)
  }

  // MARK: - Parallel reading

  /// Reads files on `parallelism` workers, merging each file's cells into `initial` as soon as the
  /// file is done, so memory holds one file's cells per worker plus the merged cells.
  ///
  /// `prepare` turns a file's import into what is merged, outside the lock; `merge` adds it.
  private static func readFiles<Part, Merged: Sendable>(
    _ plan: ImportPlan, options: ImportOptions, progress: (@Sendable (ImportProgress) -> Void)?,
    into initial: Merged, prepare: @Sendable (FileImport) -> Part,
    merge: @Sendable (inout Merged, Part) -> Void
  ) throws(BillImportError) -> (Merged, [ImportSummary]) {
    let sources = plan.sources
    // Largest first, so that two workers finish close together.
    let order = sources.indices.sorted { sources[$0].byteCount > sources[$1].byteCount }
    let merged = Mutex<Merged>(initial)
    let results = Mutex<[Int: Result<ImportSummary, BillImportError>]>([:])
    let next = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
    let counters = ProgressCounters(filesTotal: sources.count, bytesTotal: plan.byteCount)
    let workers = min(options.parallelism, max(1, sources.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while !failed.load(ordering: .relaxed) {
        let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard position < order.count else { return }
        let index = order[position]
        var lastBytes: Int64 = 0
        let result = Result { () throws(BillImportError) -> FileImport in
          try read(sources[index], skipBadRows: options.skipBadRows, dimensions: options.dimensions) { rows, bytes in
            counters.add(rows: rows, bytes: bytes - lastBytes)
            lastBytes = bytes
            if let progress { progress(counters.snapshot) }
          }
        }
        if case .failure = result { failed.store(true, ordering: .relaxed) }
        counters.add(rows: 0, bytes: sources[index].byteCount - lastBytes, files: 1)
        if let progress { progress(counters.snapshot) }
        if case .success(let file) = result {
          let part = prepare(file)
          merged.withLock { merge(&$0, part) }
        }
        results.withLock { $0[index] = result.map(\.summary) }
      }
    }
    let finished = results.withLock { $0 }
    var summaries: [ImportSummary] = []
    for index in sources.indices {
      switch finished[index] {
      case .success(let summary)?: summaries.append(summary)
      case .failure(let error)?: throw error
      case nil: continue
      }
    }
    try BillOverlap.check(summaries)
    return (merged.withLock { $0 }, summaries)
  }
}

/// Shared counters for progress across workers.
private final class ProgressCounters: Sendable {
  let filesTotal: Int
  let bytesTotal: Int64
  private let files = Atomic<Int>(0)
  private let bytes = Atomic<Int64>(0)
  private let rows = Atomic<Int>(0)

  init(filesTotal: Int, bytesTotal: Int64) {
    self.filesTotal = filesTotal
    self.bytesTotal = bytesTotal
  }

  func add(rows newRows: Int, bytes newBytes: Int64, files newFiles: Int = 0) {
    rows.wrappingAdd(newRows, ordering: .relaxed)
    bytes.wrappingAdd(newBytes, ordering: .relaxed)
    files.wrappingAdd(newFiles, ordering: .relaxed)
  }

  var snapshot: ImportProgress {
    ImportProgress(
      filesDone: files.load(ordering: .relaxed), filesTotal: filesTotal, bytesRead: bytes.load(ordering: .relaxed),
      bytesTotal: bytesTotal, rowsRead: rows.load(ordering: .relaxed))
  }
}

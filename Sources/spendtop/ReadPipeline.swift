import BillImport
import Dispatch
import Foundation
import SpendModel
import SpendStore
import Synchronization

/// Reads and hashes bills on worker threads and hands their cells over a chunk at a time, as they
/// are read, each chunk resolved to store rows on the worker (`ImportResolver`) so that the
/// writer's thread only inserts them.
///
/// The workers start reading at once; they wait for the resolver (given by `provide` once the
/// store transaction is open) only before resolving their first chunk.
///
/// A worker may hand over a chunk only while fewer than `parallelism` chunks wait to be taken
/// (and written to the store): memory holds a few chunks of cells, however large the files and
/// however many of them the batch has.
final class ReadPipeline: Sendable {
  /// Rows per chunk of cells.
  static let chunkRows = 50_000

  /// A finished piece of work.
  enum Finished: Sendable {
    /// A chunk of a file's cells as store rows (more may follow until its `read`), or why it
    /// cannot be stored.
    case cells(Int, Result<ResolvedCells, StoreError>)
    /// A file is read (its cells were all handed over), or could not be.
    case read(Int, Result<ImportSummary, BillImportError>)
    /// A file's hash.
    case hash(Int, Result<String, StoreError>)
  }

  /// One piece of work.
  private enum Work {
    case read(Int)
    case hash(Int)
  }

  private let sources: [BillSource]
  private let work: [Work]
  private let skipBadRows: Bool
  private let next = Atomic<Int>(0)
  private let stopped = Atomic<Bool>(false)
  private let finished = Mutex<[Finished]>([])
  /// Signalled once per finished piece of work.
  private let ready = DispatchSemaphore(value: 0)
  /// Free places for chunks not yet taken.
  private let places: DispatchSemaphore
  private let workers: Int
  private let done = DispatchGroup()
  /// The resolver once provided; nil before, and for good once stopped without one.
  private let resolver = Mutex<ImportResolver?>(nil)
  /// Left once, when the resolver is provided or the pipeline stops.
  private let resolverSettled = DispatchGroup()
  private let settled = Atomic<Bool>(false)

  /// Starts `parallelism` workers on `sources`, largest files first, each file's hash right after
  /// it (so that one big file still keeps two workers busy).
  init(
    sources: [BillSource], parallelism: Int, skipBadRows: Bool,
    progress: @escaping @Sendable (_ rows: Int, _ bytes: Int64, _ files: Int) -> Void
  ) {
    self.sources = sources
    self.skipBadRows = skipBadRows
    let order = sources.indices.sorted { sources[$0].byteCount > sources[$1].byteCount }
    work = order.flatMap { [Work.read($0), Work.hash($0)] }
    workers = max(1, min(parallelism, work.count))
    // Created at 0 and signalled up: libdispatch traps when a semaphore is freed below its initial
    // value, which happens when an import stops with chunks handed over but never released.
    places = DispatchSemaphore(value: 0)
    resolverSettled.enter()
    for _ in 0..<max(1, parallelism) { places.signal() }
    // Threads of their own: the dispatch pool stops at one thread per core, and one of those is
    // the caller's, which writes to the store meanwhile.
    for _ in 0..<workers {
      done.enter()
      Thread { [self] in
        runWorker(progress: progress)
        done.leave()
      }.start()
    }
  }

  /// The number of pieces of work (a read and a hash per file), not counting chunks of cells.
  var count: Int { work.count }

  /// Waits for the next finished piece of work, in the order they finish.
  func take() -> Finished {
    ready.wait()
    return finished.withLock { $0.removeFirst() }
  }

  /// Gives the workers the resolver of the open import; they resolve every chunk with it.
  func provide(_ resolver: ImportResolver) {
    self.resolver.withLock { $0 = resolver }
    settle()
  }

  /// Says that a chunk of cells was taken and written: another may be handed over.
  func release() { places.signal() }

  /// Stops handing out work and waits for the workers to finish what they are doing; returns
  /// what finished and was not taken.
  func stop() -> [Finished] {
    stopped.store(true, ordering: .relaxed)
    settle()
    for _ in 0..<workers { places.signal() }
    done.wait()
    return finished.withLock { $0 }
  }

  // MARK: - Workers

  private func runWorker(progress: @escaping @Sendable (Int, Int64, Int) -> Void) {
    while !stopped.load(ordering: .relaxed) {
      let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard position < work.count else { return }
      switch work[position] {
      case .read(let index):
        publish(.read(index, read(index, progress: progress)))
      case .hash(let index):
        let result = Result { () throws(StoreError) -> String in
          try SHA256.digest(ofFileAt: sources[index].path).hex
        }
        publish(.hash(index, result))
      }
    }
  }

  private func read(
    _ index: Int, progress: @Sendable (Int, Int64, Int) -> Void
  ) -> Result<ImportSummary, BillImportError> {
    var lastBytes: Int64 = 0
    let result = Result { () throws(BillImportError) -> ImportSummary in
      try BillReader.read(
        sources[index], skipBadRows: skipBadRows, chunkRows: ReadPipeline.chunkRows,
        progress: { rows, bytes in
          progress(rows, bytes - lastBytes, 0)
          lastBytes = bytes
        },
        deliver: { cells in
          // Once stopped, nobody takes chunks: the rest of the file is read for nothing.
          guard !stopped.load(ordering: .relaxed) else { return }
          resolverSettled.wait()
          guard let resolver = resolver.withLock({ $0 }) else { return }
          // Resolved only once it has a place: the rows never wait beside the cells they came from.
          places.wait()
          guard !stopped.load(ordering: .relaxed) else { return }
          let rows = Result { () throws(StoreError) -> ResolvedCells in try resolver.resolve(cells) }
          publish(.cells(index, rows))
        })
    }
    progress(0, sources[index].byteCount - lastBytes, 1)
    return result
  }

  /// Releases the workers waiting for the resolver (once).
  private func settle() {
    if !settled.exchange(true, ordering: .acquiringAndReleasing) { resolverSettled.leave() }
  }

  private func publish(_ item: Finished) {
    switch item {
    case .read(_, .failure), .hash(_, .failure), .cells(_, .failure): stopped.store(true, ordering: .relaxed)
    default: break
    }
    finished.withLock { $0.append(item) }
    ready.signal()
  }
}

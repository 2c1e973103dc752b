import CubeSQL
import Dispatch
import Foundation
import SpendModel
import SpendStore
import Synchronization

/// Reads cube files on a thread of its own, a chunk of cells at a time, while the caller writes
/// the chunks into the store: parsing and SQLite overlap on two cores.
///
/// At most `depth` items wait to be taken, so memory holds a few chunks however large the files.
final class CubeReadAhead: Sendable {
  /// What the reading thread hands over, in file order.
  enum Item: Sendable {
    /// A chunk of the current file's cells (more may follow until its `file`).
    case cells(CompactCube)
    /// A file is read and hashed: its registry record.
    case file(ImportedFile)
    /// A file could not be read or hashed; nothing follows.
    case failed(CubeImporter.Failure)
  }

  private let items = Mutex<[Item]>([])
  /// Signalled once per item handed over.
  private let ready = DispatchSemaphore(value: 0)
  /// Free places for items not yet taken.
  private let places: DispatchSemaphore
  private let stopped = Atomic<Bool>(false)
  private let done = DispatchGroup()

  /// Starts reading `paths` in order, `chunkRows` rows per chunk.
  init(paths: [String], chunkRows: Int, depth: Int = 2) {
    // Created at 0 and signalled up: libdispatch traps when a semaphore is freed below its initial
    // value, which happens when the import stops with items handed over but never taken.
    places = DispatchSemaphore(value: 0)
    for _ in 0..<max(1, depth) { places.signal() }
    done.enter()
    Thread { [self] in
      read(paths, chunkRows: chunkRows)
      done.leave()
    }.start()
  }

  /// Waits for the next item; after it, call `release()`.
  func take() -> Item {
    ready.wait()
    return items.withLock { $0.removeFirst() }
  }

  /// Says that an item was taken: another may be handed over.
  func release() { places.signal() }

  /// Stops the reading thread and waits for it to end.
  func stop() {
    stopped.store(true, ordering: .relaxed)
    places.signal()
    done.wait()
  }

  // MARK: - Reading thread

  private func read(_ paths: [String], chunkRows: Int) {
    for path in paths {
      do {
        let record = try CubeImporter.read(path, chunkRows: chunkRows) { hand(.cells($0)) }
        guard let record else { return }
        guard hand(.file(record)) else { return }
      } catch {
        _ = hand(.failed(error))
        return
      }
    }
  }

  /// Hands an item over once there is a place; false when stopped meanwhile.
  private func hand(_ item: Item) -> Bool {
    places.wait()
    guard !stopped.load(ordering: .relaxed) else { return false }
    items.withLock { $0.append(item) }
    ready.signal()
    return true
  }
}

import SpendModel
import Synchronization
import Testing

@testable import BillImport

/// Paths and helpers shared by the importer tests.
enum TestPaths {
  /// The package root: three levels up from this file (Tests/BillImportTests/TestSupport.swift).
  static let root: String = {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  /// A path relative to the package root (`../shared/bills/…`, `Tests/…`).
  static func resolve(_ relative: String) -> String { root + "/" + relative }

  /// The shared sample bills.
  static func bill(_ relative: String) -> String { resolve("../shared/bills/" + relative) }

  /// A committed fixture.
  static func fixture(_ name: String) -> String { resolve("Tests/BillImportTests/Fixtures/" + name) }
}

/// A deterministic pseudo-random generator (SplitMix64) for reproducible splits.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A scratch folder under /tmp, removed by `remove()`.
struct ScratchFolder {
  let path: String

  init(_ name: String) {
    let serial = ScratchFolder.counter.wrappingAdd(1, ordering: .relaxed).oldValue
    path = "/tmp/spendtop-tests-\(getpid())-\(serial)-\(name)"
    ScratchFolder.run("mkdir -p '\(path)'")
  }

  private static let counter = Atomic<Int>(0)

  /// Writes a file (creating folders) relative to the scratch folder; returns its path.
  @discardableResult
  func write(_ relative: String, _ text: String) -> String {
    let full = path + "/" + relative
    ScratchFolder.run("mkdir -p '\(FileSystem.directory(of: full))'")
    let file = fopen(full, "wb")
    _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
    fclose(file)
    return full
  }

  /// Copies a file into the scratch folder.
  @discardableResult
  func copy(_ source: String, to relative: String) -> String {
    let full = path + "/" + relative
    ScratchFolder.run("mkdir -p '\(FileSystem.directory(of: full))' && cp '\(source)' '\(full)'")
    return full
  }

  func remove() { ScratchFolder.run("rm -rf '\(path)'") }

  static func run(_ command: String) { _ = system(command) }
}

#if canImport(Glibc)
  import Glibc
#endif

extension Cube {
  /// Unblended sums by day and service as `"day|service" → cost`.
  func sumsByDayAndService(_ basis: CostBasis = .unblended) throws -> [String: Money] {
    var out: [String: Money] = [:]
    for row in try rollup(by: [.day, .service], basis: basis).rows { out[row.values.joined(separator: "|")] = row.cost }
    return out
  }
}

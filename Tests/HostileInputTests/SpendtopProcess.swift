import Foundation
import Testing

/// Runs the built `spendtop` binary, as a user would, and captures what it did.
///
/// The binary is the one built beside this test bundle (so sanitizer builds with their own
/// `--scratch-path` test their own binary), else `.build/debug/spendtop` under the package root.
/// Output goes to files, not pipes, so a chatty process cannot block; a run that outlives its
/// timeout is killed and reported as timed out (a hang is a failure, never a stuck test run).
enum SpendtopProcess {
  /// What one run did.
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
  }

  /// The package root: three levels up from this file (Tests/HostileInputTests/SpendtopProcess.swift).
  static let root: String = {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  /// The committed corpus of broken inputs.
  static let fixtures = root + "/Tests/Fixtures/hostile"

  /// The `spendtop` executable under test.
  static let binary: String = {
    let beside = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
      .appendingPathComponent("spendtop").path
    return FileManager.default.isExecutableFile(atPath: beside) ? beside : root + "/.build/debug/spendtop"
  }()

  /// Runs `spendtop ARGUMENTS` in `directory` (the corpus by default) with TZ=UTC.
  static func run(_ arguments: [String], in directory: String = fixtures, timeout: TimeInterval = 60) throws -> Outcome {
    let scratch = try ScratchDirectory("run")
    defer { scratch.remove() }
    let outPath = scratch.path + "/stdout"
    let errPath = scratch.path + "/stderr"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = ["TZ": "UTC", "PATH": "/usr/bin:/bin"]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
      finished.wait()
    }
    return Outcome(
      status: process.terminationStatus,
      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "<not UTF-8>",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "<not UTF-8>",
      timedOut: timedOut)
  }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct ScratchDirectory {
  let path: String

  init(_ name: String) throws {
    path = NSTemporaryDirectory() + "spendtop-hostile-\(getpid())-\(name)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `bytes` to `relative` (creating folders); returns the full path.
  @discardableResult
  func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
    let full = path + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }

  /// Writes text to `relative`; returns the full path.
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

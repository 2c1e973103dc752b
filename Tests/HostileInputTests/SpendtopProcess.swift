import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `spendtop` binary, as a user would, and captures what it did.
///
/// The binary is the one built beside this test bundle (so sanitizer builds with their own
/// `--scratch-path` test their own binary), else `.build/debug/spendtop` under the package root.
/// Output goes to files, not pipes, so a chatty process cannot block; a run that outlives its
/// timeout is killed and reported as timed out (a hang is a failure, never a stuck test run).
/// Only ASAN_OPTIONS and LSAN_OPTIONS pass through from the environment.
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
  ///
  /// Started with `posix_spawn` (Foundation's `Process` leaks under LeakSanitizer); a worker waits
  /// for the child while the test waits, bounded, for the worker.
  ///
  /// - Parameter launcher: a command to run it through (`setpriv …`), whose last word is the binary.
  static func run(
    _ arguments: [String], in directory: String = fixtures, launcher: [String] = [binary], timeout: TimeInterval = 60
  ) throws -> Outcome {
    let scratch = try ScratchDirectory("run")
    defer { scratch.remove() }
    let outPath = scratch.path + "/stdout"
    let errPath = scratch.path + "/stderr"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var environment = ["TZ=UTC", "PATH=/usr/bin:/bin"]
    for name in ["ASAN_OPTIONS", "LSAN_OPTIONS"] {
      if let value = getenv(name) { environment.append(name + "=" + String(cString: value)) }
    }
    // `env -C` sets the working directory (glibc's posix_spawn_file_actions_addchdir_np is not
    // visible to Swift); no shell is involved.
    let command = ["/usr/bin/env", "-C", directory] + launcher + arguments
    let argv = command.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
    guard spawned == 0 else { throw SpawnError(code: spawned) }
    let child = pid
    let status = Mutex<Int32>(-1)
    let finished = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      var code: Int32 = 0
      while waitpid(child, &code, 0) == -1 && errno == EINTR {}
      status.withLock { $0 = code }
      finished.signal()
    }
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      kill(child, SIGKILL)
      finished.wait()
    }
    let raw = status.withLock { $0 }
    return Outcome(
      status: raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F),
      stdout: text(of: outPath), stderr: text(of: errPath), timedOut: timedOut)
  }

  /// Why `posix_spawn` failed.
  struct SpawnError: Error {
    var code: Int32
  }

  /// A file's text, read with the C library.
  private static func text(of path: String) -> String {
    guard let file = fopen(path, "rb") else { return "<unreadable>" }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return String(validating: bytes, as: UTF8.self) ?? "<not UTF-8>"
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

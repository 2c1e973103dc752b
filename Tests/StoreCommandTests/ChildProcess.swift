import Foundation

/// Runs the built `spendtop` as a child process, for end-to-end tests.
struct Spendtop {
  /// The `spendtop` executable next to this test bundle (same build directory).
  static let executable: String = {
    let bundle =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("spendtop").path
  }()

  /// What a finished run printed and returned.
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `spendtop arguments` to completion (in `workingDirectory` when given); stdout and stderr
  /// go through files, so neither can fill up and block the child.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], workingDirectory: String? = nil
  ) throws -> Output {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let outPath = directory.file("stdout")
    let errPath = directory.file("stderr")
    guard FileManager.default.createFile(atPath: outPath, contents: nil),
      FileManager.default.createFile(atPath: errPath, contents: nil)
    else { throw TemporaryDirectoryError.cannotCreate }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    try process.run()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: try String(contentsOfFile: outPath, encoding: .utf8),
      stderr: try String(contentsOfFile: errPath, encoding: .utf8))
  }

  /// Starts `spendtop arguments`, hands each stderr line to `watch`, and sends SIGKILL as soon
  /// as `watch` returns true. Returns the lines seen and whether the kill was sent.
  static func runKilling(
    _ arguments: [String], when watch: (String) -> Bool
  ) throws -> (lines: [String], killed: Bool) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    let err = Pipe()
    process.standardError = err
    try process.run()
    var lines: [String] = []
    var pending = Data()
    var killed = false
    let handle = err.fileHandleForReading
    reading: while true {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      pending.append(chunk)
      while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
        pending.removeSubrange(pending.startIndex...newline)
        lines.append(line)
        if watch(line) {
          kill(process.processIdentifier, SIGKILL)
          killed = true
          break reading
        }
      }
    }
    process.waitUntilExit()
    return (lines, killed)
  }
}

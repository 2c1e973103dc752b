import Foundation

/// Paths relative to the package root, found from this file's location.
enum TestPaths {
  /// The package root: three levels up from Tests/StoreCommandTests/<File>.swift.
  static let packageRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  /// A path under `../shared` (the team's read-only references).
  static func shared(_ relative: String) -> String { packageRoot + "/../shared/" + relative }
}

/// Runs a `/bin/sh -c` command line (to cut or change a bill for a test).
enum Shell {
  /// Runs `command` to completion and returns its exit status.
  static func run(_ command: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}

/// A fresh private directory under the system temp directory, for one test.
struct TemporaryDirectory {
  let path: String

  init() throws {
    var template = Array("/tmp/spendtop-store-test-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw TemporaryDirectoryError.cannotCreate }
    path = String(cString: made)
  }

  /// A path inside the directory.
  func file(_ name: String) -> String { path + "/" + name }

  /// Deletes the directory and everything in it.
  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

enum TemporaryDirectoryError: Error { case cannotCreate }

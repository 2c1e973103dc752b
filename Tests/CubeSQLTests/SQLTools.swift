import Foundation
import Testing

/// Paths relative to the package root, found from this file's location.
enum TestPaths {
  /// The package root: three levels up from Tests/CubeSQLTests/<File>.swift.
  static let root: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  /// A bill under `../shared/bills`.
  static func shared(_ relative: String) -> String { root + "/../shared/bills/" + relative }

  /// A path under `sample-bills/`.
  static func sample(_ relative: String) -> String { root + "/sample-bills/" + relative }
}

/// The external tools the SQL is checked with: the DuckDB CLI and Python with sqlglot. Found in
/// `SPENDTOP_DUCKDB` / `SPENDTOP_PYTHON`, then in the venv `scripts/install-sql-tools.sh` installs
/// (`.build/ci-tools/bin`), then on PATH.
enum SQLTools {
  /// Why a tool is unusable.
  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  /// What a finished tool run printed.
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let setupHint =
    "run scripts/install-sql-tools.sh (a venv in .build/ci-tools, found there), or put them on PATH "
    + "(or set SPENDTOP_DUCKDB / SPENDTOP_PYTHON)"

  /// The DuckDB CLI.
  static func duckdb() throws -> String { try find(environment: "SPENDTOP_DUCKDB", name: "duckdb") }

  /// A Python that can `import sqlglot`.
  static func python() throws -> String {
    let python = try find(environment: "SPENDTOP_PYTHON", name: "python3")
    let check = try run(python, ["-c", "import sqlglot"])
    guard check.status == 0 else {
      throw Missing(description: "\(python) cannot import sqlglot: \(setupHint)")
    }
    return python
  }

  private static func find(environment: String, name: String) throws -> String {
    let env = ProcessInfo.processInfo.environment
    if let explicit = env[environment], FileManager.default.isExecutableFile(atPath: explicit) {
      return explicit
    }
    // The venv scripts/install-sql-tools.sh makes comes first: a system python3 without sqlglot
    // on PATH must not hide it.
    let installed = ["\(TestPaths.root)/.build/ci-tools/bin"]
    for directory in installed + (env["PATH"] ?? "").split(separator: ":").map(String.init) {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw Missing(description: "\(name) not found: \(setupHint)")
  }

  /// Runs a tool with `input` on stdin; output goes through files so nothing blocks.
  static func run(_ executable: String, _ arguments: [String], input: String = "") throws -> Output {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let inPath = directory.file("stdin")
    let outPath = directory.file("stdout")
    let errPath = directory.file("stderr")
    try input.write(toFile: inPath, atomically: true, encoding: .utf8)
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: TestPaths.root)
    process.standardInput = FileHandle(forReadingAtPath: inPath)
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    try process.run()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: try String(contentsOfFile: outPath, encoding: .utf8),
      stderr: try String(contentsOfFile: errPath, encoding: .utf8))
  }

  /// Runs SQL in DuckDB (in memory) and writes its result as CSV to `output`.
  static func runDuckDB(_ sql: String, writingTo output: String) throws {
    let result = try run(try duckdb(), ["-csv", "-c", ".output \(output)", "-c", sql])
    guard result.status == 0 else {
      throw Missing(description: "duckdb failed (\(result.status)): \(result.stderr)")
    }
  }
}

/// A fresh private directory under the system temp directory, for one test.
struct TemporaryDirectory {
  let path: String

  init() throws {
    var template = Array("/tmp/spendtop-sql-test-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw SQLTools.Missing(description: "cannot create a temp dir")
    }
    path = String(cString: made)
  }

  /// A path inside the directory.
  func file(_ name: String) -> String { path + "/" + name }

  /// Deletes the directory and everything in it.
  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

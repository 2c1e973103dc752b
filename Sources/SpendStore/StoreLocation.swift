/// Where the spend store lives: `--db`, else `$SPENDTOP_DB`, else
/// `$XDG_DATA_HOME/spendtop/spend.sqlite`, else `~/.local/share/spendtop/spend.sqlite`.
///
///     let location = try StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/ana"])
///     location.path      // "/home/ana/.local/share/spendtop/spend.sqlite"
///     location.source    // .defaultLocation
public struct StoreLocation: Equatable, Sendable, CustomStringConvertible {
  /// What decided the path.
  public enum Source: String, Equatable, Sendable {
    /// The `--db` option.
    case option = "--db"
    /// The `SPENDTOP_DB` environment variable.
    case environment = "SPENDTOP_DB"
    /// `$XDG_DATA_HOME/spendtop/spend.sqlite`.
    case xdgDataHome = "XDG_DATA_HOME"
    /// `~/.local/share/spendtop/spend.sqlite`.
    case defaultLocation = "default"
  }

  /// The store file's path.
  public var path: String
  /// What decided the path.
  public var source: Source

  /// Creates a location.
  public init(path: String, source: Source) {
    self.path = path
    self.source = source
  }

  /// The environment variable that names the store file.
  public static let environmentVariable = "SPENDTOP_DB"
  /// The store's file name inside the data directory.
  public static let fileName = "spend.sqlite"

  /// Works out the store path.
  ///
  /// An empty variable counts as unset; a relative `XDG_DATA_HOME` is ignored, as the XDG Base
  /// Directory specification says. A leading `~/` in `--db` or `SPENDTOP_DB` is expanded.
  ///
  /// - Parameters:
  ///   - explicit: the `--db` value, if given.
  ///   - environment: the process environment.
  /// - Throws: `StoreError.noLocation` when nothing gives a path.
  public static func resolve(
    explicit: String?, environment: [String: String]
  ) throws(StoreError) -> StoreLocation {
    let home = nonEmpty(environment["HOME"])
    if let explicit = nonEmpty(explicit) {
      return StoreLocation(path: expandTilde(explicit, home: home), source: .option)
    }
    if let variable = nonEmpty(environment[environmentVariable]) {
      return StoreLocation(path: expandTilde(variable, home: home), source: .environment)
    }
    if let dataHome = nonEmpty(environment["XDG_DATA_HOME"]), dataHome.hasPrefix("/") {
      return StoreLocation(path: join(dataHome, "spendtop", fileName), source: .xdgDataHome)
    }
    guard let home else { throw .noLocation }
    return StoreLocation(path: join(home, ".local/share/spendtop", fileName), source: .defaultLocation)
  }

  public var description: String { path }

  // MARK: - Helpers

  private static func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
  }

  private static func expandTilde(_ path: String, home: String?) -> String {
    guard let home, path == "~" || path.hasPrefix("~/") else { return path }
    return home + path.dropFirst()
  }

  private static func join(_ parts: String...) -> String {
    var result = ""
    for part in parts {
      if result.isEmpty || result.hasSuffix("/") {
        result += part
      } else {
        result += "/" + part
      }
    }
    return result
  }
}

import BillImport
import SpendFormats
import SpendModel

/// The cube CSV contract: what `spendtop sql` queries return and `spendtop import --cube` reads.
///
/// Header (names matched case-insensitively, in any order): `day` (`YYYY-MM-DD`), `billing_period`
/// (`YYYY-MM` or a date in it), `payer_account`, `account`, `service`, `usage_type`, `operation`,
/// `region`, `resource`, `line_item_type`, `currency`, `tags` (a JSON object, or empty), any number
/// of `tag:KEY` columns, and the amounts `unblended`, `amortized`, `net_unblended`, `net_amortized`
/// as exact decimal text (`12.3400000000`; E-notation is accepted). Only `day`, `billing_period`
/// and the four amounts are required; an absent dimension is empty. Rows with equal keys are summed.
public enum CubeCSV {
  /// The contract's name, written into the SQL's comment.
  public static let version = "cube CSV v1"

  /// The dimension columns in the order the SQL writes them.
  public static let dimensionColumns = [
    "day", "billing_period", "payer_account", "account", "service", "usage_type", "operation", "region",
    "resource", "line_item_type", "currency", "tags",
  ]

  /// The amount columns in the order the SQL writes them.
  public static let moneyColumns = ["unblended", "amortized", "net_unblended", "net_amortized"]

  /// The prefix of a column holding one tag.
  public static let tagPrefix = "tag:"

  /// Whether a header is a cube CSV header (it has `day`, `billing_period` and the four amounts).
  public static func isCubeHeader(_ names: [String]) -> Bool {
    let lower = Set(names.map { $0.lowercased() })
    return (["day", "billing_period"] + moneyColumns).allSatisfy(lower.contains)
  }

  /// Whether the file at `path` (plain or gzip) starts with a cube CSV header.
  public static func isCubeFile(_ path: String) -> Bool {
    guard let source = try? FileByteSource(path: path) else { return false }
    var scanner = CSVScanner(source: source, bufferSize: 1 << 16)
    guard let record = try? scanner.next() else { return false }
    return isCubeHeader(record.strings)
  }

  /// A cube read from a file, with the rows it held.
  public struct File: Sendable {
    /// The cells (rows with equal keys summed).
    public var cube: Cube
    /// Data rows read.
    public var rowsRead: Int
  }

  /// Reads a whole cube CSV (plain or gzip) into one cube; `CubeCSVReader` reads it in chunks.
  ///
  /// - Throws: `CubeSQLError.cubeFile` with the line and column of the first problem.
  public static func read(path: String) throws(CubeSQLError) -> File {
    let reader = try CubeCSVReader(path: path)
    var cube = Cube()
    while let chunk = try reader.next() { cube.merge(chunk.cube()) }
    return File(cube: cube, rowsRead: reader.rowsRead)
  }
}

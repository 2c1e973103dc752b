import BillImport
import SpendModel

/// Reads a cube CSV (plain or gzip) in chunks of cells, so that memory holds one chunk at a time.
///
/// Each chunk is a `CompactCube` of up to `chunkRows` rows, as read (rows with equal keys are not
/// summed here: whoever stores or reads the chunks sums them, across chunks too).
public final class CubeCSVReader {
  /// The file read, for errors.
  public let path: String
  /// Data rows read so far.
  public private(set) var rowsRead = 0
  private var scanner: CSVScanner<FileByteSource>
  private let layout: CubeCSVLayout
  private let chunkRows: Int

  /// Opens `path` and maps its header.
  ///
  /// - Throws: `CubeSQLError.cubeFile` when the file cannot be opened or its header is no cube
  ///   CSV header.
  public init(path: String, chunkRows: Int = 50_000) throws(CubeSQLError) {
    self.path = path
    self.chunkRows = max(1, chunkRows)
    let source: FileByteSource
    do { source = try FileByteSource(path: path) } catch {
      throw .cubeFile(path: path, line: 1, column: nil, reason: error.description)
    }
    scanner = CSVScanner(source: source)
    let headerNames: [String]?
    do { headerNames = try scanner.next()?.strings } catch {
      throw .cubeFile(path: path, line: scanner.currentLine, column: nil, reason: error.description)
    }
    guard let headerNames else {
      throw .cubeFile(path: path, line: 1, column: nil, reason: "empty file: expected a cube CSV header")
    }
    layout = try CubeCSVLayout(header: headerNames, path: path)
  }

  /// The next chunk of cells, or nil at the end of the file.
  ///
  /// - Throws: `CubeSQLError.cubeFile` with the line and column of the first problem.
  public func next() throws(CubeSQLError) -> CompactCube? {
    var builder = CompactCubeBuilder(capacity: chunkRows)
    while builder.count < chunkRows {
      let record: CSVRecord?
      do { record = try scanner.next() } catch {
        throw .cubeFile(path: path, line: scanner.currentLine, column: nil, reason: error.description)
      }
      guard let record else { break }
      let row = try layout.row(record, path: path)
      builder.add(row.costs, at: row.key)
      rowsRead += 1
    }
    return builder.count == 0 ? nil : builder.take()
  }
}

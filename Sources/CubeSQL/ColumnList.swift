import BillImport
import SpendFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the column names of a source from a file: a bill's header (CSV, plain or gzip), a
/// manifest (legacy CUR `columns[{category,name}]`, Data Exports `columns[{name}]`), or a plain
/// list, one name per line (Athena's `SHOW COLUMNS IN table` output; text after the first
/// whitespace is ignored, so `DESCRIBE` output works too).
public enum ColumnList {
  /// The column names the file describes.
  ///
  /// - Throws: `CubeSQLError.unreadableColumns`.
  public static func read(path: String) throws(CubeSQLError) -> [String] {
    func failure(_ reason: String) -> CubeSQLError { .unreadableColumns(path: path, reason: reason) }
    let source: FileByteSource
    do { source = try FileByteSource(path: path) } catch { throw failure(error.description) }
    var scanner = CSVScanner(source: source)
    var lines: [[String]] = []
    do {
      while let record = try scanner.next() {
        lines.append(record.strings)
        if lines.count == 1 && record.count > 1 { return record.strings }
      }
    } catch {
      throw failure(error.description)
    }
    let text = lines.map { $0.joined(separator: ",") }.joined(separator: "\n")
    if text.first == "{" {
      guard let manifest = try? JSONParser.parse(text), let columns = manifest["columns"]?.arrayValue else {
        throw failure("a JSON file without a \"columns\" list (expected a CUR or Data Exports manifest)")
      }
      return columns.compactMap { column in
        guard let name = column["name"]?.stringValue else { return nil }
        return column["category"]?.stringValue.map { "\($0)/\(name)" } ?? name
      }
    }
    let names = lines.compactMap { fields -> String? in
      let word = fields.joined(separator: ",").split(whereSeparator: { $0 == " " || $0 == "\t" }).first
      return word.map(String.init)
    }
    guard !names.isEmpty else { throw failure("no column names") }
    return names
  }

  /// The paths a glob matches, sorted (empty when none do).
  public static func expand(glob pattern: String) -> [String] {
    var matches = glob_t()
    defer { globfree(&matches) }
    guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
    return (0..<Int(matches.gl_pathc)).compactMap { index in
      matches.gl_pathv[index].map { String(cString: $0) }
    }.sorted()
  }
}

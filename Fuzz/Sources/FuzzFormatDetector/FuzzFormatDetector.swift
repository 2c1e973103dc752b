@testable import BillImport

/// The fuzz test (libFuzzer's `LLVMFuzzerTestOneInput`): the input's first record is a header. Format detection, the header
/// checks and the column maps must not crash, and every column a map reads must exist. Along the
/// way the importer's UTF-8 check must agree with the standard library's validation.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzFormatDetector(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  bytes.withUnsafeBufferPointer { buffer in
    let accepted = FieldText.problem(buffer, allowsControlCharacters: true) == nil
    let valid = String(validating: buffer, as: UTF8.self) != nil
    if accepted != valid { fatalError("UTF-8 check says \(accepted), the standard library \(valid): \(bytes)") }
    _ = FieldText.quote(buffer)
  }
  var scanner = CSVScanner(source: MemoryByteSource(bytes))
  guard let record = try? scanner.next() else { return 0 }
  let header = record.strings
  _ = HeaderChecks.textProblem(record)
  for name in header {
    _ = HeaderIndex.canonical(name)
    _ = LineItemColumns.snakeCase(name)
  }
  guard case .readable(let format) = FormatDetector.detect(header: header), format != .costExplorer,
    case .success(let columns) = LineItemColumns.make(format: format, header: HeaderIndex(header))
  else { return 0 }
  _ = HeaderChecks.duplicate(in: header, columns: columns)
  if let outside = columns.usedColumns.first(where: { $0 < 0 || $0 >= header.count }) {
    fatalError("column \(outside) mapped outside a header of \(header.count): \(header)")
  }
  return 0
}

@testable import BillImport

/// The fuzz test (libFuzzer's `LLVMFuzzerTestOneInput`): scans the input whole, and again in
/// pieces of 1–509 bytes (the first of 1–7, chosen by the input) through a 16-byte buffer. Both
/// must give the same records, lines and error (the scanner's promise that records do not depend
/// on how input is split); neither may crash, hang or read out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSVScanner(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let chunk = Int((bytes.first ?? 0) % 7) + 1
  let whole = Scan(MemoryByteSource(bytes), bufferSize: 1 << 20)
  let pieces = Scan(MemoryByteSource(bytes, chunkSizes: [chunk, 1, 61, 509]), bufferSize: 16)
  if whole != pieces { fatalError("records depend on the split: \(whole) versus \(pieces)") }
  return 0
}

/// Everything a scan produced.
struct Scan: Equatable {
  var records: [[[UInt8]]] = []
  var lines: [Int] = []
  var error: CSVError?

  init(_ source: MemoryByteSource, bufferSize: Int) {
    var scanner = CSVScanner(source: source, bufferSize: bufferSize)
    do {
      while let record = try scanner.next() {
        records.append((0..<record.count).map { Array(record.field($0)) })
        lines.append(record.line)
      }
    } catch {
      self.error = error
    }
  }
}

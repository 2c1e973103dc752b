import Foundation
import Testing

@testable import BillImport

@Suite struct CSVScannerTests {
  /// Scans bytes handed out in the given chunk sizes and returns (line, fields) per record.
  private func scan(_ text: String, chunks: [Int]? = nil, bufferSize: Int = 1 << 20) throws -> [Row] {
    try scan(Array(text.utf8), chunks: chunks, bufferSize: bufferSize)
  }

  private func scan(_ bytes: [UInt8], chunks: [Int]? = nil, bufferSize: Int = 1 << 20) throws -> [Row] {
    var scanner = CSVScanner(source: MemoryByteSource(bytes, chunkSizes: chunks), bufferSize: bufferSize)
    var rows: [Row] = []
    while let record = try scanner.next() { rows.append(Row(line: record.line, fields: record.strings)) }
    return rows
  }

  struct Row: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var description: String { "\(line): \(fields)" }
  }

  @Test func readsQuotesEscapesAndEmbeddedNewlines() throws {
    let text = "a,b,c\n\"Amazon Web Services Canada, Inc.\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n"
    #expect(try scan(text) == [
      Row(line: 1, fields: ["a", "b", "c"]),
      Row(line: 2, fields: ["Amazon Web Services Canada, Inc.", "say \"hi\"", "two\nlines"]),
      Row(line: 4, fields: ["", "", ""]),
    ])
  }

  @Test func handlesLineEndsBomBlankLinesAndNoFinalNewline() throws {
    let text = "\u{FEFF}x,y\r\n1,2\r\n\r\n\n3,4\r5,6"
    #expect(try scan(text) == [
      Row(line: 1, fields: ["x", "y"]), Row(line: 2, fields: ["1", "2"]),
      Row(line: 5, fields: ["3", "4"]), Row(line: 6, fields: ["5", "6"]),
    ])
  }

  @Test func keepsRaggedRowsForTheCallerToJudge() throws {
    #expect(try scan("a,b,c\n1,2\n1,2,3,4\n").map(\.fields.count) == [3, 2, 4])
  }

  @Test func keepsTextAfterAClosingQuote() throws {
    #expect(try scan("\"ab\"c,d\n").first?.fields == ["abc", "d"])
  }

  @Test func reportsAnUnterminatedQuoteWhereItOpened() {
    #expect(throws: CSVError.unterminatedQuote(line: 3, column: 2)) {
      try scan("a,b\n1,2\n3,\"never\nclosed\n4,5\n")
    }
  }

  @Test func growsForRecordsLongerThanTheBuffer() throws {
    let long = String(repeating: "x", count: 100_000)
    let rows = try scan("h\n\"\(long)\"\n\(long),y\n", chunks: [4096], bufferSize: 64)
    #expect(rows.map(\.fields) == [["h"], [long], [long, "y"]])
  }

  @Test func givesTheSameRecordsHoweverTheInputIsSplit() throws {
    // A record mix with every tricky case; compared whole, byte by byte and in random splits.
    let text = "\u{FEFF}id,name,cost\r\n1,\"a,b\",1.5\r\n2,\"q\"\"uote\",\"2\"\r\n\r\n3,\"multi\r\nline\",3e-7\n4,,\n5,end,9"
    let whole = try scan(text)
    #expect(whole.count == 6)
    #expect(try scan(text, chunks: [1]) == whole)
    var generator = SplitMix64(seed: 42)
    for _ in 0..<200 {
      let chunks = (0..<8).map { _ in Int(generator.next() % 13) + 1 }
      #expect(try scan(text, chunks: chunks, bufferSize: 16) == whole)
    }
  }

  @Test func readsGzipAndConcatenatedMembersThroughZlib() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spendtop-csv-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = directory.appendingPathComponent("a.csv")
    let second = directory.appendingPathComponent("b.csv")
    try "h1,h2\n1,2\n".write(to: first, atomically: true, encoding: .utf8)
    try "3,4\n".write(to: second, atomically: true, encoding: .utf8)
    let joined = directory.appendingPathComponent("joined.csv.gz")
    try shell("gzip -c '\(first.path)' > '\(joined.path)' && gzip -c '\(second.path)' >> '\(joined.path)'")
    var scanner = CSVScanner(source: try FileByteSource(path: joined.path))
    var rows: [[String]] = []
    while let record = try scanner.next() { rows.append(record.strings) }
    #expect(rows == [["h1", "h2"], ["1", "2"], ["3", "4"]])

    // Cut the compressed stream short: an error, not silently fewer rows.
    let data = try Data(contentsOf: joined)
    let truncated = directory.appendingPathComponent("truncated.csv.gz")
    try data.prefix(data.count / 2).write(to: truncated)
    #expect(throws: CSVError.self) {
      var cut = CSVScanner(source: try FileByteSource(path: truncated.path))
      while try cut.next() != nil {}
    }
  }

  @Test func namesAFileThatCannotBeOpened() {
    #expect(throws: CSVError.cannotOpen(message: "No such file or directory")) {
      _ = try FileByteSource(path: "/nonexistent/bill.csv")
    }
  }

  private func shell(_ command: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }
}

/// A small deterministic random number generator for reproducible test inputs.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

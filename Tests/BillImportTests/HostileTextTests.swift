import SpendModel
import Testing

@testable import BillImport

/// Text checks on hostile input: UTF-8 validation agrees with the standard library, control
/// characters are refused in values but JSON whitespace is fine, messages are escaped, and the
/// duplicate-column check does not confuse distinct tag columns.
struct HostileTextTests {
  private func importText(_ text: String, skipBadRows: Bool = false) throws(BillImportError) -> FileImport {
    try FileImporter.importFile(from: MemoryByteSource(Array(text.utf8)), path: "bill.csv", skipBadRows: skipBadRows)
  }

  static let tricky: [[UInt8]] = [
    [], Array("plain".utf8), Array("Café ✓ 𝄞".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
    [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9D, 0x84], [0xE2, 0x9C], [0xFF], [0x80], [0xC2, 0x85], [0xEF, 0xBF, 0xBD],
    [0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62],
  ]

  @Test(arguments: tricky)
  func utf8CheckAgreesWithTheStandardLibrary(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
      let accepted = FieldText.problem(buffer, allowsControlCharacters: true) == nil
      #expect(accepted == (String(validating: buffer, as: UTF8.self) != nil))
    }
  }

  @Test func controlCharactersIncludingC1AreProblemsUnlessAllowed() {
    for bytes: [UInt8] in [[0x41, 0x1B], [0x09], [0x7F], [0x41, 0xC2, 0x85]] {
      bytes.withUnsafeBufferPointer { buffer in
        guard case .controlCharacter? = FieldText.problem(buffer) else {
          Issue.record("\(bytes) not refused")
          return
        }
        #expect(FieldText.problem(buffer, allowsControlCharacters: true) == nil)
      }
    }
  }

  @Test func quotesEscapeControlsAndInvalidBytesAndCut() {
    let bytes: [UInt8] = Array("a\u{1B}[2J".utf8) + [0xFF] + Array("é\u{85}".utf8)
    #expect(bytes.withUnsafeBufferPointer { FieldText.quote($0) } == "\"a\\x1B[2J\\xFFé\\u{85}\"")
    let long = [UInt8](repeating: UInt8(ascii: "7"), count: 100)
    #expect(long.withUnsafeBufferPointer { FieldText.quote($0) } == "\"" + String(repeating: "7", count: 60) + "…\"")
    #expect(FieldText.escaping("ok/path.csv") == "ok/path.csv")
    #expect(BillImportError.notFound(path: "x\u{1B}.csv").description == "x\\x1B.csv: no such file or folder")
  }

  @Test func prettyPrintedJSONTagsAreFineButEscapedControlsInValuesAreNot() throws {
    let header = "BilledCost,ChargePeriodStart,ServiceName,Tags\n"
    let pretty = try importText(header + "1.5,2026-08-01T00:00:00Z,S3,\"{\n\t\"\"team\"\": \"\"web\"\"\n}\"\n")
    #expect(pretty.summary.rowsRead == 1)
    let escaped = header + "1.5,2026-08-01T00:00:00Z,S3,\"{\"\"team\"\": \"\"w\\u001beb\"\"}\"\n"
    do {
      _ = try FileImporter.importFile(
        from: MemoryByteSource(Array(escaped.utf8)), path: "bill.csv", skipBadRows: false, dimensions: [.tag("team")])
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "bill.csv:2:4: column Tags: expected text without control characters, found U+001B at byte 2: \"w\\x1Beb\"")
    }
  }

  @Test func tagColumnsThatDifferInCaseOrPunctuationAreDistinctTags() throws {
    let text = "lineItem/UsageStartDate,lineItem/UnblendedCost,resourceTags/user:cost-center,"
      + "resourceTags/user:costcenter,resourceTags/user:Team,resourceTags/user:team\n2026-08-01,1.5,a,b,c,d\n"
    let imported = try importText(text)
    #expect(imported.summary.rowsRead == 1)
    #expect(imported.cube.rows.first?.key.tags == Tags([("Team", "c"), ("cost-center", "a"), ("costcenter", "b"), ("team", "d")]))
    #expect(throws: BillImportError.malformed(path: "bill.csv", line: 1, column: 4,
      problem: "column resourceTags/user:team repeats column 3 (resourceTags/user:team); expected each column once")) {
      try importText("lineItem/UsageStartDate,lineItem/UnblendedCost,resourceTags/user:team,resourceTags/user:team\n")
    }
  }

  @Test func aRecordOfMoreThan65536FieldsIsRefusedHoweverItIsSplit() throws {
    let limit = CSVScanner<MemoryByteSource>.maximumFieldCount
    let widest = Array("h\n".utf8) + [UInt8](repeating: UInt8(ascii: ","), count: limit - 1) + [0x0A]
    var scanner = CSVScanner(source: MemoryByteSource(widest, chunkSizes: [977]), bufferSize: 64)
    #expect(try scanner.next()?.count == 1)
    #expect(try scanner.next()?.count == limit)
    for chunks in [nil, [977]] as [[Int]?] {
      let wider = Array("h\n".utf8) + [UInt8](repeating: UInt8(ascii: ","), count: limit) + [0x0A]
      var scanner = CSVScanner(source: MemoryByteSource(wider, chunkSizes: chunks))
      #expect(try scanner.next()?.count == 1)
      #expect(throws: CSVError.tooManyFields(line: 2, limit: limit)) { _ = try scanner.next() }
    }
  }

  @Test func anUnterminatedQuoteNamesTheLineAndFieldWhereItOpened() {
    #expect(throws: BillImportError.malformed(path: "bill.csv", line: 2, column: 2,
      problem: "a quoted field opens here and never closes; expected a closing quote (\") before the end of the file")) {
      try importText("lineItem/UsageStartDate,lineItem/UnblendedCost\n2026-08-01,\"1.5\n2026-08-02,2\n")
    }
  }
}

import SpendModel
import Testing

@testable import BillImport

/// The whole import gives the same cube however the bytes arrive: whole, byte by byte, or in
/// random splits (seeded, so failures reproduce).
struct ChunkingInvarianceTests {
  static let files = [
    "../shared/bills/focus-sample-data/focus_sample.csv",
    "../shared/bills/koku/test_cur.csv",
    "../shared/bills/focus-spec/commitment_discount_flexibility/"
      + "one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv",
    "Tests/BillImportTests/Fixtures/cur2-commitments.csv",
    "Tests/BillImportTests/Fixtures/cost-explorer-service.csv",
  ]

  private func importBytes(_ bytes: [UInt8], chunks: [Int]?) throws -> FileImport {
    try FileImporter.importFile(from: MemoryByteSource(bytes, chunkSizes: chunks), path: "memory", skipBadRows: false)
  }

  /// Cells handed over every few rows (as the store import takes them) sum to the whole file's
  /// cube, and the summary is the same as when the cells come at the end.
  @Test(arguments: files + ["../shared/bills/koku/aws/2023-06-01.csv"])
  func cellsHandedOverInChunksSumToTheWholeCube(_ relative: String) throws {
    let bytes = try #require(FileSystem.read(TestPaths.resolve(relative)))
    let whole = try importBytes(bytes, chunks: nil)
    for chunkRows in [1, 7, 1_000] {
      var parts: [CompactCube] = []
      let chunked = try FileImporter.importFile(
        from: MemoryByteSource(bytes, chunkSizes: nil), path: "memory", skipBadRows: false, chunkRows: chunkRows
      ) { parts.append($0) }
      #expect(chunked.cells.count == 0)
      // A chunk holds the cells of at most `chunkRows` rows (a Cost Explorer row is one cell per column).
      #expect(parts.count >= (whole.summary.rowsRead + chunkRows - 1) / chunkRows)
      if whole.summary.format != .costExplorer { #expect(parts.allSatisfy { $0.count <= chunkRows }) }
      var merged = Cube()
      for part in parts { merged.merge(part.cube()) }
      #expect(Set(merged.rows) == Set(whole.cube.rows), "chunks of \(chunkRows) rows")
      #expect(chunked.summary.totalsByLineItemType == whole.summary.totalsByLineItemType)
      #expect(chunked.summary.totalsByLineItemTypeAndCurrency == whole.summary.totalsByLineItemTypeAndCurrency)
      #expect(chunked.summary.payerPeriods == whole.summary.payerPeriods)
      #expect(chunked.summary.billingPeriods == whole.summary.billingPeriods)
      #expect(chunked.summary.currencies == whole.summary.currencies)
      #expect(chunked.summary.dayRange == whole.summary.dayRange)
    }
  }

  @Test(arguments: files)
  func sameCubeWholeByteByByteAndRandomSplits(_ relative: String) throws {
    let bytes = try #require(FileSystem.read(TestPaths.resolve(relative)))
    let whole = try importBytes(bytes, chunks: nil)
    #expect(!whole.cube.isEmpty)
    let wholeRows = Set(whole.cube.rows)

    let byteByByte = try importBytes(bytes, chunks: [1])
    #expect(Set(byteByByte.cube.rows) == wholeRows)
    #expect(byteByByte.summary.rowsRead == whole.summary.rowsRead)

    var generator = SeededGenerator(seed: 0x5EED_0000 + UInt64(relative.utf8.count))
    for _ in 0..<5 {
      let splits = (0..<64).map { _ in Int.random(in: 1...4096, using: &generator) }
      let split = try importBytes(bytes, chunks: splits)
      #expect(Set(split.cube.rows) == wholeRows)
      #expect(split.summary.rowsRead == whole.summary.rowsRead)
    }
  }

  @Test func gzipAndPlainGiveTheSameCube() throws {
    let plain = try BillReader.read(paths: [TestPaths.bill("koku/test_cur.csv")])
    let gzip = try BillReader.read(paths: [TestPaths.bill("koku/test_cur.csv.gz")])
    #expect(Set(plain.cube.rows) == Set(gzip.cube.rows))
    #expect(plain.cube.count > 0)
  }
}

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

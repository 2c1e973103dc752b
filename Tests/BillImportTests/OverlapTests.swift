import SpendModel
import Testing

@testable import BillImport

/// Two versions of one bill are refused rather than summed; parts of one bill are summed.
@Suite struct OverlapTests {
  static let november = TestPaths.bill("well-architected-labs/Nov2018-WorkshopCUR.csv.gz")

  /// The real November and an earlier snapshot of it (its first 20,000 line items): every
  /// reader refuses the pair, naming both files and the period.
  @Test func aBillAndATruncatedCopyAreRefused() throws {
    let scratch = ScratchFolder("overlap")
    defer { scratch.remove() }
    let early = scratch.path + "/nov-early.csv"
    ScratchFolder.run("gzip -dc '\(Self.november)' | head -n 20001 > '\(early)'")
    let paths = [Self.november, early]
    var refusal: BillImportError?
    do {
      _ = try BillReader.read(paths: paths)
    } catch {
      refusal = error
    }
    guard case .overlappingBills(let first, let second, let period, let repeated, let exact, _, _)? = refusal
    else {
      Issue.record("expected overlappingBills, got \(String(describing: refusal))")
      return
    }
    #expect(first == Self.november && second == early)
    #expect(period == "836060457634:2018-11")
    // 124,340 line items are sampled: the 20,000 shared ones are estimated, within 10%.
    #expect(!exact && repeated > 18_000 && repeated < 22_000, "\(repeated)")
    #expect(refusal?.exitCode == 65)
    #expect(refusal?.description.contains("Use the newer one alone") == true)
    // Counts are grouped like every other count spendtop prints.
    let grouped = BillImportError.grouped(repeated)
    #expect(grouped.contains(","))
    #expect(refusal?.description.contains("(about \(grouped) identity/LineItemId") == true)
    #expect(BillImportError.grouped(1_609) == "1,609" && BillImportError.grouped(999) == "999")
    // The compact path (`cube`, the dashboard) refuses the same way, in either order.
    #expect(throws: BillImportError.self) { _ = try BillReader.readCells(paths: [early, Self.november]) }
  }

  /// koku's folder holds a bill and its not-final version: reading the folder is refused,
  /// while each alone reads.
  @Test func aFolderWithTwoVersionsOfADayIsRefused() throws {
    #expect {
      _ = try BillReader.read(paths: [TestPaths.bill("koku/aws")])
    } throws: { error in
      guard
        case .overlappingBills(_, _, let period, let repeated, let exact, _, _) = error as? BillImportError
      else { return false }
      return period == "2023-06" && repeated == 3 && exact
    }
    #expect(try BillReader.read(paths: [TestPaths.bill("koku/aws/2023-06-01.csv")]).summaries.count == 1)
  }

  /// nise-style parts of one period (`-1`, `-2`, disjoint line items) are summed as before.
  @Test func partsOfOnePeriodAreSummed() throws {
    let folder = TestPaths.resolve("sample-bills/quiet-quarter/larkspur-cur-daily/20261001-20261101")
    let parts = ["larkspur-cur-daily-1.csv.gz", "larkspur-cur-daily-2.csv.gz"].map { folder + "/" + $0 }
    let both = try BillReader.read(paths: parts)
    #expect(both.summaries.count == 2)
    var expected = Cube()
    for part in parts { expected.merge(try BillReader.read(paths: [part]).cube) }
    #expect(try both.cube.rollup(by: [.day, .service]).rows == expected.rollup(by: [.day, .service]).rows)
    let quarter = try BillReader.readCells(paths: [TestPaths.resolve("sample-bills/quiet-quarter")])
    #expect(quarter.summaries.count == 6)
  }

  /// The same bytes under two names (a FOCUS file: no line item ids) are refused before reading.
  @Test func theSameFileTwiceIsRefused() throws {
    let scratch = ScratchFolder("duplicate")
    defer { scratch.remove() }
    let original = TestPaths.bill("focus-sample-data/focus_sample.csv")
    let copy = scratch.copy(original, to: "copy.csv")
    #expect(throws: BillImportError.duplicateBill(first: original, second: copy)) {
      _ = try BillReader.read(paths: [original, copy])
    }
    // A changed copy of the same size is another file.
    ScratchFolder.run("sed -i 's/Usage-Based/Usage-based/' '\(copy)'")
    #expect(try BillReader.read(paths: [original, copy]).summaries.count == 2)
  }

  /// The sample stays bounded and estimates overlaps between files of any size.
  @Test func theSampleIsBounded() {
    var sample = LineItemSample()
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<200_000 { sample.insert(LineItemSample.mixed(generator.next())) }
    #expect(sample.hashes.count <= LineItemSample.capacity && sample.level > 0)
  }
}

import SpendModel
import Testing

@testable import BillImport

/// Unreadable input is an error naming the file, line and column; `skipBadRows` lists and skips.
struct ErrorTests {
  private static let legacyHeader =
    "identity/LineItemId,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,"
    + "lineItem/ProductCode,lineItem/UnblendedCost,lineItem/CurrencyCode\n"

  private func importText(_ text: String, skipBadRows: Bool = false) throws(BillImportError) -> FileImport {
    try FileImporter.importFile(from: MemoryByteSource(Array(text.utf8)), path: "bill.csv", skipBadRows: skipBadRows)
  }

  @Test func unparseableCostNamesFileLineAndColumn() {
    let text = Self.legacyHeader + "a,1,Usage,2026-08-01T00:00:00Z,AmazonEC2,1.5,USD\n"
      + "b,1,Usage,2026-08-01T00:00:00Z,AmazonEC2,12,5,USD\n" + "c,1,Usage,2026-08-02T00:00:00Z,AmazonS3,abc,USD\n"
    #expect(throws: BillImportError.badRow(BadRow(path: "bill.csv", line: 3, column: nil, columnName: nil,
      problem: "expected 7 fields, found 8"))) { try importText(text) }
    let third = Self.legacyHeader + "c,1,Usage,2026-08-02T00:00:00Z,AmazonS3,abc,USD\n"
    do {
      _ = try importText(third)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "bill.csv:2:6: column lineItem/UnblendedCost: expected a decimal amount, found \"abc\"")
    }
  }

  @Test func unparseableDateIsABadRow() {
    let text = Self.legacyHeader + "a,1,Usage,08/01/2026,AmazonEC2,1.5,USD\n"
    #expect(throws: BillImportError.badRow(BadRow(path: "bill.csv", line: 2, column: 4,
      columnName: "lineItem/UsageStartDate", problem: "expected a date (YYYY-MM-DD…), found \"08/01/2026\""))) {
      try importText(text)
    }
  }

  @Test func skipBadRowsListsThemAndMarksTotalsIncomplete() throws {
    let text = Self.legacyHeader + "a,1,Usage,2026-08-01T00:00:00Z,AmazonEC2,1.5,USD\n"
      + "b,1,Usage,2026-08-01T00:00:00Z,AmazonEC2,oops,USD\n" + "c,1,Usage,2026-08-01,AmazonEC2,2.25,USD\n"
      + "d,1,Usage,2026-08-01T00:00:00Z,AmazonEC2\n"
    let imported = try importText(text, skipBadRows: true)
    #expect(imported.summary.skippedRows.map(\.line) == [3, 5])
    #expect(!imported.summary.isComplete)
    #expect(imported.summary.rowsRead == 2)
    #expect(imported.summary.total.unblended == Money(cents: 375))
  }

  @Test func emptyFileIsAnErrorButHeaderOnlyIsEmptyData() throws {
    #expect(throws: BillImportError.emptyFile(path: "bill.csv")) { try importText("") }
    let scratch = ScratchFolder("empty")
    defer { scratch.remove() }
    let empty = scratch.write("empty.csv", "")
    #expect(throws: BillImportError.emptyFile(path: empty)) { try BillReader.read(paths: [empty]) }
    let headerOnly = try BillReader.read(paths: [TestPaths.bill("koku/aws/empty_frame.csv")])
    #expect(headerOnly.cube.isEmpty)
    #expect(headerOnly.summaries.first?.rowsRead == 0)
    #expect(headerOnly.summaries.first?.format == .legacyCUR)
  }

  @Test func unrecognisedFileByNameNamesTheFormatsRead() {
    let readme = TestPaths.bill("README.md")
    do {
      _ = try BillReader.read(paths: [readme])
      Issue.record("expected an error")
    } catch {
      #expect(error == .unrecognizedFormat(path: readme))
      #expect(error.description.contains(readme))
      #expect(error.description.contains("FOCUS"))
      #expect(error.description.contains("Cost Explorer"))
    }
  }

  @Test func historicalReportsAndHiveDumpsAreRejectedClearly() {
    let dbr = "\"InvoiceID\",\"PayerAccountId\",\"LinkedAccountId\",\"RecordType\",\"RecordId\",\"UnBlendedCost\"\n"
    let monthly = "InvoiceID,PayerAccountId,LinkedAccountId,RecordType,CostBeforeTax,TotalCost\n"
    let hive = "line_item_usage_start_date\u{01}line_item_unblended_cost\n2026-08-01\u{01}1.0\n"
    for (text, expected) in [(dbr, "Detailed Billing Report"), (monthly, "Monthly"), (hive, "Hive")] {
      do {
        _ = try importText(text)
        Issue.record("expected an error for \(expected)")
      } catch {
        guard case .unsupportedFormat(_, let format, _) = error else {
          Issue.record("unexpected \(error)")
          continue
        }
        #expect(format.contains(expected))
      }
    }
  }

  @Test func missingRequiredColumnsAreNamed() {
    let text = "lineItem/UsageAccountId,lineItem/UsageStartDate\n1,2026-08-01\n"
    #expect(throws: BillImportError.missingColumns(path: "bill.csv", format: .legacyCUR,
      columns: ["lineItem/UnblendedCost"])) { try importText(text) }
  }

  @Test func missingPathIsNotFound() {
    #expect(throws: BillImportError.notFound(path: "/nonexistent/bill.csv")) {
      try BillReader.read(paths: ["/nonexistent/bill.csv"])
    }
  }

  @Test func aHeaderLongerThanEveryRowIsToleratedButARaggedRowIsNot() throws {
    // koku's test_cur.csv: 131 header cells, every row 130 fields, the missing one unread.
    let koku = try BillReader.read(paths: [TestPaths.bill("koku/test_cur.csv")])
    #expect(koku.summaries.first?.rowsRead == 19)
    #expect(koku.summaries.first?.notes.contains { $0.contains("131 columns but rows have 130") } == true)
    let text = Self.legacyHeader + "a,1,Usage,2026-08-01T00:00:00Z,AmazonEC2,1.5,USD\n"
      + "b,1,Usage,2026-08-01T00:00:00Z,AmazonEC2,1.5\n"
    #expect(throws: BillImportError.badRow(BadRow(path: "bill.csv", line: 3, column: nil, columnName: nil,
      problem: "expected 7 fields, found 6"))) { try importText(text) }
  }
}

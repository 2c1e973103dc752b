import SpendModel

/// A byte source that can say how far it has read, for progress.
protocol ProgressReportingSource {
  /// Bytes of the underlying file consumed so far.
  var bytesConsumed: Int64 { get }
}

extension FileByteSource: ProgressReportingSource {}

/// Imports one CSV bill from a byte source: detects its format, reads every row into cells.
enum FileImporter {
  /// How many rows pass between progress reports.
  static let progressInterval = 16_384

  /// Reads a whole file.
  ///
  /// - Parameters:
  ///   - source: the bytes (a file, gzip or memory).
  ///   - path: the name used in messages and the summary.
  ///   - manifest: the manifest that listed the file, if any.
  ///   - skipBadRows: keep going past unreadable rows, listing them.
  ///   - dimensions: the dimensions to keep (nil: every one); others are not read.
  ///   - progress: called every `progressInterval` rows with the rows read since the last call and
  ///     the source's bytes consumed so far (when it knows).
  ///   - chunkRows: hand the cells over every this many rows (nil: all at the end, in the result).
  ///   - deliver: takes each chunk's cells when `chunkRows` is set; the result's cells are then empty.
  /// - Throws: `BillImportError` for an empty or unrecognised file, missing columns, a bad row
  ///   (unless skipped), or a read failure.
  static func importFile<Source: ByteSource>(
    from source: Source, path: String, manifest: String? = nil, skipBadRows: Bool,
    dimensions: Set<Dimension>? = nil, progress: (_ rows: Int, _ bytes: Int64?) -> Void = { _, _ in },
    chunkRows: Int? = nil, deliver: (CompactCube) -> Void = { _ in }
  ) throws(BillImportError) -> FileImport {
    var facts = CellFacts()
    let chunking = chunkRows.map { Chunking(rows: max(1, $0)) }
    var scanner = CSVScanner(source: source)
    do {
      guard let headerRecord = try scanner.next() else {
        if scanner.currentLine == 1 { throw BillImportError.emptyFile(path: path) }
        throw BillImportError.malformed(
          path: path, line: scanner.currentLine - 1, column: nil,
          problem: "only blank lines; expected a billing export starting with a header line")
      }
      let header = headerRecord.strings
      let headerLine = headerRecord.line
      let verdict = FormatDetector.detect(header: header)
      if case .readable = verdict, let bad = HeaderChecks.textProblem(headerRecord) {
        throw BillImportError.malformed(path: path, line: headerLine, column: bad.column + 1, problem: bad.problem)
      }
      switch verdict {
      case .unknown:
        throw BillImportError.unrecognizedFormat(path: path, line: headerLine)
      case .unsupported(let format, let advice):
        throw BillImportError.unsupportedFormat(path: path, format: format, advice: advice)
      case .readable(.costExplorer):
        var reader = CostExplorerReader(header: header, dimensions: dimensions)
        let skipped = try readRows(
          &scanner, header: header, path: path, skipBadRows: skipBadRows, progress: progress, chunking: chunking,
          flush: { deliver(facts.absorbing(reader.aggregator.takeCells())) }
        ) { (record) throws(RowProblem) in try reader.read(record) }
        let cells = facts.absorbing(reader.aggregator.takeCells())
        if chunking != nil { deliver(cells) }
        return makeImport(
          path: path, manifest: manifest, format: .costExplorer, cells: chunking == nil ? cells : nil, facts: facts,
          rowsRead: reader.rowsRead, skipped: skipped, ignored: reader.ignoredRows,
          defaulted: reader.defaultedBases, notes: reader.notes)
      case .readable(let format):
        let index = HeaderIndex(header)
        let columns: LineItemColumns
        switch LineItemColumns.make(format: format, header: index) {
        case .success(let map): columns = map
        case .failure(let missing):
          throw BillImportError.missingColumns(
            path: path, format: format, columns: missing.names, line: headerLine)
        }
        if let repeated = HeaderChecks.duplicate(in: header, columns: columns) {
          throw BillImportError.malformed(
            path: path, line: headerLine, column: repeated.column + 1, problem: repeated.problem)
        }
        var reader = LineItemReader(columns: columns.projected(to: dimensions), headerCount: header.count)
        let skipped = try readRows(
          &scanner, header: header, path: path, skipBadRows: skipBadRows, progress: progress, chunking: chunking,
          flush: { deliver(facts.absorbing(reader.aggregator.takeCells())) }
        ) { (record) throws(RowProblem) in try reader.read(record) }
        reader.finish()
        let cells = facts.absorbing(reader.aggregator.takeCells())
        if chunking != nil { deliver(cells) }
        return makeImport(
          path: path, manifest: manifest, format: format, cells: chunking == nil ? cells : nil, facts: facts,
          rowsRead: reader.rowsRead,
          skipped: skipped, ignored: [:], defaulted: reader.defaultedBases, notes: reader.notes,
          sample: reader.identitySample)
      }
    } catch let error as BillImportError {
      throw error
    } catch let error as CSVError {
      throw importError(error, path: path, line: scanner.currentLine)
    } catch {
      throw BillImportError.unreadable(path: path, reason: "\(error)")
    }
  }

  /// The import error for a scanner error met while reading the record that starts on `line`.
  static func importError(_ error: CSVError, path: String, line: Int) -> BillImportError {
    switch error {
    case .cannotOpen, .readFailed:
      return .unreadable(path: path, reason: error.description)
    case .corruptCompressed(let message):
      return .malformed(
        path: path, line: line, column: nil,
        problem: "damaged or truncated gzip data (\(message)) in the record starting here; "
          + "expected a complete gzip stream")
    case .unterminatedQuote(let quoteLine, let column):
      return .malformed(
        path: path, line: quoteLine, column: column,
        problem: "a quoted field opens here and never closes; "
          + "expected a closing quote (\") before the end of the file")
    case .tooManyFields(let recordLine, let limit):
      return .malformed(
        path: path, line: recordLine, column: nil,
        problem: "a record of more than \(limit) fields; expected a billing export (hundreds of columns at most)")
    case .tooLarge(let recordLine, let limit):
      return .malformed(
        path: path, line: recordLine, column: nil,
        problem: "a record longer than \(limit >> 20) MiB; expected CSV records (is this really CSV?)")
    }
  }

  /// Feeds every data row to `read`, turning row problems into errors or skipped rows.
  private static func readRows<Source: ByteSource>(
    _ scanner: inout CSVScanner<Source>, header: [String], path: String, skipBadRows: Bool,
    progress: (Int, Int64?) -> Void, chunking: Chunking?, flush: () -> Void,
    read: (CSVRecord) throws(RowProblem) -> Void
  ) throws -> [BadRow] {
    var skipped: [BadRow] = []
    var sinceReport = 0
    var sinceFlush = 0
    while let record = try scanner.next() {
      if let chunking, sinceFlush == chunking.rows {
        flush()
        sinceFlush = 0
      }
      sinceFlush += 1
      do {
        try read(record)
      } catch {
        let bad = BadRow(
          path: path, line: record.line, column: error.column.map { $0 + 1 },
          columnName: error.column.flatMap { $0 < header.count ? header[$0] : nil }, problem: error.problem)
        guard skipBadRows else { throw BillImportError.badRow(bad) }
        skipped.append(bad)
      }
      sinceReport += 1
      if sinceReport == progressInterval {
        progress(sinceReport, (scanner.byteSource as? any ProgressReportingSource)?.bytesConsumed)
        sinceReport = 0
      }
    }
    progress(sinceReport, (scanner.byteSource as? any ProgressReportingSource)?.bytesConsumed)
    return skipped
  }

  private static func makeImport(
    path: String, manifest: String?, format: BillFormat, cells: CompactCube?, facts: CellFacts, rowsRead: Int,
    skipped: [BadRow], ignored: [String: Int], defaulted: [CostBasis: String], notes: [String],
    sample: LineItemSample? = nil
  ) -> FileImport {
    let summary = ImportSummary(
      path: path, manifest: manifest, format: format, rowsRead: rowsRead, skippedRows: skipped,
      ignoredRows: ignored, billingPeriods: facts.months, totalsByLineItemType: facts.totalsByLineItemType,
      currencies: facts.currencies, defaultedBases: defaulted, notes: notes, dayRange: facts.dayRange,
      payerPeriods: facts.payerPeriods, totalsByLineItemTypeAndCurrency: facts.totalsByLineItemTypeAndCurrency,
      lineItemSample: sample)
    return FileImport(cells: cells ?? CompactCube(labels: [], tagSets: [], keys: [], costs: []), summary: summary)
  }

  /// How often cells are handed over while a file is read.
  struct Chunking {
    var rows: Int
  }
}

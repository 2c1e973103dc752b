/// A streaming, byte-level RFC 4180 CSV scanner.
///
/// Reads any `ByteSource` in large chunks and hands out one record at a time without
/// allocating per row: a `CSVRecord`'s fields point into the scanner's buffer. It handles
/// quoted fields with `""` escapes, commas and newlines inside quotes, CRLF, LF and lone CR line
/// ends, a UTF-8 byte order mark, a missing final newline, blank lines (skipped), and records
/// longer than the buffer (the buffer grows, up to `maximumRecordSize`). Text after a closing
/// quote is kept as written (`"ab"c` reads `abc`), as lenient readers do.
///
/// The records are the same however the input is split into reads.
///
///     var scanner = CSVScanner(source: try FileByteSource(path: "bill.csv.gz"))
///     while let record = try scanner.next() {
///       print(record.line, record.string(0))
///     }
public struct CSVScanner<Source: ByteSource>: ~Copyable {
  /// The largest record accepted, in bytes (256 MiB).
  public static var maximumRecordSize: Int { 256 << 20 }

  /// The most fields a record may have (65,536): billing exports have hundreds, and a hostile
  /// record of commas would otherwise cost 24 bytes of field table per byte read.
  public static var maximumFieldCount: Int { 1 << 16 }

  private var source: Source
  private var storage: UnsafeMutableRawBufferPointer
  private var fields: FieldTable
  /// Unconsumed data is `storage[start..<end]`.
  private var start = 0
  private var end = 0
  private var atEndOfInput = false
  private var atStartOfInput = true
  /// The line the next record starts on.
  private var line = 1

  /// The 1-based line the next record starts on (after an error: the line of the record that
  /// could not be read).
  public var currentLine: Int { line }

  /// Creates a scanner.
  ///
  /// - Parameters:
  ///   - source: where the bytes come from.
  ///   - bufferSize: the initial buffer; records longer than this grow it.
  public init(source: Source, bufferSize: Int = 1 << 20) {
    self.source = source
    storage = .allocate(byteCount: max(bufferSize, 16), alignment: 16)
    fields = FieldTable()
  }

  deinit {
    storage.deallocate()
    fields.deallocate()
  }

  /// The byte source, for progress (bytes consumed so far).
  public var byteSource: Source { source }

  /// Returns the next record, or nil at the end of the input.
  ///
  /// The record is valid until the next call.
  ///
  /// - Throws: `CSVError` for an unterminated quote, an oversized record or a read failure.
  public mutating func next() throws(CSVError) -> CSVRecord? {
    while true {
      if atStartOfInput {
        try fill(minimum: 3)
        if end - start >= 3, storage[start] == 0xEF, storage[start + 1] == 0xBB, storage[start + 2] == 0xBF {
          start += 3
        }
        atStartOfInput = false
      }
      switch parseRecord() {
      case .record(let consumed, let lines, let blank):
        let recordLine = line
        line += lines
        start += consumed
        if blank { continue }
        return CSVRecord(base: storage.baseAddress, fields: fields, line: recordLine)
      case .needMoreData(let openQuote):
        if atEndOfInput {
          if start == end { return nil }
          throw .unterminatedQuote(line: openQuote?.line ?? line, column: openQuote?.field ?? 1)
        }
        try fill(minimum: end - start + 1)
      case .tooManyFields:
        throw .tooManyFields(line: line, limit: CSVScanner.maximumFieldCount)
      }
    }
  }

  // MARK: - Buffer

  /// Reads until at least `minimum` unconsumed bytes are buffered or the input ends.
  private mutating func fill(minimum: Int) throws(CSVError) {
    if start > 0 {
      let pending = end - start
      if pending > 0, let base = storage.baseAddress {
        base.copyMemory(from: base + start, byteCount: pending)
      }
      start = 0
      end = pending
    }
    while end - start < minimum && !atEndOfInput {
      if end == storage.count {
        guard storage.count < CSVScanner.maximumRecordSize else {
          throw .tooLarge(line: line, limit: CSVScanner.maximumRecordSize)
        }
        grow()
      }
      let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[end...]))
      if count == 0 { atEndOfInput = true }
      end += count
    }
  }

  private mutating func grow() {
    let larger = UnsafeMutableRawBufferPointer.allocate(
      byteCount: min(storage.count * 2, CSVScanner.maximumRecordSize), alignment: 16)
    if let to = larger.baseAddress, let from = storage.baseAddress {
      to.copyMemory(from: from, byteCount: end)
    }
    storage.deallocate()
    storage = larger
  }

  // MARK: - Parsing

  private enum ParseResult {
    /// A whole record: bytes consumed including its line end, lines spanned, whether blank.
    case record(consumed: Int, lines: Int, blank: Bool)
    /// The buffer ends inside the record; where an open quote started (line, 1-based field), if any.
    case needMoreData(openQuote: (line: Int, field: Int)?)
    /// The record has more than `maximumFieldCount` fields.
    case tooManyFields
  }

  /// Parses one record at `start`, filling the field table; unescapes quoted fields in place.
  private mutating func parseRecord() -> ParseResult {
    guard let base = storage.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
      return .needMoreData(openQuote: nil)
    }
    let limit = end
    var position = start
    var lines = 0
    fields.removeAll()
    if position == limit { return .needMoreData(openQuote: nil) }
    if base[position] == .lineFeed || base[position] == .carriageReturn {
      // A blank line.
      guard let after = lineEnd(base, position, limit) else { return .needMoreData(openQuote: nil) }
      return .record(consumed: after - start, lines: 1, blank: true)
    }
    while true {
      let fieldStart = position
      if position < limit, base[position] == .quote {
        let openQuote = (line: line + lines, field: fields.count + 1)
        // Quoted field: find the closing quote, counting newlines and noting escapes.
        var cursor = position + 1
        var escaped = false
        var closed = false
        while cursor < limit {
          let byte = base[cursor]
          if byte == .quote {
            if cursor + 1 < limit, base[cursor + 1] == .quote {
              escaped = true
              cursor += 2
              continue
            }
            if cursor + 1 == limit && !atEndOfInput { return .needMoreData(openQuote: openQuote) }
            closed = true
            cursor += 1
            break
          }
          if byte == .lineFeed { lines += 1 }
          cursor += 1
        }
        guard closed else { return .needMoreData(openQuote: openQuote) }
        // Text after the closing quote, up to the delimiter, is kept as written.
        var tail = cursor
        while tail < limit, base[tail] != .comma, base[tail] != .lineFeed, base[tail] != .carriageReturn {
          tail += 1
        }
        fields.append(start: fieldStart, end: tail, closingQuote: escaped || tail != cursor ? cursor - 1 : nil)
        position = tail
      } else {
        while position < limit {
          let byte = base[position]
          if byte == .comma || byte == .lineFeed || byte == .carriageReturn { break }
          position += 1
        }
        fields.append(start: fieldStart, end: position, closingQuote: nil)
      }
      if position >= limit {
        guard atEndOfInput else { return .needMoreData(openQuote: nil) }
        unescapeQuotedFields(base)
        return .record(consumed: position - start, lines: lines + 1, blank: false)
      }
      if base[position] == .comma {
        if fields.count == CSVScanner.maximumFieldCount { return .tooManyFields }
        position += 1
        continue
      }
      guard let after = lineEnd(base, position, limit) else { return .needMoreData(openQuote: nil) }
      unescapeQuotedFields(base)
      return .record(consumed: after - start, lines: lines + 1, blank: false)
    }
  }

  /// The position after the line end at `position` (LF, CRLF or a lone CR), or nil when a CR is
  /// the last buffered byte and more input may follow.
  private func lineEnd(_ base: UnsafeMutablePointer<UInt8>, _ position: Int, _ limit: Int) -> Int? {
    if base[position] == .lineFeed { return position + 1 }
    if position + 1 < limit { return base[position + 1] == .lineFeed ? position + 2 : position + 1 }
    return atEndOfInput ? position + 1 : nil
  }

  /// Turns the raw ranges of quoted fields into their content, once the record is complete
  /// (rewriting earlier would corrupt a record that is scanned again after more input arrives).
  private mutating func unescapeQuotedFields(_ base: UnsafeMutablePointer<UInt8>) {
    for index in 0..<fields.count {
      let raw = fields[index]
      guard raw.closingQuote >= 0 || (raw.end > raw.start && base[raw.start] == .quote) else { continue }
      guard raw.closingQuote >= 0 else {
        // Quoted, no escapes, nothing after the closing quote: just drop the quotes.
        fields[index] = (raw.start + 1, raw.end - 1, -1)
        continue
      }
      // `""` becomes `"`; text after the closing quote is appended.
      var write = raw.start + 1
      var read = raw.start + 1
      while read < raw.closingQuote {
        base[write] = base[read]
        write += 1
        read += base[read] == .quote ? 2 : 1
      }
      read = raw.closingQuote + 1
      while read < raw.end {
        base[write] = base[read]
        write += 1
        read += 1
      }
      fields[index] = (raw.start + 1, write, -1)
    }
  }
}

// MARK: - Records

/// One CSV record. Its fields point into the scanner's buffer: valid only until the scanner's
/// next call to `next()`. Copy out what you keep (`string(_:)`).
public struct CSVRecord {
  private let base: UnsafeMutableRawPointer?
  private let fields: FieldTable
  /// The 1-based line on which the record starts.
  public let line: Int

  init(base: UnsafeMutableRawPointer?, fields: FieldTable, line: Int) {
    self.base = base
    self.fields = fields
    self.line = line
  }

  /// The number of fields.
  public var count: Int { fields.count }

  /// A field's bytes, unquoted and unescaped; empty when `index` is past the last field.
  public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0, index < fields.count, let base else { return UnsafeBufferPointer(start: nil, count: 0) }
    let range = fields[index]
    return UnsafeBufferPointer(
      start: base.assumingMemoryBound(to: UInt8.self) + range.start, count: range.end - range.start)
  }

  /// A field as a `String` (invalid UTF-8 is repaired with U+FFFD).
  public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

  /// Whether a field is empty or absent.
  public func isEmpty(_ index: Int) -> Bool { index >= fields.count || fields[index].start == fields[index].end }

  /// All fields as strings (for headers and error messages, not for hot loops).
  public var strings: [String] { (0..<count).map(string) }
}

/// Start and end offsets of a record's fields, in a buffer reused for every record.
///
/// While a record is being scanned, a quoted field's range covers its quotes and `closingQuote`
/// is the offset of the closing quote when the content needs rewriting (escapes or trailing text),
/// else -1; once the record is complete every range is the field's content.
struct FieldTable {
  typealias Field = (start: Int, end: Int, closingQuote: Int)
  private var pointer: UnsafeMutablePointer<Field>
  private var capacity: Int
  private(set) var count = 0

  init() {
    capacity = 256
    pointer = .allocate(capacity: capacity)
  }

  subscript(index: Int) -> Field {
    get { pointer[index] }
    nonmutating set { pointer[index] = newValue }
  }

  mutating func removeAll() { count = 0 }

  mutating func append(start: Int, end: Int, closingQuote: Int?) {
    if count == capacity {
      let larger = UnsafeMutablePointer<Field>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: pointer, count: count)
      pointer.deallocate()
      pointer = larger
      capacity *= 2
    }
    pointer[count] = (start, end, closingQuote ?? -1)
    count += 1
  }

  func deallocate() { pointer.deallocate() }
}

extension UInt8 {
  fileprivate static let comma = UInt8(ascii: ",")
  fileprivate static let quote = UInt8(ascii: "\"")
  fileprivate static let lineFeed = UInt8(ascii: "\n")
  fileprivate static let carriageReturn = UInt8(ascii: "\r")
}

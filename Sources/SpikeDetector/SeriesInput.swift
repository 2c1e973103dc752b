import SpendModel

/// One row of a generic `timestamp,value` series.
public struct SeriesPoint: Sendable, Equatable {
  /// The timestamp as written.
  public var timestamp: String
  /// Seconds since 1970-01-01 UTC (or the plain number for numeric timestamps).
  public var seconds: Double
  /// The value.
  public var value: Double
}

/// Why a series file cannot be read; positions are the 1-based line and field number (COLUMN, as
/// in every other spendtop error).
public enum SeriesInputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The header lacks a column.
  case missingColumn(name: String, line: Int)
  /// A row has fewer fields than the header needs.
  case missingField(line: Int, column: Int)
  /// A timestamp is neither `YYYY-MM-DD[ HH:MM[:SS[.fff]]][Z]` nor a number.
  case badTimestamp(String, line: Int, column: Int)
  /// A value is not a finite number.
  case badValue(String, line: Int, column: Int)
  /// The file has no rows.
  case empty

  public var description: String {
    switch self {
    case .missingColumn(let name, let line): return "\(line):1: the header has no '\(name)' column"
    case .missingField(let line, let column): return "\(line):\(column): the row has too few fields"
    case .badTimestamp(let text, let line, let column): return "\(line):\(column): not a timestamp: '\(text)'"
    case .badValue(let text, let line, let column): return "\(line):\(column): not a number: '\(text)'"
    case .empty: return "the series has no rows"
    }
  }
}

/// Reads `timestamp,value` CSV text; columns are found by header name (case-insensitive).
public enum SeriesCSV {
  /// Parses the text of a series file.
  ///
  /// - Returns: the rows in input order.
  /// - Throws: `SeriesInputError` with the line and column of the problem.
  public static func parse(_ text: String) throws(SeriesInputError) -> [SeriesPoint] {
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    while let last = lines.last, last.trimmingSpaces.isEmpty { lines.removeLast() }
    guard let header = lines.first else { throw .empty }
    let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingSpaces.lowercased()
    }
    guard let timeColumn = names.firstIndex(of: "timestamp") else {
      throw .missingColumn(name: "timestamp", line: 1)
    }
    guard let valueColumn = names.firstIndex(of: "value") else {
      throw .missingColumn(name: "value", line: 1)
    }
    var points: [SeriesPoint] = []
    for (offset, line) in lines.dropFirst().enumerated() where !line.trimmingSpaces.isEmpty {
      let number = offset + 2
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count > max(timeColumn, valueColumn) else {
        throw .missingField(line: number, column: fields.count + 1)
      }
      let stamp = fields[timeColumn].trimmingSpaces.unquoted
      let valueText = fields[valueColumn].trimmingSpaces.unquoted
      guard let seconds = Timestamp.seconds(stamp) else {
        throw .badTimestamp(stamp, line: number, column: timeColumn + 1)
      }
      guard let value = Double(valueText), value.isFinite else {
        throw .badValue(valueText, line: number, column: valueColumn + 1)
      }
      points.append(SeriesPoint(timestamp: stamp, seconds: seconds, value: value))
    }
    guard !points.isEmpty else { throw .empty }
    return points
  }
}

/// Timestamp parsing without Foundation.
enum Timestamp {
  /// Seconds since the epoch for `YYYY-MM-DD[( |T)HH:MM[:SS[.fff]]][Z]`, or a plain number.
  static func seconds(_ text: String) -> Double? {
    if let number = Double(text), number.isFinite { return number }
    let characters = Array(text.utf8)
    guard characters.count >= 10, let day = Day(iso: String(decoding: characters[0..<10], as: UTF8.self))
    else {
      return nil
    }
    var seconds = Double(day.ordinal) * 86_400
    guard characters.count > 10 else { return seconds }
    guard characters[10] == UInt8(ascii: " ") || characters[10] == UInt8(ascii: "T") else { return nil }
    var clock = String(decoding: characters[11...], as: UTF8.self)
    if clock.hasSuffix("Z") { clock.removeLast() }
    let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), let hours = Int(parts[0]), let minutes = Int(parts[1]),
      (0..<24).contains(hours), (0..<60).contains(minutes)
    else { return nil }
    seconds += Double(hours * 3600 + minutes * 60)
    if parts.count == 3 {
      guard let secs = Double(parts[2]), secs >= 0, secs < 61 else { return nil }
      seconds += secs
    }
    return seconds
  }

  /// Whether a timestamp is a calendar date (so day and week periods make sense).
  static func isCalendar(_ text: String) -> Bool { Double(text) == nil }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
    return text
  }

  fileprivate var unquoted: String {
    count >= 2 && first == "\"" && last == "\"" ? String(dropFirst().dropLast()) : String(self)
  }
}

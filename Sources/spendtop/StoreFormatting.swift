import SpendModel
import SpendStore

/// Text helpers for the store commands' output.
enum StoreFormatting {
  /// `2026-11-29 21:00:47Z` from seconds since 1970-01-01 UTC.
  static func timestamp(_ seconds: Int64) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = Int(seconds - days * 86_400)
    let clock = [rest / 3_600, rest % 3_600 / 60, rest % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
    return "\(Day(ordinal: Int32(truncatingIfNeeded: days))) \(clock.joined(separator: ":"))Z"
  }

  /// `2026-11-29T21:00:47Z` (ISO 8601), for JSON.
  static func isoTimestamp(_ seconds: Int64) -> String {
    timestamp(seconds).replacingFirstSpace(with: "T")
  }

  /// An import summary's unblended totals by line item type and currency, as an indented table
  /// (empty when there are none).
  static func totalsTable(_ totals: [LineItemTotal]) -> String {
    guard !totals.isEmpty else { return "" }
    let rows = totals.map { [$0.lineItemType, $0.currency, $0.cost.formatted(decimals: 2, grouping: true)] }
    let table = table(header: ["line item type", "currency", "unblended"], rows: rows, rightAligned: [2])
    return table.split(separator: "\n").map { "    " + $0 + "\n" }.joined()
  }

  /// `812 B`, `4.2 KiB`, `131.0 MiB`, `1.2 GiB`.
  static func byteCount(_ bytes: Int64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if unit == 0 { return "\(bytes) B" }
    return Money(approximately: value).formatted(decimals: 1) + " " + units[unit]
  }

  /// `12,345`.
  static func count(_ value: Int) -> String {
    Money(whole: value).formatted(decimals: 0, grouping: true)
  }

  /// Pads or keeps text to a column width (left-aligned).
  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  /// Right-aligns text in a column.
  static func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  /// Lays out rows as aligned columns separated by two spaces; `rightAligned` columns by index.
  static func table(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
    var widths = header.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { index, cell in
        rightAligned.contains(index) ? padLeft(cell, widths[index]) : pad(cell, widths[index])
      }
      var text = padded.joined(separator: "  ")
      while text.last == " " { text.removeLast() }
      return text + "\n"
    }
    return ([line(header)] + rows.map(line)).joined()
  }
}

extension String {
  fileprivate func replacingFirstSpace(with replacement: String) -> String {
    guard let space = firstIndex(of: " ") else { return self }
    return String(self[..<space]) + replacement + String(self[index(after: space)...])
  }
}

import SpendModel

/// The plain-text tables of `spendtop ledger list` and `show`, aligned for a terminal.
public enum LedgerText {
  /// One row per incident: ID, window, status, total, title; a footnote when totals are incomplete.
  public static func list(_ incidents: [(Incident, IncidentCosts)]) -> String {
    guard !incidents.isEmpty else {
      return "No incidents yet: spendtop ledger new --title ... --start ... --end ...\n"
    }
    var rows = [["ID", "START", "END", "STATUS", "TOTAL", "TITLE"]]
    var incomplete = false
    for (incident, costs) in incidents {
      let total = costs.total.map { $0.dollars() } ?? "≥ \(costs.knownTotal.dollars())*"
      incomplete = incomplete || costs.total == nil
      rows.append([
        incident.id, incident.start.description, incident.end.description, incident.status.rawValue, total,
        incident.title,
      ])
    }
    var text = align(rows, rightAligned: [4])
    if incomplete { text += "* bill-derived lines missing: pass bill PATHs or --db (or import the bills) to compute them\n" }
    return text
  }

  /// The incident's header, its lines with source and calculation, and the totals.
  public static func show(_ incident: Incident, _ costs: IncidentCosts) -> String {
    var text = "\(incident.id): \(incident.title)\n"
    text +=
      "Window \(incident.start) → \(incident.end) (\(incident.dayCount) days, UTC) · \(incident.status.rawValue)"
    text += " · \(incident.series.count) series\n\n"
    var rows = [["CATEGORY", "DESCRIPTION", "SOURCE", "AMOUNT", "HOW"]]
    for line in costs.lines {
      rows.append([
        line.category.rawValue, line.line.description, line.source.rawValue,
        line.amount?.dollars() ?? "missing",
        line.amount == nil ? (line.missing ?? "") : line.calculation,
      ])
    }
    text +=
      costs.lines.isEmpty
      ? "No cost lines yet: spendtop ledger add \(incident.id) cost ...\n" : align(rows, rightAligned: [3])
    var totals = [["TOTALS", ""]]
    for category in CostCategory.allCases {
      totals.append([category.rawValue, costs.total(of: category)?.dollars() ?? "missing"])
    }
    totals.append(["total", costs.total?.dollars() ?? "incomplete (\(costs.knownTotal.dollars()) known)"])
    return text + "\n" + align(totals, rightAligned: [1])
  }

  /// Columns padded to their widest cell; `rightAligned` columns flush right.
  static func align(_ rows: [[String]], rightAligned: Set<Int>) -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    var text = ""
    for row in rows {
      var cells: [String] = []
      for (index, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        let isLast = index == row.count - 1
        cells.append(rightAligned.contains(index) ? padding + cell : (isLast ? cell : cell + padding))
      }
      text += String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed()) + "\n"
    }
    return text
  }
}

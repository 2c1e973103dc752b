import SpendModel

/// An incident as a markdown document for a postmortem: totals first, then each line's formula.
public enum LedgerMarkdown {
  /// Renders an incident.
  public static func render(_ incident: IncidentItem) -> String {
    var lines = [
      "# \(incident.id): \(incident.title)", "",
      "Window: \(incident.start) to \(incident.end) (UTC) · status: \(incident.status)", "",
      "**Total cost: \(incident.total.dollars())**", "",
      "| Category | Total |", "|---|---:|",
    ]
    for (category, total) in incident.categoryTotals { lines.append("| \(category) | \(total.dollars()) |") }
    lines += [
      "", "## Cost lines", "", "| Category | Description | Amount | Source | Formula |",
      "|---|---|---:|---|---|",
    ]
    for line in incident.lines {
      let amount = line.amount?.dollars() ?? "missing"
      lines.append(
        "| \(line.category) | \(escape(line.description)) | \(amount) | \(line.source) | \(escape(line.formula)) |"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func escape(_ text: String) -> String {
    String(text.flatMap { $0 == "|" ? ["\\", "|"] : [$0] })
  }
}

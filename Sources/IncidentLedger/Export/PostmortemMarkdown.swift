import SpendModel

/// A postmortem-ready Markdown document of an incident: numbers first, then each cost with its
/// formula and inputs, the daily spend around the window, anomalies and root causes, the
/// timeline and the action items.
public enum PostmortemMarkdown {
  /// The document.
  ///
  /// - Parameter bills: the bills the costs were computed from, for the daily chart.
  public static func render(_ incident: Incident, _ costs: IncidentCosts, bills: Cube?) -> String {
    var out: [String] = ["# \(incident.id): \(incident.title)", ""]
    out += impactTable(incident, costs)
    if !incident.notes.isEmpty { out += ["", "## Summary", "", incident.notes.trimmingSpaces] }
    out += ["", "## Cost breakdown"]
    out += breakdown(costs)
    out += ["", "## Daily spend around the window", ""]
    out += chart(incident, costs, bills: bills)
    out += ["", "## Anomalies and root causes", ""]
    out += anomalies(incident)
    out += ["", "## Timeline (UTC)", ""]
    out += timeline(incident)
    out += ["", "## Action items", ""]
    out += actions(incident)
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - Sections

  private static func impactTable(_ incident: Incident, _ costs: IncidentCosts) -> [String] {
    var rows = ["| Impact | |", "|---|---:|"]
    rows.append("| **Total cost** | **\(amount(costs.total, known: costs.knownTotal))** |")
    for category in CostCategory.allCases where costs.lines.contains(where: { $0.category == category }) {
      rows.append("| \(category.label) | \(amount(costs.total(of: category))) |")
    }
    let runRates = costs.lines.filter { $0.category == .runRateIncrease }
    if !runRates.isEmpty {
      let monthly = runRates.compactMap(\.monthlyDelta)
      if monthly.count == runRates.count {
        rows.append("| Permanent run-rate increase | +\(monthly.reduce(.zero, +).dollars()) a month |")
      }
    }
    if let overage = costs.lines.first(where: { $0.overage != nil })?.overage, overage.expected > .zero,
      let ratio = overage.actual.ratio(to: overage.expected)
    {
      let multiple = Money(approximately: ratio).formatted(decimals: 1)
      rows.append(
        "| Linked spend vs baseline in the window | \(multiple)× "
          + "(\(overage.actual.dollars()) vs \(overage.expected.dollars())) |"
      )
    }
    rows.append("| Window | \(incident.start) → \(incident.end) (\(incident.dayCount) days) |")
    rows.append("| Status | \(incident.status.rawValue) |")
    rows.append("| Series linked | \(incident.series.count) |")
    return rows
  }

  private static func breakdown(_ costs: IncidentCosts) -> [String] {
    var out: [String] = []
    for category in CostCategory.allCases {
      let lines = costs.lines.filter { $0.category == category }
      guard !lines.isEmpty else { continue }
      out += ["", "### \(category.label): \(amount(costs.total(of: category)))", ""]
      for line in lines {
        out.append("- **\(escape(line.line.description))**: \(amount(line.amount)) (\(line.source.rawValue))")
        out.append("  - Formula: \(escape(line.formula))")
        if line.amount != nil, !line.calculation.isEmpty {
          out.append("  - Calculation: \(escape(line.calculation))")
        }
        if !line.inputs.isEmpty {
          let inputs = line.inputs.map { "\($0.key) \(escape($0.value.display))" }.joined(separator: ", ")
          out.append("  - Inputs: \(inputs)")
        }
        if let missing = line.missing { out.append("  - Missing: \(escape(missing))") }
        if !line.line.note.isEmpty { out.append("  - Note: \(escape(line.line.note))") }
        if !line.line.owner.isEmpty { out.append("  - Owner: \(escape(line.line.owner))") }
      }
    }
    if out.isEmpty { out = ["", "No cost lines yet."] }
    return out
  }

  private static func chart(_ incident: Incident, _ costs: IncidentCosts, bills: Cube?) -> [String] {
    guard let bills else { return ["No bills given: export with bill PATHs to include the daily spend."] }
    let overage = costs.lines.first { $0.overage != nil }
    let series =
      overage.flatMap { line -> [SeriesSelector]? in
        guard case .awsOverage(let inputs) = line.line.inputs, !inputs.series.isEmpty else { return nil }
        return inputs.series
      } ?? incident.series
    var expected: [Day: Money] = [:]
    for day in overage?.overage?.days ?? [] { expected[day.day] = day.expected - day.calendarExpected }
    do throws(BillComputationError) {
      let lines = try DailySpendChart.render(
        cube: bills, series: series, window: incident.start...incident.end, expected: expected)
      return [
        "Usage cost of the linked series a day (unblended; fees and tax, which land on the 1st, are left out). "
          + "▶ marks the incident window, with the frozen baseline it was held against.", "", "```text",
      ] + lines + ["```"]
    } catch {
      return ["No chart: \(error.description)."]
    }
  }

  private static func anomalies(_ incident: Incident) -> [String] {
    guard !incident.anomalies.isEmpty else { return ["None linked."] }
    var rows = ["| Kind | Start | End | Series | Impact | Root cause |", "|---|---|---|---|---:|---|"]
    for anomaly in incident.anomalies {
      rows.append(
        "| \(anomaly.kind) | \(anomaly.start) | \(anomaly.end) | \(escape(anomaly.series.description)) | "
          + "\(anomaly.impact.map { $0.dollars() } ?? "") | \(escape(anomaly.rootCause)) |")
    }
    return rows
  }

  private static func timeline(_ incident: Incident) -> [String] {
    guard !incident.timeline.isEmpty else { return ["No entries."] }
    let entries = incident.timeline.sorted { $0.at < $1.at }
    return ["| Time | Event |", "|---|---|"]
      + entries.map { "| \($0.at.shortDescription) | \(escape($0.text)) |" }
  }

  private static func actions(_ incident: Incident) -> [String] {
    guard !incident.actionItems.isEmpty else { return ["None."] }
    return ["| Action | Owner | Due | Status |", "|---|---|---|---|"]
      + incident.actionItems.map { item in
        "| \(escape(item.text)) | \(escape(item.owner)) | \(item.due?.description ?? "") | "
          + "\(item.done ? "done" : "open") |"
      }
  }

  // MARK: - Helpers

  private static func amount(_ value: Money?, known: Money? = nil) -> String {
    if let value { return value.dollars() }
    if let known { return "incomplete (\(known.dollars()) known)" }
    return "missing"
  }

  private static func escape(_ text: String) -> String {
    String(
      text.flatMap { character -> [Character] in
        switch character {
        case "|": return ["\\", "|"]
        case "\n": return [" "]
        default: return [character]
        }
      })
  }
}

extension EvaluatedLine {
  /// The monthly delta of a run-rate line (entered or measured), when known.
  var monthlyDelta: Money? {
    if let runRate { return runRate.monthlyDelta }
    if case .runRateIncrease(let inputs) = line.inputs { return inputs.monthlyDelta }
    return nil
  }
}

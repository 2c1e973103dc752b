import SpendModel

/// The weekly report's anomalies section, in Markdown and text (the incidents section is below).
struct AnomalySection {
  /// The anomalies (nil: the detector was not run, and the section is left out).
  let anomalies: [WeeklyAnomaly]?
  /// The week.
  let period: ReportPeriod
  /// Amount formatting.
  let text: AmountText

  /// What the section says about how the anomalies were found.
  private var method: String {
    "Detected on net amortized cost as of \(period.end) (`spendtop detect --as-of \(period.end)`): "
      + "opened in the week, or opened before and still anomalous in it."
  }

  private static let empty = "The detector reported no anomaly opened in the week or still open in it."

  /// `## Anomalies` with a table, or nothing when the detector was not run.
  func markdown() -> String {
    guard let anomalies else { return "" }
    var out = "## Anomalies\n\n"
    guard !anomalies.isEmpty else { return out + Self.empty + "\n\n" }
    out += method + "\n\n"
    out += "| Status | Kind | Days | Service | Usage type | Root cause | Impact | Δ% | Triage |\n"
    out += "|---|---|---|---|---|---|---:|---:|---|\n"
    for item in anomalies {
      out += "| " + cells(item).map { $0.replacingBars() }.joined(separator: " | ") + " |\n"
    }
    return out + "\n"
  }

  /// `Anomalies` with aligned rows, or nothing when the detector was not run.
  func plain() -> String {
    guard let anomalies else { return "" }
    guard !anomalies.isEmpty else { return "\nAnomalies: none. " + Self.empty + "\n" }
    let header = ["Status", "Kind", "Days", "Service", "Usage type", "Root cause", "Impact", "Δ%", "Triage"]
    return "\nAnomalies (as of \(period.end), net amortized)\n"
      + TextTable.render([header] + anomalies.map(cells), rightAligned: [6, 7])
  }

  private func cells(_ item: WeeklyAnomaly) -> [String] {
    let anomaly = item.anomaly
    let days = anomaly.start == anomaly.end ? "\(anomaly.start)" : "\(anomaly.start)–\(anomaly.end)"
    var triage = item.triage?.verdict.rawValue ?? "untriaged"
    if let reason = item.triage?.reason, !reason.isEmpty { triage += ": " + reason }
    return [
      item.status.rawValue, anomaly.kind.rawValue, days, anomaly.service, anomaly.usageType, item.rootCause,
      text.signed(anomaly.impact), AmountText.percent(Percent(anomaly.impact, of: anomaly.expected)), triage,
    ]
  }
}

/// The weekly report's ledger section, in Markdown and text.
struct IncidentSection {
  /// The incidents touching the week (nil: no ledger was read, and the section is left out).
  let incidents: [WeeklyIncident]?
  /// Amount formatting.
  let text: AmountText

  private static let empty = "No ledger incident touches the week."

  /// `## Incidents touched` with a table, or nothing when no ledger was read.
  func markdown() -> String {
    guard let incidents else { return "" }
    var out = "## Incidents touched\n\n"
    guard !incidents.isEmpty else { return out + Self.empty + "\n\n" }
    out += "| Incident | Title | Status | Window | Ledger total |\n|---|---|---|---|---:|\n"
    for incident in incidents {
      out += "| " + cells(incident).map { $0.replacingBars() }.joined(separator: " | ") + " |\n"
    }
    return out + "\n"
  }

  /// `Incidents touched` with aligned rows, or nothing when no ledger was read.
  func plain() -> String {
    guard let incidents else { return "" }
    guard !incidents.isEmpty else { return "\nIncidents touched: none.\n" }
    return "\nIncidents touched\n" + TextTable.render(incidents.map(cells), rightAligned: [4])
  }

  private func cells(_ incident: WeeklyIncident) -> [String] {
    [
      incident.id, incident.title, incident.status, "\(incident.start)–\(incident.end)",
      text.money(incident.total),
    ]
  }
}

extension String {
  /// The text with `|` escaped for a Markdown table cell.
  fileprivate func replacingBars() -> String {
    var out = ""
    for character in self { out += character == "|" ? "\\|" : String(character) }
    return out
  }
}

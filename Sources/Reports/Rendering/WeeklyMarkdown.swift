import SpendModel

/// Renders a weekly report as Markdown, ready to paste into a review document.
///
/// Tables are GitHub-flavoured; sparklines and bars sit in code spans so they keep their width.
public struct WeeklyMarkdown: Sendable {
  /// The report.
  public var report: WeeklyReport
  /// Cells of the widest bar.
  public var barWidth: Int

  /// Creates a renderer.
  public init(report: WeeklyReport, barWidth: Int = 12) {
    self.report = report
    self.barWidth = barWidth
  }

  /// The document, ending with a newline.
  public func render() -> String {
    let text = AmountText(currency: report.currency)
    var out =
      "# Weekly spend review: \(AmountText.span(report.period)), \(report.period.end.components.year)\n\n"
    out += "\(report.period.start) to \(report.period.end). "
    out += AmountText.basisSentence(report.basis, currency: report.currency) + " "
    out += "Data: \(report.dataRange.lowerBound) to \(report.dataRange.upperBound).\n\n"
    out += summary(text)
    out += dailyChart(text)
    out += table(
      "Top movers by service", columns: ["Service"], lines: report.serviceMovers, text: text,
      cells: { [code($0.service)] })
    out += table(
      "Top movers by usage type", columns: ["Service", "Usage type"], lines: report.movers, text: text,
      cells: { [code($0.service), code($0.group?.usageTypeLabel ?? "")] })
    out += calendarTable(text)
    out += spendList(
      "New spend", empty: "No usage appeared that had no spend in the 35 days before.", report.newSpend, text)
    out += spendList("Stopped spend", empty: "No usage stopped.", report.stoppedSpend, text)
    out += AnomalySection(anomalies: report.anomalies, period: report.period, text: text).markdown()
    out += IncidentSection(incidents: report.incidents, text: text).markdown()
    if !report.notes.isEmpty {
      out += "## Notes\n\n" + report.notes.map { "- " + $0 + "\n" }.joined() + "\n"
    }
    out += methodNote(text)
    return out
  }

  // MARK: - Sections

  private func summary(_ text: AmountText) -> String {
    let forecast = report.forecast
    var out = "| | Amount | Change |\n|---|---:|---:|\n"
    out += "| **This week** (\(AmountText.span(report.period))) | **\(text.money(report.total))** | |\n"
    out += "| Previous 7 days (\(AmountText.span(report.period.preceding))) | "
    if let previous = report.previousTotal, let change = report.weekOverWeek {
      out += "\(text.money(previous)) | \(text.change(change)) |\n"
    } else {
      out += "n/a | |\n"
    }
    if let average = report.againstAverage {
      out += "| 4-week average | \(text.money(average.previous)) | \(text.change(average)) |\n"
    } else {
      out += "| 4-week average | n/a | |\n"
    }
    var changes: [String] = []
    if let change = report.usage.weekOverWeek { changes.append("\(text.change(change)) week on week") }
    if let average = report.usage.againstAverage {
      changes.append("\(text.change(average)) on the 4-week average")
    }
    out += "| Usage only (no tax, fees, credits) | \(text.money(report.usage.total)) "
    out += changes.isEmpty ? "| |\n" : "| \(changes.joined(separator: ", ")) |\n"
    let monthSpan = AmountText.span(ReportPeriod(start: forecast.month.firstDay, end: forecast.through))
    out += "| Month to date (\(monthSpan)) | \(text.money(forecast.monthToDate)) | |\n"
    out += "| Month-end forecast (\(forecast.month)) | \(text.money(forecast.monthEnd)) "
    out += "| 90%: \(text.money(forecast.low)) – \(text.money(forecast.high)) |\n\n"
    return out
  }

  private func dailyChart(_ text: AmountText) -> String {
    let period = report.dailyPeriod
    let spark = Charts.sparkline(report.dailyUsage)
    let split = spark.index(spark.endIndex, offsetBy: -min(7, report.dailyUsage.count))
    let peak = report.dailyUsage.max() ?? .zero
    return "Daily usage, \(AmountText.span(period)) (this week after the bar, peak \(text.money(peak))): "
      + "`\(spark[..<split])│\(spark[split...])`\n\n"
  }

  private func table(
    _ title: String, columns: [String], lines: [GroupChange], text: AmountText,
    cells: (GroupChange) -> [String]
  ) -> String {
    var out = "## \(title)\n\n"
    guard !lines.isEmpty else { return out + "Nothing moved.\n\n" }
    out +=
      "| " + (columns + ["This week", "Previous 7 days", "Δ$", "Δ%", ""]).joined(separator: " | ") + " |\n"
    out += "|" + String(repeating: "---|", count: columns.count) + "---:|---:|---:|---:|---|\n"
    for (line, bar) in zip(lines, Charts.deltaBars(lines, width: barWidth)) {
      let change = line.change
      let row =
        cells(line) + [
          text.money(change.current), text.money(change.previous), text.signed(change.delta),
          AmountText.percent(change.deltaPercent), bar.isEmpty ? "" : "`\(bar)`",
        ]
      out += "| " + row.joined(separator: " | ") + " |\n"
    }
    return out + "\n"
  }

  private func calendarTable(_ text: AmountText) -> String {
    var out = "## Tax, fees and credits\n\n"
    guard !report.calendarCharges.isEmpty else { return out + "None in either week.\n\n" }
    out += "Billed on the day they are dated (tax and support fees on the 1st of the month), so they are "
    out += "listed apart from usage.\n\n"
    out += "| Charge | This week | Previous 7 days | Δ$ |\n|---|---:|---:|---:|\n"
    for line in report.calendarCharges {
      out +=
        "| \(line.kind.rawValue) | \(text.money(line.change.current)) | \(text.money(line.change.previous)) "
      out += "| \(text.signed(line.change.delta)) |\n"
    }
    return out + "\n"
  }

  private func spendList(_ title: String, empty: String, _ lines: [GroupChange], _ text: AmountText) -> String
  {
    var out = "## \(title)\n\n"
    guard !lines.isEmpty else { return out + empty + "\n\n" }
    out += "| Service | Usage type | This week | Previous 7 days |\n|---|---|---:|---:|\n"
    for line in lines {
      out += "| \(code(line.service)) | \(code(line.group?.usageTypeLabel ?? "")) "
      out += "| \(text.money(line.change.current)) | \(text.money(line.change.previous)) |\n"
    }
    return out + "\n"
  }

  private func methodNote(_ text: AmountText) -> String {
    let forecast = report.forecast
    return "Forecast: month to date + usage run rate \(text.money(forecast.usageRunRate))/day "
      + "(mean of the last \(forecast.rateDays) days) × \(forecast.remainingDays) days left; "
      + "tax, fees and credits count as billed so far. "
      + "Interval: 90%, from the spread of daily usage over the last \(forecast.spreadDays) days.\n"
  }

  /// A code span (backticks inside are replaced: identifiers never contain them).
  private func code(_ value: String) -> String {
    "`" + String(value.map { $0 == "`" ? "'" : $0 }) + "`"
  }
}

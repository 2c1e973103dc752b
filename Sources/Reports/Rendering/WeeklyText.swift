import SpendModel

/// Renders a weekly report as aligned plain text for a terminal or an e-mail body.
public struct WeeklyText: Sendable {
  /// The report.
  public var report: WeeklyReport
  /// Cells of the widest bar.
  public var barWidth: Int

  /// Creates a renderer.
  public init(report: WeeklyReport, barWidth: Int = 12) {
    self.report = report
    self.barWidth = barWidth
  }

  /// The text, ending with a newline.
  public func render() -> String {
    let text = AmountText(currency: report.currency)
    let forecast = report.forecast
    var out = "Weekly spend review \(report.period.start) to \(report.period.end)\n"
    out += AmountText.basisSentence(report.basis, currency: report.currency) + "\n\n"
    var summary: [[String]] = [
      ["This week", text.money(report.total), ""],
      [
        "Previous 7 days", report.previousTotal.map(text.money) ?? "n/a",
        report.weekOverWeek.map(text.change) ?? "",
      ],
    ]
    if let average = report.againstAverage {
      summary.append(["4-week average", text.money(average.previous), text.change(average)])
    }
    summary.append(
      ["Usage only", text.money(report.usage.total), report.usage.weekOverWeek.map(text.change) ?? ""])
    if let average = report.usage.againstAverage {
      summary.append(["  4-week usage average", text.money(average.previous), text.change(average)])
    }
    summary.append(["Month to date", text.money(forecast.monthToDate), ""])
    summary.append([
      "Month-end forecast", text.money(forecast.monthEnd),
      "90%: \(text.money(forecast.low)) – \(text.money(forecast.high))",
    ])
    out += TextTable.render(summary, rightAligned: [1, 2])
    let spark = Charts.sparkline(report.dailyUsage)
    let split = spark.index(spark.endIndex, offsetBy: -min(7, report.dailyUsage.count))
    out += "\nDaily usage \(AmountText.span(report.dailyPeriod))  \(spark[..<split])│\(spark[split...])\n"
    out += movers("Top movers by service", report.serviceMovers, text) { [$0.service] }
    out += movers("Top movers by usage type", report.movers, text) {
      [$0.service, $0.group?.usageTypeLabel ?? ""]
    }
    if !report.calendarCharges.isEmpty {
      let rows = report.calendarCharges.map { line in
        [
          line.kind.rawValue, text.money(line.change.current), text.money(line.change.previous),
          text.signed(line.change.delta),
        ]
      }
      out += "\nTax, fees and credits\n" + TextTable.render(rows, rightAligned: [1, 2, 3])
    }
    out += list("New spend", report.newSpend, text)
    out += list("Stopped spend", report.stoppedSpend, text)
    out += AnomalySection(anomalies: report.anomalies, period: report.period, text: text).plain()
    out += IncidentSection(incidents: report.incidents, text: text).plain()
    for note in report.notes { out += "\nNote: " + note }
    return report.notes.isEmpty ? out : out + "\n"
  }

  private func movers(
    _ title: String, _ lines: [GroupChange], _ text: AmountText, names: (GroupChange) -> [String]
  ) -> String {
    guard !lines.isEmpty else { return "\n\(title): nothing moved.\n" }
    let bars = Charts.deltaBars(lines, width: barWidth)
    let rows = zip(lines, bars).map { line, bar in
      names(line) + [
        text.money(line.change.current), text.money(line.change.previous), text.signed(line.change.delta),
        AmountText.percent(line.change.deltaPercent), bar,
      ]
    }
    let count = names(lines[0]).count
    return "\n\(title)\n"
      + TextTable.render(rows, rightAligned: Set(count..<(count + 4)))
  }

  private func list(_ title: String, _ lines: [GroupChange], _ text: AmountText) -> String {
    guard !lines.isEmpty else { return "\n\(title): none.\n" }
    let rows = lines.map { [$0.service, $0.group?.usageTypeLabel ?? "", text.money($0.change.current)] }
    return "\n\(title)\n" + TextTable.render(rows, rightAligned: [2])
  }
}

/// Aligns rows of cells into columns separated by two spaces.
enum TextTable {
  /// The rows, each line ending with a newline and trailing spaces removed.
  static func render(_ rows: [[String]], rightAligned: Set<Int>) -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    var out = ""
    for row in rows {
      var line = ""
      for (index, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[index] - cell.count)
        if index > 0 { line += "  " }
        line += rightAligned.contains(index) ? pad + cell : cell + pad
      }
      while line.last == " " { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}

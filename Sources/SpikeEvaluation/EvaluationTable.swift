import SpikeDetector

extension Evaluation {
  /// The full result table, in Markdown, for BENCHMARKS.md.
  public func table(title: String) -> String {
    var lines = [
      "### \(title)", "",
      "| kind | labels | detected | root cause ok | median delay (days) | asOf consistent |",
      "|---|---|---|---|---|---|",
    ]
    for kind in IncidentLabel.Kind.allCases {
      let group = outcomes(of: kind)
      guard !group.isEmpty else { continue }
      let detected = group.filter { $0.match != nil }
      lines.append(
        "| \(kind.rawValue) | \(group.count) | \(detected.count) | \(detected.filter(\.rootCauseCorrect).count) | "
          + "\(format(Evaluation.median(detected.compactMap(\.delay)), 1)) | \(detected.filter(\.asOfConsistent).count) |"
      )
    }
    lines += [
      "", "| metric | value |", "|---|---|",
      "| reported anomalies | \(reported) |", "| false alarms | \(falseAlarms.count) |",
      "| false alarms on a month's first day | \(monthStartFalseAlarms) |",
      "| precision | \(format(precision, 3)) |", "| recall | \(format(recall, 3)) |",
      "| F1 | \(format(f1, 3)) |",
      "| top-1 root cause | \(format(rootCauseAccuracy, 3)) |",
      "| median delay (days) | \(format(medianDelay, 1)) |",
      "| asOf consistency | \(format(asOfConsistency, 3)) |",
    ]
    if !falseAlarms.isEmpty {
      lines += ["", "False alarms:", ""]
      for (alarm, seed) in zip(falseAlarms, falseAlarmSeeds).prefix(30) {
        lines.append(
          "- seed \(seed): \(alarm.kind.rawValue) \(alarm.start)…\(alarm.end) \(alarm.service) \(alarm.usageType) \(alarm.account) "
            + "impact \(alarm.impact.dollars())")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func format(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return "–" }
    return ReportFormatting.decimalText(value, places: places)
  }
}

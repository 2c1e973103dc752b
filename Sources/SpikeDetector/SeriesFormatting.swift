import SpendModel

/// Renders generic series results.
public enum SeriesFormatting {
  /// A value as the shortest text that reads back to it.
  public static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// A score with four decimals.
  public static func score(_ value: Double) -> String { ReportFormatting.decimal(value) }

  /// `{"period": N|null, "rows": [{"timestamp", "value", "anomaly_score"}], "events": [...]}`.
  public static func json(points: [SeriesPoint], result: GenericSeriesDetector.Result) -> String {
    let order = points.indices.sorted { (points[$0].seconds, $0) < (points[$1].seconds, $1) }
    var rows: [String] = []
    rows.reserveCapacity(points.count)
    for (point, score) in zip(points, result.scores) {
      rows.append(
        "{\"timestamp\": \(ReportFormatting.string(point.timestamp)), \"value\": \(number(point.value)), "
          + "\"anomaly_score\": \(self.score(score))}")
    }
    let events = result.events.map { event in
      "{\"kind\": \"\(event.kind.rawValue)\", \"direction\": \"\(event.direction.rawValue)\", "
        + "\"start\": \(ReportFormatting.string(points[order[event.start]].timestamp)), "
        + "\"end\": \(ReportFormatting.string(points[order[event.end]].timestamp)), "
        + "\"detected\": \(ReportFormatting.string(points[order[event.detected]].timestamp))}"
    }
    let period = result.period.map(String.init) ?? "null"
    return "{\"period\": \(period), \"rows\": [\n  " + rows.joined(separator: ",\n  ") + "\n], \"events\": ["
      + (events.isEmpty ? "" : "\n  " + events.joined(separator: ",\n  ") + "\n") + "]}\n"
  }
}

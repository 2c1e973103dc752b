import SpendFormats
import SpendModel

/// Renders a detection report as JSON (the issue 4 contract), CSV or a text table.
///
/// Money is written from its exact decimal (never through `Double`); ratios and scores with four
/// decimals.
public enum ReportFormatting {
  // MARK: - JSON

  /// `{"anomalies": [...], "notices": [...]}`, anomalies in report order (impact, descending).
  public static func json(_ report: DetectionReport) -> String {
    let anomalies = report.anomalies.map(json)
    let notices = report.notices.map(noticeJSON)
    return "{\"anomalies\": [" + joined(anomalies) + "], \"notices\": [" + joined(notices) + "]}\n"
  }

  private static func joined(_ items: [String]) -> String {
    items.isEmpty ? "" : "\n  " + items.joined(separator: ",\n  ") + "\n"
  }

  /// One anomaly as the JSON object of the contract (`kind`, `start`, …, `contributors`), on one line.
  public static func json(_ anomaly: Anomaly) -> String {
    let contributors = anomaly.contributors.map { contributor in
      object([
        ("account", string(contributor.account)), ("service", string(contributor.service)),
        ("usageType", string(contributor.usageType)), ("region", string(contributor.region)),
        ("resource", string(contributor.resource)), ("impact", contributor.impact.exactDecimal()),
        ("share", decimal(contributor.share)),
      ])
    }
    return object([
      ("kind", string(anomaly.kind.rawValue)), ("start", string(anomaly.start.description)),
      ("end", string(anomaly.end.description)), ("detected", string(anomaly.detected.description)),
      ("account", string(anomaly.account)), ("service", string(anomaly.service)),
      ("usageType", string(anomaly.usageType)), ("region", string(anomaly.region)),
      ("actual", anomaly.actual.exactDecimal()), ("expected", anomaly.expected.exactDecimal()),
      ("impact", anomaly.impact.exactDecimal()),
      ("impactPercent", anomaly.impactPercent.map { decimal($0, places: 2) } ?? "null"),
      ("score", decimal(anomaly.score)), ("contributors", "[" + contributors.joined(separator: ", ") + "]"),
    ])
  }

  private static func noticeJSON(_ notice: Notice) -> String {
    object([
      ("kind", string(notice.kind.rawValue)), ("day", string(notice.day.description)),
      ("account", string(notice.account)), ("service", string(notice.service)),
      ("usageType", string(notice.usageType)), ("region", string(notice.region)),
      ("lineItemType", string(notice.lineItemType)), ("amount", notice.amount.exactDecimal()),
      ("expected", notice.expected.map { $0.exactDecimal() } ?? "null"),
    ])
  }

  private static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
  }

  /// A JSON string literal (the shared writer's quoting).
  static func string(_ text: String) -> String { JSONValue.quoted(text) }

  /// A number with a fixed number of decimals (for tables and reports).
  public static func decimalText(_ value: Double, places: Int) -> String { decimal(value, places: places) }

  /// A ratio or score with a fixed number of decimals, as a JSON number.
  static func decimal(_ value: Double, places: Int = 4) -> String {
    guard value.isFinite else { return "null" }
    return Money(approximately: value).formatted(decimals: places)
  }

  // MARK: - CSV

  /// One row per anomaly with its top contributor; notices are left to JSON and the table.
  public static func csv(_ report: DetectionReport) -> String {
    var lines = [
      "kind,start,end,detected,account,service,usageType,region,actual,expected,impact,impactPercent,score,"
        + "topUsageType,topResource,topShare"
    ]
    for anomaly in report.anomalies {
      let top = anomaly.contributors.first
      let fields = [
        anomaly.kind.rawValue, anomaly.start.description, anomaly.end.description,
        anomaly.detected.description,
        anomaly.account, anomaly.service, anomaly.usageType, anomaly.region, anomaly.actual.exactDecimal(),
        anomaly.expected.exactDecimal(), anomaly.impact.exactDecimal(),
        anomaly.impactPercent.map { decimal($0, places: 2) } ?? "", decimal(anomaly.score),
        top?.usageType ?? "", top?.resource ?? "", top.map { decimal($0.share) } ?? "",
      ]
      lines.append(fields.map(csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

  // MARK: - Table

  /// A text table for people: one line per anomaly, its contributors indented below, then notices.
  public static func table(_ report: DetectionReport) -> String {
    var lines: [String] = []
    if let range = report.dataRange {
      lines.append("data \(range.lowerBound) … \(range.upperBound)")
    }
    if report.anomalies.isEmpty { lines.append("no anomalies") }
    let header = [
      "KIND", "START", "END", "DETECTED", "SERVICE", "USAGE TYPE", "ACCOUNT", "REGION", "ACTUAL",
      "EXPECTED", "IMPACT", "IMPACT%", "SCORE",
    ]
    var rows: [[String]] = []
    for anomaly in report.anomalies {
      rows.append([
        anomaly.kind.rawValue, anomaly.start.description, anomaly.end.description,
        anomaly.detected.description,
        anomaly.service, anomaly.usageType, anomaly.account, anomaly.region, anomaly.actual.dollars(),
        anomaly.expected.dollars(), anomaly.impact.dollars(),
        anomaly.impactPercent.map { decimal($0, places: 1) + "%" } ?? "new",
        decimal(anomaly.score, places: 2),
      ])
    }
    if !rows.isEmpty {
      let widths = header.indices.map { column in
        max(header[column].count, rows.map { $0[column].count }.max() ?? 0)
      }
      lines.append(align(header, widths))
      for (anomaly, row) in zip(report.anomalies, rows) {
        lines.append(align(row, widths))
        for contributor in anomaly.contributors {
          let resource = contributor.resource.isEmpty ? "" : " " + contributor.resource
          lines.append(
            "    \(decimal(contributor.share * 100, places: 0))% \(contributor.impact.dollars())  "
              + "\(contributor.service) \(contributor.usageType) \(contributor.account) \(contributor.region)\(resource)"
          )
        }
      }
    }
    for notice in report.notices {
      let expected = notice.expected.map { " (previously \($0.dollars()))" } ?? ""
      lines.append(
        "notice \(notice.kind.rawValue) \(notice.day) \(notice.service) \(notice.usageType) \(notice.account) "
          + "\(notice.lineItemType) \(notice.amount.dollars())\(expected)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func align(_ cells: [String], _ widths: [Int]) -> String {
    var line = ""
    for (index, cell) in cells.enumerated() {
      let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
      let rightAligned = index >= 8
      line += (index == 0 ? "" : "  ") + (rightAligned ? padding + cell : cell + padding)
    }
    while line.last == " " { line.removeLast() }
    return line
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self { if character == target { out += replacement } else { out.append(character) } }
    return out
  }
}

import SpendFormats
import SpendModel

/// Reads an incident from the text of its TOML file, naming the file and line of any problem.
public enum IncidentDecoder {
  /// Decodes `text` read from `path`.
  ///
  /// - Parameter expectedID: the ID the file name implies; a different `id` inside is an error.
  /// - Throws: `LedgerError.invalidFile` naming the path and line.
  public static func decode(_ text: String, path: String, expectedID: String? = nil) throws(LedgerError)
    -> Incident
  {
    let root: TOMLTable
    do {
      root = try TOMLParser.parse(text)
    } catch {
      throw .invalidFile(path: path, line: error.line, column: error.column, message: error.message)
    }
    var file = TableReader(root, path: path, name: "the incident")
    let id = try file.requiredString("id")
    guard Incident.isValidID(id) else {
      throw file.error("id \"\(id)\" cannot name a file: use letters, digits, '-', '_', '.'", at: "id")
    }
    if let expectedID, expectedID != id {
      throw file.error("id \"\(id)\" does not match the file name (\(expectedID).toml)", at: "id")
    }
    var incident = Incident(
      id: id, title: try file.requiredString("title"),
      status: try file.choice("status", IncidentStatus.self) ?? .open,
      start: try file.requiredDay("start"), end: try file.requiredDay("end"),
      notes: try file.string("notes") ?? "")
    guard incident.end >= incident.start else { throw file.error("end is before start", at: "end") }
    if var rates = try file.table("rates") {
      incident.rates = LoadedRates(
        annualCost: try rates.nonNegative("annual_cost"),
        yearHours: try rates.integer("year_hours", in: 1...8784) ?? LoadedRates.defaultYearHours,
        hoursPerDay: try rates.nonNegative("hours_per_day") ?? Money(whole: 8))
      try rates.finish()
    }
    for var table in try file.tables("series", name: "[[series]]") {
      incident.series.append(try series(&table))
      try table.finish()
    }
    for var table in try file.tables("anomaly", name: "[[anomaly]]") {
      incident.anomalies.append(try anomaly(&table))
      try table.finish()
    }
    for var table in try file.tables("cost", name: "[[cost]]") {
      incident.costLines.append(try CostLineDecoder.decode(&table))
      try table.finish()
    }
    for var table in try file.tables("event", name: "[[event]]") {
      incident.timeline.append(
        TimelineEntry(at: try table.time("at"), text: try table.requiredString("text")))
      try table.finish()
    }
    for var table in try file.tables("action", name: "[[action]]") {
      incident.actionItems.append(
        ActionItem(
          text: try table.requiredString("text"), owner: try table.string("owner") ?? "",
          due: try table.day("due"),
          done: try table.boolean("done") ?? false))
      try table.finish()
    }
    try file.finish()
    return incident
  }

  /// A series selector from a table with any of `service`, `usage_type`, `account`, `region`,
  /// `line_item_type`.
  static func series(_ table: inout TableReader) throws(LedgerError) -> SeriesSelector {
    let selector = SeriesSelector(
      service: try table.string("service"), usageType: try table.string("usage_type"),
      account: try table.string("account"), region: try table.string("region"),
      lineItemType: try table.string("line_item_type"))
    guard selector != SeriesSelector() else {
      throw table.error(
        "\(table.name) needs at least one of service, usage_type, account, region, line_item_type")
    }
    return selector
  }

  private static func anomaly(_ table: inout TableReader) throws(LedgerError) -> LinkedAnomaly {
    let kind = try table.requiredString("kind")
    let start = try table.requiredDay("start")
    let end = try table.requiredDay("end")
    guard end >= start else { throw table.error("end is before start", at: "end") }
    return LinkedAnomaly(
      kind: kind, start: start, end: end, series: try series(&table), impact: try table.money("impact"),
      rootCause: try table.string("root_cause") ?? "")
  }
}

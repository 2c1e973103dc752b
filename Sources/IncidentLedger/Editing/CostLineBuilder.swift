import SpendFormats
import SpendModel

/// Builds cost lines and series from command-line fields, with exactly the validation (and
/// messages) of the file format: the fields become a `[[cost]]` table that the file decoder reads.
public enum CostLineBuilder {
  /// A field given on the command line: its file key (`review_hours`) and its text.
  public typealias Field = (key: String, text: String)

  /// A cost line of `category` from fields (`people`, `hours`, `amount`, …).
  ///
  /// - Parameter series: series selectors for the line (`aws-overage`, `run-rate-increase`).
  /// - Throws: `LedgerError.invalidChange` naming the field that is wrong.
  public static func line(category: String, fields: [Field], series: [SeriesSelector] = [])
    throws(LedgerError) -> CostLine
  {
    var table = TOMLTable(line: 1)
    _ = table.insert("category", TOMLNode(.string(category), line: 1))
    for field in fields {
      guard table.insert(field.key, TOMLNode(try value(of: field), line: 1)) else {
        throw .invalidChange("--\(option(field.key)) is given twice")
      }
    }
    if !series.isEmpty {
      let nodes = series.map { selector in
        var element = TOMLTable(line: 1)
        for field in selector.fields {
          _ = element.insert(field.key, TOMLNode(.string(field.value), line: 1))
        }
        return TOMLNode(.table(element), line: 1)
      }
      _ = table.insert("series", TOMLNode(.array(nodes), line: 1))
    }
    var reader = TableReader(table, path: "", name: "a \(category) line")
    do throws(LedgerError) {
      let line = try CostLineDecoder.decode(&reader)
      try reader.finish()
      return line
    } catch {
      throw .invalidChange(commandLineMessage(error))
    }
  }

  /// Keys that hold text rather than numbers or dates.
  static let textKeys: Set<String> = [
    "description", "note", "owner", "role", "basis", "override_reason", "category",
  ]

  private static func value(of field: Field) throws(LedgerError) -> TOMLValue {
    if textKeys.contains(field.key) { return .string(field.text) }
    if let day = Day(iso: field.text) { return .date(day) }
    guard let number = TOMLParser.normalizedNumber(field.text) else {
      throw .invalidChange("--\(option(field.key)) \(field.text): not a number")
    }
    return .number(number)
  }

  /// A file-format error restated in command-line terms (`--review-hours` for `review_hours`).
  static func commandLineMessage(_ error: LedgerError) -> String {
    guard case .invalidFile(_, _, _, let message) = error else { return error.description }
    let unknownPrefix = "unknown key \""
    if message.hasPrefix(unknownPrefix),
      let key = message.dropFirst(unknownPrefix.count).split(separator: "\"").first
    {
      let category = message.split(separator: " ").dropLast().last.map(String.init) ?? "this"
      return "--\(option(String(key))) is not an input of \(category) lines"
    }
    var text = message
    for key in [
      "override_reason", "review_hours", "hourly_rate", "degraded_hours", "revenue_per_hour",
      "annual_revenue", "operating_hours", "monthly_contract_value", "credit_percent", "monthly_delta",
      "horizon_months", "step_date", "level_days", "baseline_weeks", "engineer_days", "daily_rate",
    ] {
      text = text.replacingAll(key, with: "--" + option(key))
    }
    for key in ["amount ", "override "] where text.hasPrefix(key) { text = "--" + text }
    return text
  }

  /// The option spelling of a file key: `review_hours` → `review-hours`.
  public static func option(_ key: String) -> String { String(key.map { $0 == "_" ? "-" : $0 }) }
}

extension SeriesSelector {
  /// Parses `service=AmazonS3,usage-type=Requests-Tier1,account=…,region=…,line-item-type=Tax`.
  ///
  /// - Throws: `LedgerError.invalidChange` for an unknown field or an empty selector.
  public init(parsing text: String) throws(LedgerError) {
    self.init()
    for pair in text.split(separator: ",") {
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[1].isEmpty else {
        throw .invalidChange("series \"\(text)\": write field=value pairs separated by commas")
      }
      switch parts[0].lowercased().replacingAll("_", with: "-") {
      case "service": service = parts[1]
      case "usage-type": usageType = parts[1]
      case "account": account = parts[1]
      case "region": region = parts[1]
      case "line-item-type": lineItemType = parts[1]
      default:
        throw .invalidChange(
          "series field \"\(parts[0])\" is not one of service, usage-type, account, region, line-item-type")
      }
    }
    guard self != SeriesSelector() else { throw .invalidChange("series \"\(text)\" selects nothing") }
  }
}

extension Incident {
  /// An ID from the start day and the title: `INC-20261001-october-bill-spike`.
  public static func makeID(title: String, start: Day) -> String {
    var slug = ""
    for character in title.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        slug.append(character)
      } else if !slug.isEmpty && slug.last != "-" {
        slug.append("-")
      }
      if slug.count >= 40 { break }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    let day = start.description.replacingAll("-", with: "")
    return slug.isEmpty ? "INC-\(day)" : "INC-\(day)-\(slug)"
  }
}

extension String {
  /// Every occurrence of `target` replaced by `replacement`.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while !rest.isEmpty {
      if rest.starts(with: target) {
        out += replacement
        rest = rest.dropFirst(target.count)
      } else {
        out.append(rest.removeFirst())
      }
    }
    return out
  }
}

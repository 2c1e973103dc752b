/// A billing export format spendtop reads.
public enum BillFormat: Hashable, Sendable, CustomStringConvertible {
  /// Legacy Cost and Usage Report CSV (`lineItem/UnblendedCost`).
  case legacyCUR
  /// Legacy CUR with Athena/Parquet column names (`line_item_unblended_cost`).
  case athenaCUR
  /// CUR 2.0 (Data Exports), with map columns such as `product` and `resource_tags`.
  case cur2
  /// FOCUS 1.0, 1.1 or 1.2; `awsColumns` when AWS `x_` columns (`x_ServiceCode`, …) are present.
  case focus(version: String, awsColumns: Bool)
  /// Cost Explorer "Download CSV" (a wide table: one column per group, one row per day or month).
  case costExplorer

  /// A human name: `legacy CUR CSV`, `FOCUS 1.2 (AWS columns)`, ….
  public var description: String {
    switch self {
    case .legacyCUR: return "legacy CUR CSV"
    case .athenaCUR: return "legacy CUR (Athena naming)"
    case .cur2: return "CUR 2.0"
    case .focus(let version, let aws): return "FOCUS \(version)" + (aws ? " (AWS columns)" : "")
    case .costExplorer: return "Cost Explorer CSV"
    }
  }

  /// The formats spendtop reads, for error messages.
  public static let readableFormatsText =
    "legacy CUR CSV (lineItem/… columns, plain or .gz), its Athena naming (line_item_…), CUR 2.0, "
    + "FOCUS 1.0–1.2, Cost Explorer \"Download CSV\", and legacy CUR manifests (…-Manifest.json)"
}

/// What a header says a file is.
enum HeaderVerdict: Equatable {
  /// A format spendtop reads.
  case readable(BillFormat)
  /// A known format spendtop does not read, with advice.
  case unsupported(format: String, advice: String)
  /// Not a billing export spendtop knows.
  case unknown
}

/// Recognises a billing export from its header row (formats.md §2).
enum FormatDetector {
  /// Classifies a header; cells are compared case-insensitively.
  static func detect(header: [String]) -> HeaderVerdict {
    if header.contains(where: isBinary) { return .unknown }
    if header.contains(where: { $0.contains("\u{01}") }) {
      return .unsupported(
        format: "a Hive/Athena text dump (\\x01-delimited)",
        advice: "export the query result as CSV (Athena \"Download results\") or read the CUR files themselves")
    }
    let lower = header.map { $0.lowercased() }
    let names = Set(lower)
    if lower.contains(where: { $0.hasPrefix("lineitem/") || $0.hasPrefix("identity/") }) {
      return .readable(.legacyCUR)
    }
    if names.contains("line_item_unblended_cost") || names.contains("line_item_usage_start_date") {
      let cur2Markers = ["product", "resource_tags", "bill_payer_account_name", "line_item_usage_account_name"]
      return .readable(cur2Markers.contains(where: names.contains) ? .cur2 : .athenaCUR)
    }
    if names.contains("billedcost") && names.contains("chargeperiodstart") {
      return .readable(.focus(version: focusVersion(names), awsColumns: hasAWSColumns(names)))
    }
    if let last = lower.last, isCostExplorerTotal(last) { return .readable(.costExplorer) }
    if lower.starts(with: ["invoiceid", "payeraccountid", "linkedaccountid", "recordtype"]) {
      let monthly = names.contains("costbeforetax") || names.contains("totalcost")
      return .unsupported(
        format: monthly ? "a Monthly / cost allocation report" : "a Detailed Billing Report (DBR)",
        advice: "these historical reports are not read; export a Cost and Usage Report (CUR) or FOCUS instead")
    }
    return .unknown
  }

  /// Whether a header cell holds bytes no text header has: invalid UTF-8 (repaired to U+FFFD) or
  /// control characters other than Hive's `\x01` delimiter and tab.
  private static func isBinary(_ cell: String) -> Bool {
    cell.unicodeScalars.contains { scalar in
      scalar == "\u{FFFD}" || scalar == "\u{7F}" || (scalar.value < 0x20 && scalar.value != 0x01 && scalar != "\t")
    }
  }

  /// `Total costs($)`, `Total costs ($)`, `Total costs(€)`.
  static func isCostExplorerTotal(_ cell: String) -> Bool {
    let lower = cell.lowercased()
    guard lower.hasPrefix("total costs"), lower.hasSuffix(")") else { return false }
    let rest = lower.dropFirst("total costs".count).drop { $0 == " " }
    return rest.hasPrefix("(")
  }

  private static func focusVersion(_ names: Set<String>) -> String {
    if ["billingaccounttype", "invoiceid", "pricingcurrency"].contains(where: names.contains) { return "1.2" }
    let markers = [
      "servicesubcategory", "skumeter", "capacityreservationid", "commitmentdiscountquantity",
      "commitmentdiscountunit",
    ]
    return markers.contains(where: names.contains) ? "1.1" : "1.0"
  }

  private static func hasAWSColumns(_ names: Set<String>) -> Bool {
    ["x_servicecode", "x_usagetype", "x_operation"].contains(where: names.contains)
  }
}

import ArgumentParser
import SpendFormats
import SpendModel
import SpendStore

/// `spendtop imports`: lists the import registry and the billing periods the store holds.
struct ImportsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "imports",
    abstract: "List the bills imported into the store and the billing periods it holds.",
    discussion: """
      Each imported file is listed once per import, with its format, billing periods (stored, \
      replaced by a later import, or forgotten), rows read and skipped, and its unblended total. \
      --format json adds the SHA-256 of each file and its totals by line item type.

      Exit codes: 0 success; 66 no store; 65 the store is unusable (newer schema, not a store).
      """)

  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: "table (default) or json.")
  var format: OutputFormat = .table

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
  }

  func run() throws {
    let (records, periods) = try StoreError.reporting { () throws(StoreError) in
      let spend = try store.open(creating: false)
      return (try spend.listImports(), try spend.periods())
    }
    switch format {
    case .table: print(ImportsCommand.table(records: records, periods: periods), terminator: "")
    case .json: print(ImportsCommand.json(records: records, periods: periods), terminator: "")
    }
  }

  // MARK: - Rendering

  static func table(records: [ImportRecord], periods: [StoredPeriod]) -> String {
    guard !records.isEmpty || !periods.isEmpty else {
      return "The store is empty: import bills with spendtop import PATH...\n"
    }
    let rows = records.map { record -> [String] in
      let periodText = zip(record.file.billingPeriods, record.periodStatus)
        .map { $1 == .stored ? $0.description : "\($0) (\($1.rawValue))" }
        .joined(separator: " ")
      return [
        StoreFormatting.timestamp(record.importedAt), record.file.path, record.file.format,
        periodText.isEmpty ? "-" : periodText, StoreFormatting.count(record.file.rowsRead),
        StoreFormatting.count(record.file.rowsSkipped), totalText(record.file.totals),
      ]
    }
    var out = ""
    if !rows.isEmpty {
      out += StoreFormatting.table(
        header: ["IMPORTED", "FILE", "FORMAT", "PERIODS", "ROWS", "SKIPPED", "UNBLENDED"], rows: rows,
        rightAligned: [4, 5, 6])
      out += "\n"
    }
    if periods.isEmpty { return out + "No billing period is stored (all forgotten).\n" }
    out += StoreFormatting.table(
      header: ["PERIOD", "DAYS", "CELLS", "IMPORTED"],
      rows: periods.map { stored in
        [
          stored.period.description, stored.days.map { "\($0.lowerBound) – \($0.upperBound)" } ?? "-",
          StoreFormatting.count(stored.cells), StoreFormatting.timestamp(stored.importedAt),
        ]
      },
      rightAligned: [2])
    return out
  }

  /// The unblended total per currency: `$1,234.57` or `USD 1,234.57 + EUR 3.00`.
  private static func totalText(_ totals: [LineItemTotal]) -> String {
    var byCurrency: [String: Money] = [:]
    for total in totals { byCurrency[total.currency, default: .zero] += total.cost }
    if byCurrency.isEmpty { return "-" }
    if byCurrency.count == 1, let usd = byCurrency["USD"] { return usd.dollars() }
    return byCurrency.keys.sorted().map {
      "\($0) \(byCurrency[$0, default: .zero].formatted(decimals: 2, grouping: true))"
    }
    .joined(separator: " + ")
  }

  static func json(records: [ImportRecord], periods: [StoredPeriod]) -> String {
    let string = JSONValue.quoted
    let imports = records.map { record -> String in
      let file = record.file
      let periodItems = zip(file.billingPeriods, record.periodStatus).map { period, status in
        "{\"period\": \(string(period.description)), \"payer\": \(string(period.payer)), "
          + "\"month\": \(string(period.month.description)), \"status\": \(string(status.rawValue))}"
      }
      let totals = file.totals.map { total in
        "{\"lineItemType\": \(string(total.lineItemType)), \"currency\": \(string(total.currency)), "
          + "\"cost\": \(total.cost.exactDecimal(minimumDecimals: 6))}"
      }
      return """
          {"id": \(record.id), "batch": \(record.batch), \
        "importedAt": \(string(StoreFormatting.isoTimestamp(record.importedAt))), \
        "path": \(string(file.path)), "size": \(file.size), "sha256": \(string(file.sha256)), \
        "format": \(string(file.format)), "rowsRead": \(file.rowsRead), "rowsSkipped": \(file.rowsSkipped), \
        "periods": [\(periodItems.joined(separator: ", "))], "totals": [\(totals.joined(separator: ", "))]}
        """
    }
    let stored = periods.map { stored in
      let days = stored.days.map {
        "\(string($0.lowerBound.description)), \"lastDay\": \(string($0.upperBound.description))"
      }
      return
        "    {\"period\": \(string(stored.period.description)), \"payer\": \(string(stored.period.payer)), "
        + "\"month\": \(string(stored.period.month.description)), "
        + "\"firstDay\": \(days ?? "null, \"lastDay\": null"), "
        + "\"cells\": \(stored.cells), \"batch\": \(stored.batch), "
        + "\"importedAt\": \(string(StoreFormatting.isoTimestamp(stored.importedAt)))}"
    }
    func array(_ items: [String]) -> String {
      items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n]"
    }
    return "{\"imports\": " + array(imports) + ",\n\"periods\": " + array(stored) + "}\n"
  }
}

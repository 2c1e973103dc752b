import SpendModel

/// The JSON documents of `spendtop ledger list` and `show`.
public enum LedgerJSON {
  /// `{"incidents": [{"id", "title", "start", "end", "total", "knownTotal", "missing"}]}`.
  ///
  /// `total` is `null` when a line (typically a bill-derived one without bills) is missing;
  /// `missing` names those categories and `knownTotal` sums the lines that are known.
  public static func list(_ incidents: [(Incident, IncidentCosts)]) -> JSONValue {
    .object([
      (
        "incidents",
        .array(
          incidents.map { incident, costs in
            .object(
              header(incident) + [
                ("total", .money(costs.total)), ("knownTotal", .money(costs.knownTotal)),
                ("missing", .array(costs.missingCategories.map { .string($0.rawValue) })),
              ])
          })
      )
    ])
  }

  /// `{"id", "title", "start", "end", "status", "lines": [...], "totals": {...}, "missing": [...]}`.
  public static func incident(_ incident: Incident, _ costs: IncidentCosts) -> JSONValue {
    var totals: [(String, JSONValue)] = CostCategory.allCases.map {
      ($0.rawValue, .money(costs.total(of: $0)))
    }
    totals.append(("total", .money(costs.total)))
    totals.append(("knownTotal", .money(costs.knownTotal)))
    return .object(
      header(incident) + [
        ("status", .string(incident.status.rawValue)),
        ("lines", .array(costs.lines.map(line))),
        ("totals", .object(totals)),
        ("missing", .array(costs.missingCategories.map { .string($0.rawValue) })),
      ])
  }

  /// One line: category, description, amount, source, the inputs flattened, formula,
  /// calculation, and `missing` (why the amount is `null`) when it is.
  public static func line(_ line: EvaluatedLine) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("category", .string(line.category.rawValue)), ("description", .string(line.line.description)),
      ("amount", .money(line.amount)), ("source", .string(line.source.rawValue)),
    ]
    pairs += line.inputs.map { ($0.key, value($0.value)) }
    pairs.append(("formula", .string(line.formula)))
    if line.amount != nil { pairs.append(("calculation", .string(line.calculation))) }
    if let missing = line.missing { pairs.append(("missing", .string(missing))) }
    if !line.line.note.isEmpty { pairs.append(("note", .string(line.line.note))) }
    if !line.line.owner.isEmpty { pairs.append(("owner", .string(line.line.owner))) }
    return .object(pairs)
  }

  private static func header(_ incident: Incident) -> [(String, JSONValue)] {
    [
      ("id", .string(incident.id)), ("title", .string(incident.title)),
      ("start", .string(incident.start.description)), ("end", .string(incident.end.description)),
    ]
  }

  private static func value(_ input: InputValue) -> JSONValue {
    switch input {
    case .money(let money): return .money(money)
    case .quantity(let quantity): return .number(quantity.exactDecimal())
    case .integer(let count): return .number(String(count))
    case .text(let text): return .string(text)
    case .day(let day): return .string(day.description)
    case .series(let series): return .array(series.map(selector))
    }
  }

  static func selector(_ series: SeriesSelector) -> JSONValue {
    .object(
      [
        ("service", series.service), ("usageType", series.usageType), ("account", series.account),
        ("region", series.region), ("lineItemType", series.lineItemType),
      ].compactMap { key, value in value.map { (key, JSONValue.string($0)) } })
  }
}

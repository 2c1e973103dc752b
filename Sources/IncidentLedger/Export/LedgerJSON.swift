import SpendFormats
import SpendModel

/// The JSON documents of `spendtop ledger list` and `show`.
public enum LedgerJSON {
  /// `{"incidents": [{"id", "title", "start", "end", "total", "knownTotal", "missing"}]}`.
  ///
  /// `total` is `null` when a line (typically a bill-derived one without bills) is missing;
  /// `missing` names those categories and `knownTotal` sums the lines that are known.
  public static func list(_ incidents: [(Incident, IncidentCosts)]) -> JSONValue {
    .object([
      .init(
        "incidents",
        .array(
          incidents.map { incident, costs in
            .object(
              header(incident) + [
                .init("total", .money(costs.total)), .init("knownTotal", .money(costs.knownTotal)),
                .init("missing", .array(costs.missingCategories.map { .string($0.rawValue) })),
              ])
          })
      )
    ])
  }

  /// `{"id", "title", "start", "end", "status", "lines": [...], "totals": {...}, "missing": [...]}`.
  public static func incident(_ incident: Incident, _ costs: IncidentCosts) -> JSONValue {
    var totals: [JSONValue.Member] = CostCategory.allCases.map {
      JSONValue.Member($0.rawValue, .money(costs.total(of: $0)))
    }
    totals.append(.init("total", .money(costs.total)))
    totals.append(.init("knownTotal", .money(costs.knownTotal)))
    return .object(
      header(incident) + [
        .init("status", .string(incident.status.rawValue)),
        .init("lines", .array(costs.lines.map(line))),
        .init("totals", .object(totals)),
        .init("missing", .array(costs.missingCategories.map { .string($0.rawValue) })),
      ])
  }

  /// One line: category, description, amount, source, the inputs flattened, formula,
  /// calculation, and `missing` (why the amount is `null`) when it is.
  public static func line(_ line: EvaluatedLine) -> JSONValue {
    var pairs: [JSONValue.Member] = [
      .init("category", .string(line.category.rawValue)),
      .init("description", .string(line.line.description)),
      .init("amount", .money(line.amount)), .init("source", .string(line.source.rawValue)),
    ]
    pairs += line.inputs.map { JSONValue.Member($0.key, value($0.value)) }
    pairs.append(.init("formula", .string(line.formula)))
    if line.amount != nil { pairs.append(.init("calculation", .string(line.calculation))) }
    if let missing = line.missing { pairs.append(.init("missing", .string(missing))) }
    if !line.line.note.isEmpty { pairs.append(.init("note", .string(line.line.note))) }
    if !line.line.owner.isEmpty { pairs.append(.init("owner", .string(line.line.owner))) }
    return .object(pairs)
  }

  private static func header(_ incident: Incident) -> [JSONValue.Member] {
    [
      .init("id", .string(incident.id)), .init("title", .string(incident.title)),
      .init("start", .string(incident.start.description)),
      .init("end", .string(incident.end.description)),
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
      ].compactMap { key, value in value.map { JSONValue.Member(key, .string($0)) } })
  }
}

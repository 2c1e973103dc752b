import SpendFormats
import SpendModel

extension SpendSnapshot {
  /// The format version written in `spendtopSnapshot`.
  public static let formatVersion = 1

  /// The snapshot as JSON:
  /// `{"spendtopSnapshot": 1, "period": {…}, "basis", "currency", "dimensions": [...], "total",
  /// "rows": [{"service": "AmazonEC2", …, "cost": 12.5}]}`; amounts are exact decimals.
  public func json() -> JSONValue {
    .object([
      .init("spendtopSnapshot", .number(String(Self.formatVersion))),
      .init("period", ReportJSON.period(period)),
      .init("basis", .string(basis.rawValue)),
      .init("currency", .string(currency)),
      .init("dimensions", .array(dimensions.map(JSONValue.string))),
      .init("total", ReportJSON.amount(total)),
      .init(
        "rows",
        .array(
          rows.map { row in
            .object(
              zip(dimensions, row.values).map { .init($0, .string($1)) } + [
                .init("cost", ReportJSON.amount(row.cost))
              ])
          })),
    ])
  }

  /// Reads a snapshot written by `json()`.
  ///
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - path: the file, for messages.
  /// - Throws: `ReportError.invalidSnapshot` with the line and column of the problem (1:1 for a
  ///   missing or wrong member).
  public init(parsing text: String, path: String) throws(ReportError) {
    let document: JSONValue
    do {
      document = try JSONParser.parse(text)
    } catch {
      throw .invalidSnapshot(path: path, line: error.line, column: error.column, reason: error.reason)
    }
    func invalid(_ reason: String) -> ReportError {
      .invalidSnapshot(path: path, line: 1, column: 1, reason: reason)
    }
    guard document["spendtopSnapshot"]?.numberText == String(Self.formatVersion) else {
      throw invalid("no \"spendtopSnapshot\": \(Self.formatVersion) member")
    }
    guard let start = document["period"]?["start"]?.stringValue.flatMap(Day.init(iso:)),
      let end = document["period"]?["end"]?.stringValue.flatMap(Day.init(iso:)), start <= end
    else { throw invalid("\"period\" needs \"start\" and \"end\" days (YYYY-MM-DD)") }
    guard let basisName = document["basis"]?.stringValue, let basis = CostBasis(rawValue: basisName) else {
      throw invalid("\"basis\" must be one of \(CostBasis.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    guard let currency = document["currency"]?.stringValue else { throw invalid("\"currency\" is missing") }
    guard let names = document["dimensions"]?.arrayValue?.compactMap(\.stringValue), !names.isEmpty else {
      throw invalid("\"dimensions\" must be a non-empty array of names")
    }
    guard let rowValues = document["rows"]?.arrayValue else { throw invalid("\"rows\" must be an array") }
    var rows: [RollupRow] = []
    for (index, rowValue) in rowValues.enumerated() {
      var values: [String] = []
      for name in names {
        guard let value = rowValue[name]?.stringValue else {
          throw invalid("rows[\(index)] has no \"\(name)\"")
        }
        values.append(value)
      }
      guard let costText = rowValue["cost"]?.numberText, let cost = try? Money(parsing: costText) else {
        throw invalid("rows[\(index)] has no numeric \"cost\"")
      }
      rows.append(RollupRow(values: values, cost: cost))
    }
    self.init(
      period: ReportPeriod(start: start, end: end), basis: basis, currency: currency, dimensions: names,
      rows: rows)
  }
}

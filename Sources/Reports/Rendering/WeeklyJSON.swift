import SpendFormats
import SpendModel

/// Renders a weekly report as JSON, the contract for scripts and dashboards.
///
/// ```
/// {"period": {"start", "end"}, "basis", "currency", "dataRange", "total", "previousTotal",
///  "fourWeekAverage", "usage": {"total", "previousTotal", "fourWeekAverage"}, "monthToDate",
///  "forecast": {"monthEnd", "low", "high", …}, "movers": [{"service", "usageType",
///  "chargeKind", "current", "previous", "delta", "deltaPercent"}], "serviceMovers": […],
///  "calendarCharges": [{"chargeKind", …}], "new": […], "stopped": […],
///  "daily": [{"day", "total", "usage"}], "anomalies": [{…detect's object…, "status",
///  "rootCause", "triage"}], "incidents": [{"id", "title", "status", "start", "end", "total"}],
///  "notes": […]}
/// ```
///
/// `fourWeekAverage` and `previousTotal` are `null` when the data does not cover them.
///
/// Amounts are JSON numbers written from exact decimals (`Money.exactDecimal`), never through
/// `Double`; percentages have two decimals; a value that does not exist (no 4-week average, a
/// percentage against zero) is `null`; `anomalies` is `null` when the detector was not run, `incidents` when no ledger was read.
public struct WeeklyJSON: Sendable {
  /// The report.
  public var report: WeeklyReport

  /// Creates a renderer.
  public init(report: WeeklyReport) { self.report = report }

  /// The document, ending with a newline.
  public func render() -> String { value().rendered() }

  /// The document as a value.
  public func value() -> JSONValue {
    let forecast = report.forecast
    return .object([
      .init("period", ReportJSON.period(report.period)),
      .init("basis", .string(report.basis.rawValue)),
      .init("currency", .string(report.currency)),
      .init(
        "dataRange",
        ReportJSON.period(ReportPeriod(start: report.dataRange.lowerBound, end: report.dataRange.upperBound))),
      .init("total", ReportJSON.amount(report.total)),
      .init("previousTotal", report.previousTotal.map(ReportJSON.amount) ?? .null),
      .init("fourWeekAverage", report.fourWeekAverage.map(ReportJSON.amount) ?? .null),
      .init(
        "usage",
        .object([
          .init("total", ReportJSON.amount(report.usage.total)),
          .init("previousTotal", report.usage.previousTotal.map(ReportJSON.amount) ?? .null),
          .init("fourWeekAverage", report.usage.fourWeekAverage.map(ReportJSON.amount) ?? .null),
        ])),
      .init("monthToDate", ReportJSON.amount(forecast.monthToDate)),
      .init(
        "forecast",
        .object([
          .init("month", .string(forecast.month.description)),
          .init("monthEnd", ReportJSON.amount(forecast.monthEnd)),
          .init("low", ReportJSON.amount(forecast.low)),
          .init("high", ReportJSON.amount(forecast.high)),
          .init("usageRunRate", ReportJSON.amount(forecast.usageRunRate)),
          .init("remainingDays", .number(String(forecast.remainingDays))),
        ])),
      .init("movers", .array(report.movers.map(ReportJSON.groupChange))),
      .init("serviceMovers", .array(report.serviceMovers.map(ReportJSON.groupChange))),
      .init(
        "calendarCharges",
        .array(
          report.calendarCharges.map { line in
            .object(
              [.init("chargeKind", .string(line.kind.rawValue))] + ReportJSON.changeMembers(line.change))
          })),
      .init("new", .array(report.newSpend.map(ReportJSON.groupChange))),
      .init("stopped", .array(report.stoppedSpend.map(ReportJSON.groupChange))),
      .init(
        "daily",
        .array(
          zip(report.dailyPeriod.days, zip(report.daily, report.dailyUsage)).map { day, amounts in
            .object([
              .init("day", .string(day.description)), .init("total", ReportJSON.amount(amounts.0)),
              .init("usage", ReportJSON.amount(amounts.1)),
            ])
          })),
      .init("anomalies", report.anomalies.map { .array($0.map { $0.json() }) } ?? .null),
      .init("incidents", report.incidents.map { .array($0.map { $0.json() }) } ?? .null),
      .init("notes", .array(report.notes.map(JSONValue.string))),
    ])
  }
}

/// JSON building blocks shared by the report renderers and snapshots.
enum ReportJSON {
  /// An exact amount as a JSON number (at least two decimals: `12.50`, `0.0000000021`).
  static func amount(_ money: Money) -> JSONValue { .number(money.exactDecimal(minimumDecimals: 2)) }

  /// A percentage as a JSON number, or null.
  static func percent(_ percent: Percent?) -> JSONValue { percent.map { .number($0.description) } ?? .null }

  /// `{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}`.
  static func period(_ period: ReportPeriod) -> JSONValue {
    .object([
      .init("start", .string(period.start.description)), .init("end", .string(period.end.description)),
    ])
  }

  /// A mover, new or stopped line: service, usage type (absent for a by-service line), amounts.
  static func groupChange(_ line: GroupChange) -> JSONValue {
    var members: [JSONValue.Member] = [.init("service", .string(line.service))]
    if let group = line.group {
      members.append(.init("usageType", .string(group.usageType)))
      members.append(.init("chargeKind", .string(group.kind.rawValue)))
    }
    members += changeMembers(line.change)
    return .object(members)
  }

  /// `"current", "previous", "delta", "deltaPercent"`.
  static func changeMembers(_ change: SpendChange) -> [JSONValue.Member] {
    [
      .init("current", amount(change.current)), .init("previous", amount(change.previous)),
      .init("delta", amount(change.delta)), .init("deltaPercent", percent(change.deltaPercent)),
    ]
  }
}

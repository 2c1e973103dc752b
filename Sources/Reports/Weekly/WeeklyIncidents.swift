import SpendFormats
import SpendModel

/// A ledger incident whose window touches the week, as the weekly report lists it.
public struct WeeklyIncident: Sendable, Hashable {
  /// The incident id (`INC-2026-10-redis`).
  public var id: String
  /// The title.
  public var title: String
  /// `open`, `mitigated`, `resolved`, …
  public var status: String
  /// First day of the incident's window.
  public var start: Day
  /// Last day of the incident's window.
  public var end: Day
  /// The ledger's total of the lines it can compute (bill-derived lines from the report's bills).
  public var total: Money

  /// Creates an incident line of the report.
  public init(id: String, title: String, status: String, start: Day, end: Day, total: Money) {
    self.id = id
    self.title = title
    self.status = status
    self.start = start
    self.end = end
    self.total = total
  }

  /// Whether the incident's window and `period` share a day.
  public func touches(_ period: ReportPeriod) -> Bool { start <= period.end && end >= period.start }

  /// `{"id", "title", "status", "start", "end", "total"}`.
  func json() -> JSONValue {
    .object([
      .init("id", .string(id)), .init("title", .string(title)), .init("status", .string(status)),
      .init("start", .string(start.description)), .init("end", .string(end.description)),
      .init("total", ReportJSON.amount(total)),
    ])
  }
}

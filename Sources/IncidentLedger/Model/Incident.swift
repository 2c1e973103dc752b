import SpendModel

/// One incident in the ledger: what happened, when, to which spend, and what it cost.
///
/// The incident's window is a range of UTC days, inclusive at both ends, because bills are daily.
public struct Incident: Sendable, Equatable {
  /// A stable identifier, also the file name (`<id>.toml`): letters, digits, `-`, `_`, `.`.
  public var id: String
  /// A one-line title.
  public var title: String
  /// Where the response stands.
  public var status: IncidentStatus
  /// The first day of the incident window.
  public var start: Day
  /// The last day of the incident window (inclusive).
  public var end: Day
  /// Free-form notes (summary, contributing factors, lessons).
  public var notes: String
  /// The spend series the incident touched; AWS overage and run-rate lines use them by default.
  public var series: [SeriesSelector]
  /// Anomalies the detector raised for this incident, with their root causes.
  public var anomalies: [LinkedAnomaly]
  /// Loaded cost of people, for engineering time and lost velocity.
  public var rates: LoadedRates
  /// What happened when, in UTC.
  public var timeline: [TimelineEntry]
  /// Follow-up work.
  public var actionItems: [ActionItem]
  /// The cost lines, in the order entered.
  public var costLines: [CostLine]

  /// Creates an incident; lists default to empty.
  public init(
    id: String, title: String, status: IncidentStatus = .open, start: Day, end: Day, notes: String = "",
    series: [SeriesSelector] = [], anomalies: [LinkedAnomaly] = [], rates: LoadedRates = LoadedRates(),
    timeline: [TimelineEntry] = [], actionItems: [ActionItem] = [], costLines: [CostLine] = []
  ) {
    self.id = id
    self.title = title
    self.status = status
    self.start = start
    self.end = end
    self.notes = notes
    self.series = series
    self.anomalies = anomalies
    self.rates = rates
    self.timeline = timeline
    self.actionItems = actionItems
    self.costLines = costLines
  }

  /// The number of days in the window.
  public var dayCount: Int { start.distance(to: end) + 1 }

  /// Whether `id` can name an incident file: 1–100 of letters, digits, `-`, `_`, `.`, not
  /// starting with `.`.
  public static func isValidID(_ id: String) -> Bool {
    guard (1...100).contains(id.count), !id.hasPrefix(".") else { return false }
    return id.unicodeScalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || scalar == "-" || scalar == "_" || scalar == "."
    }
  }
}

/// Where an incident's response stands.
public enum IncidentStatus: String, Sendable, CaseIterable {
  /// Being worked on.
  case open
  /// The spend is back under control; follow-up continues.
  case mitigated
  /// Fixed; the postmortem may still be open.
  case resolved
  /// Postmortem done, action items tracked elsewhere.
  case closed
}

/// A spend series: any of service, usage type, account, region and line item type; a missing
/// field matches all.
public struct SeriesSelector: Hashable, Sendable, CustomStringConvertible {
  /// The service (product code, e.g. `AmazonElastiCache`), or nil for any.
  public var service: String?
  /// The usage type, or nil for any.
  public var usageType: String?
  /// The usage account ID, or nil for any.
  public var account: String?
  /// The region code, or nil for any.
  public var region: String?
  /// The line item type (`Usage`, `Tax`, `Fee`), or nil for any.
  public var lineItemType: String?

  /// Creates a selector.
  public init(
    service: String? = nil, usageType: String? = nil, account: String? = nil, region: String? = nil,
    lineItemType: String? = nil
  ) {
    self.service = service
    self.usageType = usageType
    self.account = account
    self.region = region
    self.lineItemType = lineItemType
  }

  /// Whether a cube cell belongs to the series.
  public func matches(_ key: CubeKey) -> Bool {
    (service.map { $0 == key.service } ?? true) && (usageType.map { $0 == key.usageType } ?? true)
      && (account.map { $0 == key.account } ?? true) && (region.map { $0 == key.region } ?? true)
      && (lineItemType.map { $0.lowercased() == key.lineItemType.lowercased() } ?? true)
  }

  /// `service / usage type / account / region`, `*` for any, then the line item type if set:
  /// `AWSLambda / * / * / us-east-1`, `* / * / * / * / Tax`.
  public var description: String {
    let fields = [service, usageType, account, region].map { $0 ?? "*" }
    return (fields + (lineItemType.map { [$0] } ?? [])).joined(separator: " / ")
  }

  /// The fields that are set, as (TOML key, value) in a fixed order.
  var fields: [(key: String, value: String)] {
    [
      ("service", service), ("usage_type", usageType), ("account", account), ("region", region),
      ("line_item_type", lineItemType),
    ].compactMap { key, value in value.map { (key, $0) } }
  }
}

/// An anomaly linked to an incident, as the detector reported it.
public struct LinkedAnomaly: Hashable, Sendable {
  /// `spike`, `step`, `drift`, `new` or `calendar`.
  public var kind: String
  /// The first anomalous day.
  public var start: Day
  /// The last anomalous day.
  public var end: Day
  /// The series the anomaly was found in.
  public var series: SeriesSelector
  /// Actual minus expected over the anomaly, when known.
  public var impact: Money?
  /// The root cause in words (top contributors, or what people found).
  public var rootCause: String

  /// Creates a linked anomaly.
  public init(
    kind: String, start: Day, end: Day, series: SeriesSelector, impact: Money? = nil, rootCause: String = ""
  ) {
    self.kind = kind
    self.start = start
    self.end = end
    self.series = series
    self.impact = impact
    self.rootCause = rootCause
  }
}

/// An entry of the incident timeline.
public struct TimelineEntry: Hashable, Sendable {
  /// When it happened, UTC.
  public var at: UTCTime
  /// What happened.
  public var text: String

  /// Creates an entry.
  public init(at: UTCTime, text: String) {
    self.at = at
    self.text = text
  }
}

/// A follow-up action.
public struct ActionItem: Hashable, Sendable {
  /// What to do.
  public var text: String
  /// Who does it.
  public var owner: String
  /// When it is due, if set.
  public var due: Day?
  /// Whether it is done.
  public var done: Bool

  /// Creates an action item.
  public init(text: String, owner: String = "", due: Day? = nil, done: Bool = false) {
    self.text = text
    self.owner = owner
    self.due = due
    self.done = done
  }
}

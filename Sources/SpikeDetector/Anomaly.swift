import SpendModel

/// One contributor to an anomaly: a resource in a leaf series, with its share of the impact.
public struct Contributor: Sendable, Equatable {
  /// The usage account.
  public var account: String
  /// The service (product code).
  public var service: String
  /// The usage type.
  public var usageType: String
  /// The region (`""` for global).
  public var region: String
  /// The resource (`""` when the bill has none).
  public var resource: String
  /// Actual − expected over the anomaly's days, in dollars (whole cents; all of an anomaly's
  /// contributions, before the top are kept, add up to its impact).
  public var impact: Money
  /// `impact / Σ max(impactᵢ, 0)`: negative for a contributor that offsets the anomaly.
  public var share: Double

  /// Creates a contributor.
  public init(
    account: String, service: String, usageType: String, region: String, resource: String, impact: Money,
    share: Double
  ) {
    self.account = account
    self.service = service
    self.usageType = usageType
    self.region = region
    self.resource = resource
    self.impact = impact
    self.share = share
  }
}

/// One incident as the detector reports it (the JSON contract of issue 4).
public struct Anomaly: Sendable, Equatable {
  /// Spike, step, drift, new or calendar.
  public var kind: AnomalyKind
  /// Up (cost increase) or down (decrease, reported only on request).
  public var direction: Direction
  /// First anomalous day.
  public var start: Day
  /// Last anomalous day (an open event extends to the last day of data).
  public var end: Day
  /// The last day of data the detector had seen when it first raised the event.
  public var detected: Day
  /// The usage account, or `*` when the incident spans several.
  public var account: String
  /// The service (product code), or `*` when the incident spans several.
  public var service: String
  /// The usage type, or `*` when the incident spans several.
  public var usageType: String
  /// The region, or `*` when the incident spans several (`""` is global).
  public var region: String
  /// Actual cost over start…end, rounded to the cent.
  public var actual: Money
  /// Expected cost over start…end (the baseline frozen when the event opened), to the cent.
  public var expected: Money
  /// actual − expected, exactly (whole cents).
  public var impact: Money
  /// impact / expected × 100, nil when expected is 0.
  public var impactPercent: Double?
  /// Anomaly score in [0, 1] (0.5 at the spike threshold).
  public var score: Double
  /// Top contributors ranked by dollars.
  public var contributors: [Contributor]

  /// Creates an anomaly.
  public init(
    kind: AnomalyKind, direction: Direction, start: Day, end: Day, detected: Day, account: String,
    service: String,
    usageType: String, region: String, actual: Money, expected: Money, impact: Money, impactPercent: Double?,
    score: Double, contributors: [Contributor]
  ) {
    self.kind = kind
    self.direction = direction
    self.start = start
    self.end = end
    self.detected = detected
    self.account = account
    self.service = service
    self.usageType = usageType
    self.region = region
    self.actual = actual
    self.expected = expected
    self.impact = impact
    self.impactPercent = impactPercent
    self.score = score
    self.contributors = contributors
  }
}

/// What a notice is about.
public enum NoticeKind: String, Sendable, Equatable {
  /// A credit landed.
  case credit
  /// A refund landed.
  case refund
  /// A recurring charge appeared for the first time (a new commitment, fee or subscription).
  case newCharge = "new-charge"
  /// A charge that follows usage (tax, support) changed with it.
  case derivedCharge = "derived-charge"
}

/// Information that is not an anomaly: credits, refunds, first fees, charges that follow usage.
public struct Notice: Sendable, Equatable {
  /// What it is about.
  public var kind: NoticeKind
  /// The first day of the charge in its month.
  public var day: Day
  /// The usage account.
  public var account: String
  /// The service.
  public var service: String
  /// The usage type.
  public var usageType: String
  /// The region.
  public var region: String
  /// The line item type, verbatim.
  public var lineItemType: String
  /// The month's amount so far.
  public var amount: Money
  /// The same charge in previous months (median), nil when there is none.
  public var expected: Money?

  /// Creates a notice.
  public init(
    kind: NoticeKind, day: Day, account: String, service: String, usageType: String, region: String,
    lineItemType: String, amount: Money, expected: Money?
  ) {
    self.kind = kind
    self.day = day
    self.account = account
    self.service = service
    self.usageType = usageType
    self.region = region
    self.lineItemType = lineItemType
    self.amount = amount
    self.expected = expected
  }
}

/// What `detect` found, with the data's freshness.
public struct DetectionReport: Sendable, Equatable {
  /// Anomalies sorted by impact, descending.
  public var anomalies: [Anomaly]
  /// Notices sorted by day, then amount.
  public var notices: [Notice]
  /// The first and last day of data the detector saw, nil for no data.
  public var dataRange: ClosedRange<Day>?
  /// Runs of days inside `dataRange` with no rows at all (a month never imported or forgotten):
  /// a gap in the data, left out of every baseline, not zero spend.
  public var gaps: [ClosedRange<Day>]

  /// Creates a report.
  public init(
    anomalies: [Anomaly], notices: [Notice], dataRange: ClosedRange<Day>?, gaps: [ClosedRange<Day>] = []
  ) {
    self.anomalies = anomalies
    self.notices = notices
    self.dataRange = dataRange
    self.gaps = gaps
  }
}

/// Why detection cannot run.
public enum DetectorError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The cube holds several currencies, which cannot be added into one series.
  case mixedCurrencies([String])

  public var description: String {
    switch self {
    case .mixedCurrencies(let codes):
      return "the data holds several currencies (\(codes.joined(separator: ", "))); "
        + "detect one at a time with --currency CODE"
    }
  }
}

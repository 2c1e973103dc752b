import SpendModel

/// The user's knobs for spend detection (the `detect` options), with documented defaults.
public struct DetectorSettings: Sendable, Equatable {
  /// Smallest impact per day that alarms: $10 (like Datadog's and CAD's absolute thresholds).
  public var minImpact: Money = Money(whole: 10)
  /// Smallest impact relative to expected that alarms, in percent: 20 (detector.md's P_pct).
  public var minPercent: Double = 20
  /// A calendar charge alarms when it differs from previous months by at least this percent (20)
  /// and by `minImpact`.
  public var calendarPercent: Double = 20
  /// Whether decreases are reported (as anomalies with negative impact).
  public var includeDecreases = false
  /// Run as if the data ended on this day.
  public var asOf: Day?
  /// Report only anomalies still anomalous on or after this day (and notices from it).
  public var since: Day?
  /// The cost the series are built from.
  public var basis: CostBasis = .netAmortized
  /// Contributors listed per anomaly at most.
  public var maxContributors = 5
  /// Contributors below this share are left out (the first is always kept).
  public var minContributorShare = 0.1

  /// Creates settings with every default.
  public init() {}

  /// The series-core parameters these settings imply for daily spend.
  public var seriesParameters: SeriesParameters {
    SeriesParameters.daily(minImpact: minImpact.doubleValue, minPercent: minPercent / 100)
  }
}

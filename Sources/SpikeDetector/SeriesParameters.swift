/// The knobs of the series core (detector.md §5), in units of observations and of the series.
///
/// `daily(minImpact:minPercent:)` gives the defaults for daily spend, `generic(period:)` those for
/// a metric of unknown units. Every value is a documented starting point, not fitted to a data set.
public struct SeriesParameters: Sendable, Equatable {
  /// Seasonal period in observations (7 for daily spend), nil for none or not yet known.
  public var period: Int?
  /// Observations in the level median (28 days).
  public var levelWindow = 28
  /// Observations in the scale estimate (56 days: a median of 28 errors is itself ±20% noisy,
  /// which fattens the tail of z; 56 halves the excess).
  public var scaleWindow = 56
  /// Cycles the seasonal profile is estimated from (8 weeks).
  public var seasonCycles = 8
  /// Cycles needed before the profile competes with the flat level on its own (3 weeks); with 1–2
  /// cycles the smaller of the two residuals is used, so a weekly job is not a spike in week 2.
  public var minSeasonCycles = 3
  /// The profile is kept only if it cuts the residual spread by at least this fraction (20%).
  public var seasonGain = 0.2
  /// Whether the profile must pass that test (spend: the weekly period is assumed, so it must). Off
  /// for `generic`: its period is set only when the autocorrelation at the lag already showed the
  /// season on the raw values, while the test compares against levels that re-basing keeps close to
  /// the data, which would vote down a sharp daily pattern whose edges look like level changes.
  public var requireSeasonMerit = true
  /// Standard errors of the σ estimate added to it (1): σ is a median of at most `scaleWindow`
  /// errors, ±1.17/√n uncertain, so the scale in use is an upper estimate: ×1.31 with 14 errors,
  /// ×1.16 with 56. Chance alarms in a series' first weeks, when σ rests on few errors, are the
  /// ones this stops. `generic` turns it off (0): a metric's alert is one row, not one of 10⁴ leaves.
  public var scaleStandardErrors = 1.0
  /// Scale floor relative to the expected value (5%): flat fixed-price series do not alarm on cents.
  public var relativeFloor = 0.05
  /// Absolute scale floor in series units ($0.50 for spend).
  public var absoluteFloor = 0.5
  /// Whether noise and seasonality scale with the level. Cost is usage × price, so a 5%-noisy
  /// series has a large σ on busy days and a small one on quiet days, and weekends run at a
  /// fraction of weekdays whatever the level: errors are scaled relative to the expected value and
  /// the weekly profile is a factor. Off for generic metrics (additive profile, absolute errors),
  /// whose values may sit at zero.
  public var multiplicative = true
  /// Robust z a spike must reach: 3.5 (Iglewicz–Hoaglin) for one series. `daily` raises it to 4.5
  /// because a bill is many series: ~10⁴ leaf-days a quarter, where the normal tail beyond 4 still
  /// leaves ~0.3 chance alarms and beyond 4.5 ~0.03, and because σ is itself a median of at most
  /// 56 errors (±15%), which fattens the tail of z.
  public var spikeZ = 3.5
  /// CUSUM reference value k, in σ (0.5: tuned to a 1σ shift).
  public var cusumK = 0.5
  /// CUSUM decision interval h, in σ (5: about one false alarm per series per 15 months, daily).
  public var cusumH = 5.0
  /// CUSUM input clip in σ (4): a single outlier adds at most 3.5 < h, so a step needs ≥ 2 points.
  public var cusumClip = 4.0
  /// Outliers in a row on one side that re-base the baseline at the first of them (0: off). A run
  /// of three ≥ 3.5σ outliers has chance ~10⁻¹¹ under the baseline: the level has changed. Spend
  /// leaves this to CUSUM (0); `generic`, where CUSUM is off, uses 3 once the period is decided.
  public var rebaseRun = 0
  /// Observations since the series began (or re-based) below which only the jump rule (at least a
  /// doubling) runs: 14, because a scale from fewer than 14 errors is itself ±30% uncertain.
  public var minHistory = 14
  /// Drift: length of the recent and the lagged window (7 days).
  public var driftWindow = 7
  /// Drift: lag between the two windows (28 days).
  public var driftLag = 28
  /// Drift: relative growth of the recent over the lagged median that fires (30%).
  public var driftRatio = 0.3
  /// A series silent this many observations counts as new again when it returns (30 days; never
  /// in `generic`, where zero is a value).
  public var silentGap = 30
  /// Observations of data needed before anything can be called new (a full week).
  public var newAfter = 7
  /// Materiality: smallest impact per observation that alarms, in series units ($10/day).
  public var minImpact = 10.0
  /// Materiality: smallest impact relative to the expected value that alarms (20%).
  public var minPercent = 0.2
  /// An event stays open while it is anomalous again within this many observations (3 days).
  public var mergeGap = 3
  /// Whether an event stays open while the series stays away from the baseline frozen at opening
  /// (spend: the incident's cost keeps accruing) or only while alarms keep coming (metrics).
  public var extendWhileAway = true

  /// Creates parameters with every default and the given period.
  public init(period: Int? = nil) { self.period = period }

  /// Defaults for daily spend in dollars: weekly period, z 4.5, `$10/day` and 20% gates.
  public static func daily(minImpact: Double = 10, minPercent: Double = 0.2) -> SeriesParameters {
    var parameters = SeriesParameters(period: 7)
    parameters.spikeZ = 4.5
    parameters.minImpact = minImpact
    parameters.minPercent = minPercent
    return parameters
  }

  /// Defaults for a metric of unknown units: no dollar gate, no percent gate beyond the 5% scale
  /// floor, a vanishing absolute floor, events as bursts of alarms, no drift and no CUSUM rule.
  public static func generic(period: Int?) -> SeriesParameters {
    var parameters = SeriesParameters(period: period)
    parameters.minImpact = 0
    parameters.minPercent = 0
    parameters.absoluteFloor = 1e-9
    parameters.extendWhileAway = false
    parameters.multiplicative = false
    parameters.scaleStandardErrors = 0
    // Drift is a spend notion (this week against four weeks ago); a metric's ramp is not an event.
    parameters.driftRatio = .infinity
    // CUSUM assumes independent errors; sub-daily metrics have strongly autocorrelated ones, which
    // collapse its in-control run length, so steps are left to the spike rule's first jump.
    parameters.cusumH = .infinity
    parameters.rebaseRun = 3
    // A metric's zero is a value (idle CPU, no disk writes), not an absent line item: coming back
    // from a run of zeros is not a new series, and is left to the spike rule and its budget.
    parameters.silentGap = .max
    parameters.requireSeasonMerit = false
    return parameters
  }
}

import SpendModel

/// The Monday review: a week's spend, what moved, where the month will land.
///
/// Every amount is on one cost basis and in one currency, summed exactly from the cube. Build one
/// with `WeeklyReport(cube:options:)`; render it with `WeeklyMarkdown`, `WeeklyText` or `WeeklyJSON`.
public struct WeeklyReport: Sendable {
  /// The 7 days reported on.
  public var period: ReportPeriod
  /// The cost basis of every amount.
  public var basis: CostBasis
  /// The currency of every amount.
  public var currency: String
  /// The first and last day with data (after the currency filter).
  public var dataRange: ClosedRange<Day>
  /// The week's total, every charge kind.
  public var total: Money
  /// The 7 days before the week; nil when they start before the data (nothing to compare with).
  public var previousTotal: Money?
  /// The mean of the 4 weeks before the week; nil when the data does not cover them.
  public var fourWeekAverage: Money?
  /// The same three totals over usage only (no tax, fees or credits): the like-for-like view,
  /// since month-start calendar charges make any week holding the 1st look expensive.
  public var usage: UsageTotals
  /// Month to date and the month-end projection, as of the week's last day.
  public var forecast: MonthEndForecast
  /// Daily totals of the 28 days ending with the week (days before the data are zero).
  public var daily: [Money]
  /// Daily usage (no calendar charges) of the same 28 days: what the charts draw, since month-start
  /// tax and fee lines would dwarf every other day.
  public var dailyUsage: [Money]
  /// Services whose usage moved most against the previous 7 days.
  public var serviceMovers: [GroupChange]
  /// Service × usage type groups whose usage moved most against the previous 7 days.
  public var movers: [GroupChange]
  /// Calendar charges by kind (tax, fees, credits, …) against the previous 7 days: they land on the
  /// first of the month, so they are shown apart from usage movers.
  public var calendarCharges: [CalendarChange]
  /// Usage that has spend this week and none in the 35 days before.
  public var newSpend: [GroupChange]
  /// Usage that had spend on 2 or more of the 14 days before the week and none in it.
  public var stoppedSpend: [GroupChange]
  /// Caveats for readers (short history, partial comparisons).
  public var notes: [String]
  /// Anomalies opened in the week or still open in it; nil until `addAnomalies(from:…)` ran.
  public var anomalies: [WeeklyAnomaly]? = nil
  /// Ledger incidents whose window touches the week; nil when no ledger was read.
  public var incidents: [WeeklyIncident]? = nil

  /// Usage-only totals of the week and its baselines.
  public struct UsageTotals: Hashable, Sendable {
    /// The week's usage.
    public var total: Money
    /// The previous 7 days' usage; nil when they start before the data.
    public var previousTotal: Money?
    /// The mean weekly usage of the 4 weeks before; nil when the data does not cover them.
    public var fourWeekAverage: Money?

    /// The week against the previous 7 days, if the data covers them.
    public var weekOverWeek: SpendChange? { previousTotal.map { SpendChange(current: total, previous: $0) } }

    /// The week against the 4-week average, if there is one.
    public var againstAverage: SpendChange? {
      fourWeekAverage.map { SpendChange(current: total, previous: $0) }
    }
  }

  /// The week against the previous 7 days, if the data covers them.
  public var weekOverWeek: SpendChange? { previousTotal.map { SpendChange(current: total, previous: $0) } }

  /// The week against the 4-week average, if there is one.
  public var againstAverage: SpendChange? {
    fourWeekAverage.map { SpendChange(current: total, previous: $0) }
  }

  /// The days `daily` covers.
  public var dailyPeriod: ReportPeriod { ReportPeriod(ending: period.end, days: daily.count) }
}

/// One kind of calendar charge in the week and the previous 7 days.
public struct CalendarChange: Hashable, Sendable {
  /// The kind (tax, fee, credit, refund, discount).
  public var kind: ChargeKind
  /// The amounts.
  public var change: SpendChange
}

/// What to report on.
public struct WeeklyOptions: Sendable {
  /// The week's last day; nil for the last day with data.
  public var end: Day?
  /// The cost basis.
  public var basis: CostBasis
  /// The currency; nil when the data has one.
  public var currency: String?
  /// How many movers to list per table.
  public var topCount: Int

  /// Creates options.
  public init(end: Day? = nil, basis: CostBasis = .unblended, currency: String? = nil, topCount: Int = 10) {
    self.end = end
    self.basis = basis
    self.currency = currency
    self.topCount = max(1, topCount)
  }
}

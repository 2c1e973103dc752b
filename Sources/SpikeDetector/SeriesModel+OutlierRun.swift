/// The current run of same-side outliers: its side (+1 above, −1 below, 0 for none), first
/// observation and length.
struct OutlierRun: Sendable {
  private(set) var side = 0
  private(set) var start = 0
  private(set) var length = 0

  /// Adds one observation on `side` (0: not an outlier, which ends any run).
  mutating func add(side: Int, index: Int) {
    if side == 0 {
      clear()
      return
    }
    if side != self.side {
      self.side = side
      start = index
      length = 0
    }
    length += 1
  }

  /// Ends the run.
  mutating func clear() {
    side = 0
    length = 0
  }
}

// MARK: - Outlier-run rule

extension SeriesModel {
  /// Counts same-side outliers in a row and re-bases at the run's first one when it is long enough.
  mutating func trackOutlierRun(index: Int, outlier: Bool, z: Double) {
    outlierRun.add(side: outlier ? (z > 0 ? 1 : -1) : 0, index: index)
    guard outlierRun.side != 0 else { return }
    guard rebasingEnabled, parameters.rebaseRun > 0, outlierRun.length >= parameters.rebaseRun else { return }
    restartRegime(at: outlierRun.start)
    outlierRun.clear()
  }
}

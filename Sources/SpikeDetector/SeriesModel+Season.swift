/// The seasonal profile in force and when it was last re-estimated.
struct SeasonState: Sendable {
  /// Per-phase factors (multiplicative) or offsets (additive), nil before the first estimate.
  var profile: [Double]?
  /// Complete cycles the profile rests on.
  var cycles = 0
  /// Whether the profile passed the merit test (or needs none).
  var active = false
  /// The observation count at the last refresh.
  var refreshedAt = 0
  /// The refresh's reusable buffers, and the spare profile array it writes into.
  var estimator = ProfileEstimator()
  var spareProfile: [Double] = []

  /// Forgets the profile (a new period).
  mutating func reset() {
    profile = nil
    active = false
    cycles = 0
    refreshedAt = 0
    estimator.invalidateWindows()
  }
}

/// The seasonal terms in force, apart from the model, for loops over its history: the profile
/// (nil: neutral terms), the period (0: none) and whether terms are factors or offsets.
struct SeasonalTerms: Sendable {
  var profile: [Double]?
  var period: Int
  var multiplicative: Bool

  /// The term of a phase (1 or 0 without a profile or outside it).
  func seasonal(phase: Int) -> Double {
    guard let profile, phase >= 0, phase < profile.count else { return multiplicative ? 1 : 0 }
    return profile[phase]
  }

  /// A value with the term of its phase taken out (`rawPhase` as in `SeriesModel.phases`); nil
  /// where a factor is (nearly) zero.
  func deseasonalized(_ value: Double, rawPhase: Int) -> Double? {
    let term = seasonal(phase: rawPhase < 0 ? rawPhase + period : rawPhase)
    guard multiplicative else { return value - term }
    return term > 1e-9 ? value / term : nil
  }
}

// MARK: - Seasonal terms

extension SeriesModel {
  /// Switches to a new seasonal period (generic mode, once detected); the profile is re-estimated.
  public mutating func adoptPeriod(_ period: Int?) {
    guard period != parameters.period else { return }
    parameters.period = period
    for position in slots.indices { phases[position] = rawPhase(ofSlot: slots[position]) }
    season.reset()
    levelWindow.invalidate()
    rederiveDeviations()
  }

  /// Re-derives past seasonal deviations against a trailing one-period mean of the raw values (a
  /// level with no phase in it), so the new profile learns from a sound decomposition: deviations
  /// taken before the period was known are against a short flat median, which at a sharp seasonal
  /// edge lags the edge by half its window and leaves the plateaus at zero.
  private mutating func rederiveDeviations() {
    guard let period = parameters.period, period >= 2, !parameters.multiplicative else { return }
    var sum = 0.0
    for index in raw.indices {
      sum += raw[index]
      if index >= period { sum -= raw[index - period] }
      guard index >= regimeStart + period - 1, !deviations[index].isNaN else { continue }
      deviations[index] = raw[index] - sum / Double(period)
    }
  }

  /// The seasonal term for a phase under the current profile (0 without one).
  public func seasonal(phase: Int) -> Double {
    let neutral = parameters.multiplicative ? 1.0 : 0.0
    guard let profile = season.profile, seasonalUsable, phase >= 0, phase < profile.count else {
      return neutral
    }
    return profile[phase]
  }

  /// A level with the seasonal term of a phase put in.
  @inline(__always) func seasonalized(_ level: Double, phase: Int) -> Double {
    parameters.multiplicative ? level * seasonal(phase: phase) : level + seasonal(phase: phase)
  }

  /// The seasonal terms in force, for loops over the history.
  var seasonalTerms: SeasonalTerms {
    SeasonalTerms(
      profile: activeProfile, period: parameters.period ?? 0, multiplicative: parameters.multiplicative)
  }

  /// The seasonal profile in force (per phase), nil when the baseline is flat.
  public var activeProfile: [Double]? { seasonalUsable ? season.profile : nil }

  /// Whether the profile takes part in the baseline: kept on merit after `minSeasonCycles`
  /// cycles, provisionally before.
  var seasonalUsable: Bool {
    season.profile != nil && season.cycles >= 1
      && (season.active || season.cycles < parameters.minSeasonCycles)
  }

  /// `slot % period` under the current period (negative for a negative slot), 0 without one.
  func rawPhase(ofSlot slot: Int) -> Int {
    guard let period = parameters.period, period >= 2 else { return 0 }
    return slot % period
  }

  // MARK: - Phase-aligned expectation

  /// The median raw value at the same phase over the last `seasonCycles` periods of the regime
  /// (nil with fewer than `minSeasonCycles` of them): it predicts a sharp seasonal edge exactly.
  mutating func phaseAligned(index: Int) -> Double? {
    guard let period = parameters.period, period >= 2 else { return nil }
    var count = 0
    for cycle in 1...parameters.seasonCycles {
      let target = slots[index] - cycle * period
      var low = regimeStart
      var high = index
      while low < high {
        let middle = (low + high) / 2
        if slots[middle] < target { low = middle + 1 } else { high = middle }
      }
      guard low < index, slots[low] == target else { continue }
      ensureScratch(count + 1)
      scratch[count] = raw[low]
      count += 1
    }
    guard count >= parameters.minSeasonCycles else { return nil }
    return RobustStatistics.median(&scratch, count: count)
  }

  // MARK: - Profile refresh

  /// Re-estimates the seasonal profile once per period from the last `seasonCycles` cycles.
  mutating func refreshProfile(index: Int) {
    guard let period = parameters.period, period >= 2 else { return }
    guard season.profile == nil || index - season.refreshedAt >= period else { return }
    season.refreshedAt = index
    // The level window holds deseasonalized values: it is rebuilt only when the seasonal terms in
    // force change (a flat series whose profile keeps failing the merit test keeps its window).
    let termsBefore = activeProfile
    defer { if activeProfile != termsBefore { levelWindow.invalidate() } }
    let range = (index - min(index, period * parameters.seasonCycles))..<index
    let multiplicative = parameters.multiplicative
    var estimate = season.spareProfile
    season.spareProfile = []
    guard
      let cycles = season.estimator.estimate(
        period: period, range: range, cycles: parameters.seasonCycles, deviations: deviations, phases: phases,
        multiplicative: multiplicative, into: &estimate)
    else {
      season.spareProfile = estimate
      return
    }
    season.spareProfile = season.profile ?? []
    season.profile = estimate
    season.cycles = cycles
    guard cycles >= parameters.minSeasonCycles else { return }
    guard parameters.requireSeasonMerit else {
      season.active = true
      return
    }
    // Keep the profile only if it explains a real share of the spread. The spread is the mean
    // absolute deviation from the median (a MAD would not see a one-day-a-week batch job), taken
    // over the cleaned values, so that a past spike cannot vote the weekly shape out.
    let spreads = season.estimator.spreads(
      range: range, profile: estimate, deviations: deviations, cleaned: cleaned,
      levels: levels, phases: phases, multiplicative: multiplicative)
    season.active = spreads.adjusted <= (1 - parameters.seasonGain) * spreads.flat
  }
}

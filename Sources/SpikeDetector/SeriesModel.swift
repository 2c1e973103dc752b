/// The online, causal detector core shared by spend series and generic metrics (detector.md §5).
///
/// Feed observations in time order with `observe(_:slot:)`; each assessment uses only that
/// observation and earlier ones. The baseline is a robust level (median of the last
/// `levelWindow` cleaned values) plus a seasonal profile (median deviation per phase over the
/// last `seasonCycles` cycles, kept only when it explains the data; in generic mode, once it has
/// settled, the median raw value at the same phase over those cycles); the scale is the robust
/// spread of recent one-step prediction errors with relative and absolute floors. Rules: spike
/// (robust z), step (two-sided CUSUM, then re-baseline from the change point), drift (recent vs
/// lagged median), new (first appearance, or return after a long silence).
public struct SeriesModel: Sendable {
  /// The parameters in force.
  public private(set) var parameters: SeriesParameters

  // MARK: - State

  private var raw: [Double] = []
  /// Values as the baseline sees them: anomalous observations clipped to the band edge.
  private var cleaned: [Double] = []
  /// Time slot per observation; its seasonal phase is `slot mod period`.
  private var slots: [Int] = []
  /// `value − level` per observation, NaN where there was no level yet.
  private var deviations: [Double] = []
  /// |clipped one-step error| per observation (relative to the expected value when
  /// `multiplicative`), NaN where excluded.
  private var errors: [Double] = []
  private var levels: [Double] = []
  private var expectations: [Double] = []
  private var regimeStart = 0
  private var lastNonzero: Int?
  private var profile: [Double]?
  private var profileCycles = 0
  private var profileActive = false
  private var observationsAtProfile = 0
  private var cusumUp = 0.0
  private var cusumDown = 0.0
  private var upRunStart = 0
  private var downRunStart = 0
  private var driftQuietUntil = 0
  /// The current run of same-side outliers: its direction (+1/−1, 0 for none), start and length.
  private var outlierSide = 0
  private var outlierRunStart = 0
  private var outlierRunLength = 0
  /// Whether a run of `rebaseRun` outliers re-bases (off until the seasonal period is decided, so
  /// that a seasonal edge is not taken for a new level).
  public private(set) var rebasingEnabled = false
  private var scratch: [Double] = []
  /// The level window's deseasonalized values for observations `levelFrom..<levelTo`.
  private var levelValues = SortedWindow()
  private var levelFrom = 0
  private var levelTo = 0
  private var levelDirty = true
  /// The last `scaleWindow` non-NaN errors, and their positions oldest first from `scaleHead`.
  private var scaleValues = SortedWindow()
  private var scalePositions: [Int] = []
  private var scaleHead = 0
  /// The profile refresh's reusable buffers, and the spare profile array it writes into.
  private var profileEstimator = ProfileEstimator()
  private var profileBuffer: [Double] = []
  /// Median of the `driftWindow` cleaned values ending at each position (NaN: not computed).
  private var driftMedians: [Double] = []

  /// Creates a model with no history.
  public init(parameters: SeriesParameters) {
    self.parameters = parameters
    scratch = [Double](repeating: 0, count: 64)
  }

  /// Reserves room for `count` observations, so that a series of known length grows no buffer.
  public mutating func reserveCapacity(_ count: Int) {
    raw.reserveCapacity(count)
    cleaned.reserveCapacity(count)
    slots.reserveCapacity(count)
    deviations.reserveCapacity(count)
    errors.reserveCapacity(count)
    levels.reserveCapacity(count)
    expectations.reserveCapacity(count)
    driftMedians.reserveCapacity(count)
    scalePositions.reserveCapacity(count)
  }

  /// The number of observations seen.
  public var count: Int { raw.count }

  /// Switches to a new seasonal period (generic mode, once detected); the profile is re-estimated.
  public mutating func adoptPeriod(_ period: Int?) {
    guard period != parameters.period else { return }
    parameters.period = period
    profile = nil
    profileActive = false
    profileCycles = 0
    observationsAtProfile = 0
    levelDirty = true
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

  /// Lets runs of `rebaseRun` same-side outliers re-base the baseline from now on.
  public mutating func enableRebasing() { rebasingEnabled = true }

  /// The seasonal term for a phase under the current profile (0 without one).
  public func seasonal(phase: Int) -> Double {
    let neutral = parameters.multiplicative ? 1.0 : 0.0
    guard let profile, seasonalUsable, phase >= 0, phase < profile.count else { return neutral }
    return profile[phase]
  }

  /// A value with the seasonal term of its phase taken out (divided out for spend, subtracted
  /// for metrics).
  private func deseasonalized(_ value: Double, phase: Int) -> Double? {
    guard parameters.multiplicative else { return value - seasonal(phase: phase) }
    let factor = seasonal(phase: phase)
    return factor > 1e-9 ? value / factor : nil
  }

  /// A level with the seasonal term of a phase put in.
  private func seasonalized(_ level: Double, phase: Int) -> Double {
    parameters.multiplicative ? level * seasonal(phase: phase) : level + seasonal(phase: phase)
  }

  /// The seasonal profile in force (per phase), nil when the baseline is flat.
  public var activeProfile: [Double]? { seasonalUsable ? profile : nil }

  /// Whether the profile takes part in the baseline: kept on merit after `minSeasonCycles`
  /// cycles, provisionally before.
  private var seasonalUsable: Bool {
    profile != nil && profileCycles >= 1 && (profileActive || profileCycles < parameters.minSeasonCycles)
  }

  /// The seasonal phase of a time slot under the current period (0 without one).
  public func phase(ofSlot slot: Int) -> Int {
    guard let period = parameters.period, period >= 2 else { return 0 }
    let phase = slot % period
    return phase < 0 ? phase + period : phase
  }

  /// The level the baseline had at observation `index`.
  public func level(at index: Int) -> Double { levels[index] }

  // MARK: - Observe

  /// Assesses one observation and adds it to the history.
  ///
  /// - Parameters:
  ///   - value: the observation.
  ///   - slot: its time slot (observations since some origin; the phase is `slot mod period`).
  public mutating func observe(_ value: Double, slot: Int) -> Assessment {
    let index = raw.count
    raw.append(value)
    slots.append(slot)
    let phase = phase(ofSlot: slot)
    let p = parameters
    // Leading zeros are not history: the series has not begun.
    guard let previousNonzero = lastNonzero else {
      if value == 0 {
        regimeStart = index + 1
        appendExcluded(value)
        return Assessment(index: index, expected: nil, level: nil, sigma: 0, z: 0, alarms: [])
      }
      lastNonzero = index
      regimeStart = index
      appendExcluded(value)
      let isNew = index >= p.newAfter
      let alarms = isNew ? [newAlarm(index: index, value: value)] : []
      return Assessment(index: index, expected: nil, level: nil, sigma: 0, z: 0, alarms: alarms)
    }
    if value != 0 && index - previousNonzero > p.silentGap {
      // Back after a long silence: a new series in all but name.
      lastNonzero = index
      restartRegime(at: index)
      appendExcluded(value)
      return Assessment(
        index: index, expected: nil, level: nil, sigma: 0, z: 0,
        alarms: [newAlarm(index: index, value: value)])
    }
    if value != 0 { lastNonzero = index }
    let history = index - regimeStart
    if history == 0 {
      appendExcluded(value)
      return Assessment(index: index, expected: nil, level: nil, sigma: 0, z: 0, alarms: [])
    }
    refreshProfile(index: index)
    let baseline = expected(index: index, phase: phase, value: value, history: history)
    let residual = value - baseline.expected
    let sigma = scale(expected: baseline.expected, index: index)
    let z = residual / sigma
    var alarms: [Alarm] = []
    let gate = max(p.minImpact, p.minPercent * abs(baseline.expected))
    let outlier = abs(z) >= p.spikeZ
    if index < p.newAfter {
      // The data's first week: nothing is known about the weekly shape yet, so nothing alarms.
    } else if history < p.minHistory {
      // Short history: only an absolute jump (at least a doubling) counts.
      if outlier && residual > 0 && residual >= max(gate, abs(baseline.expected)) {
        alarms.append(Alarm(rule: .spike, direction: .up, start: index, material: true))
      }
    } else if outlier {
      alarms.append(
        Alarm(rule: .spike, direction: z > 0 ? .up : .down, start: index, material: abs(residual) >= gate))
    }
    // Record the observation as the baseline will see it.
    let band = p.spikeZ * sigma
    let clippedResidual = min(max(residual, -band), band)
    cleaned.append(outlier ? baseline.expected + clippedResidual : value)
    errors.append(
      p.multiplicative
        ? abs(clippedResidual) / max(abs(baseline.expected), p.absoluteFloor) : abs(clippedResidual))
    pushError(errors[index], at: index)
    levels.append(baseline.level)
    // The profile learns from raw deviations: its median over cycles is robust on its own, and
    // clipping would hide the seasonal edges it has to learn. Spend seasonality is a factor
    // (weekends at 70% of weekdays, whatever the level); a metric's is an offset.
    if p.multiplicative {
      deviations.append(baseline.level > 0 ? value / baseline.level : .nan)
    } else {
      deviations.append(value - baseline.level)
    }
    expectations.append(baseline.expected)
    if history >= 2 && index >= p.newAfter, let step = cusum(index: index, z: z, gate: gate) {
      alarms.append(step)
    }
    if let drift = drift(index: index, history: history) { alarms.append(drift) }
    trackOutlierRun(index: index, outlier: outlier && index >= p.newAfter, z: z)
    return Assessment(
      index: index, expected: baseline.expected, level: baseline.level, sigma: sigma, z: z, alarms: alarms)
  }

  // MARK: - Rules

  private func newAlarm(index: Int, value: Double) -> Alarm {
    Alarm(rule: .new, direction: .up, start: index, material: value >= max(parameters.minImpact, 0))
  }

  private mutating func cusum(index: Int, z: Double, gate: Double) -> Alarm? {
    let p = parameters
    let u = min(max(z, -p.cusumClip), p.cusumClip)
    cusumUp = max(0, cusumUp + u - p.cusumK)
    cusumDown = max(0, cusumDown - u - p.cusumK)
    if cusumUp == 0 { upRunStart = index + 1 }
    if cusumDown == 0 { downRunStart = index + 1 }
    let direction: Direction
    let start: Int
    if cusumUp > p.cusumH {
      direction = .up
      start = upRunStart
    } else if cusumDown > p.cusumH {
      direction = .down
      start = downRunStart
    } else {
      return nil
    }
    // The shift is the median excess over the levels in force since the change point.
    var count = 0
    for position in start...index {
      ensureScratch(count + 1)
      scratch[count] = raw[position] - expectations[position]
      count += 1
    }
    let shift = RobustStatistics.median(&scratch, count: count)
    let material = abs(shift) >= gate && (direction == .up ? shift > 0 : shift < 0)
    if material {
      restartRegime(at: start)
    } else {
      // Too small to matter: the rolling median absorbs it; re-basing would only thin the history.
      resetCusum()
    }
    return Alarm(rule: .step, direction: direction, start: start, material: material)
  }

  /// Counts same-side outliers in a row and re-bases at the run's first one when it is long enough.
  private mutating func trackOutlierRun(index: Int, outlier: Bool, z: Double) {
    let side = outlier ? (z > 0 ? 1 : -1) : 0
    if side == 0 {
      outlierSide = 0
      outlierRunLength = 0
      return
    }
    if side != outlierSide {
      outlierSide = side
      outlierRunStart = index
      outlierRunLength = 0
    }
    outlierRunLength += 1
    guard rebasingEnabled, parameters.rebaseRun > 0, outlierRunLength >= parameters.rebaseRun else { return }
    restartRegime(at: outlierRunStart)
    outlierSide = 0
    outlierRunLength = 0
  }

  private mutating func drift(index: Int, history: Int) -> Alarm? {
    let p = parameters
    guard history >= p.driftLag + p.driftWindow - 1, index >= driftQuietUntil else { return nil }
    let recent = driftMedian(endingAt: index)
    let lagged = driftMedian(endingAt: index - p.driftLag)
    guard lagged > 0, recent / lagged - 1 >= p.driftRatio else { return nil }
    driftQuietUntil = index + p.driftLag
    return Alarm(rule: .drift, direction: .up, start: index, material: recent - lagged >= p.minImpact)
  }

  /// The median of the `driftWindow` cleaned values ending at `last`, computed once and cached:
  /// today's lagged window is the recent window of `driftLag` days ago.
  private mutating func driftMedian(endingAt last: Int) -> Double {
    while driftMedians.count <= last { driftMedians.append(.nan) }
    if !driftMedians[last].isNaN { return driftMedians[last] }
    let first = last - parameters.driftWindow + 1
    let count = last - first + 1
    ensureScratch(count)
    let median = scratch.withUnsafeMutableBufferPointer { scratch in
      cleaned.withUnsafeBufferPointer { cleaned in
        for offset in 0..<count { scratch[offset] = cleaned[first + offset] }
      }
      return RobustStatistics.median(scratch, count: count)
    }
    driftMedians[last] = median
    return median
  }

  // MARK: - Baseline

  private mutating func expected(
    index: Int, phase: Int, value: Double, history: Int
  ) -> (expected: Double, level: Double) {
    let p = parameters
    let first = max(regimeStart, index - p.levelWindow)
    updateLevelWindow(first: first, index: index)
    let seasonalLevel = levelValues.median
    guard seasonalUsable else { return (seasonalLevel, seasonalLevel) }
    let seasonalExpected = seasonalized(seasonalLevel, phase: phase)
    if profileCycles >= p.minSeasonCycles {
      if !p.multiplicative && !p.requireSeasonMerit, let aligned = phaseAligned(index: index) {
        return (aligned, seasonalLevel)
      }
      return (seasonalExpected, seasonalLevel)
    }
    // One or two cycles: take whichever baseline explains the value better.
    let flat = flatLevel(first: first, index: index)
    return abs(value - seasonalExpected) <= abs(value - flat.expected)
      ? (seasonalExpected, seasonalLevel) : flat
  }

  /// The median raw value at the same phase over the last `seasonCycles` periods of the regime
  /// (nil with fewer than `minSeasonCycles` of them): it predicts a sharp seasonal edge exactly.
  private mutating func phaseAligned(index: Int) -> Double? {
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

  /// Slides the level window to `first..<index`, rebuilding it when the profile or the regime changed.
  private mutating func updateLevelWindow(first: Int, index: Int) {
    if levelDirty || first < levelFrom || first > levelTo {
      // A rebuild collects the window and sorts it once.
      levelValues.removeAll()
      for position in first..<index {
        if let value = deseasonalized(cleaned[position], phase: phase(ofSlot: slots[position])) {
          levelValues.appendUnordered(value)
        }
      }
      levelValues.restoreOrder()
      levelFrom = first
      levelTo = index
      levelDirty = false
      return
    }
    for position in levelFrom..<first {
      if let value = deseasonalized(cleaned[position], phase: phase(ofSlot: slots[position])) {
        levelValues.remove(value)
      }
    }
    levelFrom = first
    for position in levelTo..<index {
      if let value = deseasonalized(cleaned[position], phase: phase(ofSlot: slots[position])) {
        levelValues.insert(value)
      }
    }
    levelTo = index
  }

  /// Adds the newest error to the scale window (NaN errors stay out).
  private mutating func pushError(_ error: Double, at position: Int) {
    guard !error.isNaN else { return }
    scaleValues.insert(error)
    scalePositions.append(position)
    if scalePositions.count - scaleHead > parameters.scaleWindow {
      scaleValues.remove(errors[scalePositions[scaleHead]])
      scaleHead += 1
    }
  }

  /// Rebuilds the scale window from the last `scaleWindow` non-NaN errors.
  private mutating func rebuildScaleWindow() {
    scaleValues.removeAll()
    scalePositions.removeAll(keepingCapacity: true)
    scaleHead = 0
    var position = errors.count - 1
    var collected: [Int] = []
    while position >= 0 && collected.count < parameters.scaleWindow {
      if !errors[position].isNaN { collected.append(position) }
      position -= 1
    }
    for kept in collected.reversed() { pushError(errors[kept], at: kept) }
  }

  private mutating func flatLevel(first: Int, index: Int) -> (expected: Double, level: Double) {
    var count = 0
    for position in first..<index {
      ensureScratch(count + 1)
      scratch[count] = cleaned[position]
      count += 1
    }
    let level = RobustStatistics.median(&scratch, count: count)
    return (level, level)
  }

  private mutating func scale(expected: Double, index: Int) -> Double {
    let p = parameters
    let count = Double(scaleValues.count)
    // σ from n errors is uncertain by ≈ 1.17/√n of itself (the MAD's standard error under
    // normal errors); the scale used is the estimate plus `scaleStandardErrors` of those, so a
    // short history with a lucky-quiet start cannot make ordinary noise look like 4.5σ.
    let upper = 1 + p.scaleStandardErrors * 1.17 / count.squareRoot()
    var spread = scaleValues.count >= 5 ? 1.4826 * scaleValues.median * upper : 0
    if p.multiplicative { spread *= max(abs(expected), p.absoluteFloor) }
    return max(spread, p.relativeFloor * abs(expected), p.absoluteFloor)
  }

  /// Re-estimates the seasonal profile once per period from the last `seasonCycles` cycles.
  private mutating func refreshProfile(index: Int) {
    guard let period = parameters.period, period >= 2 else { return }
    guard profile == nil || index - observationsAtProfile >= period else { return }
    observationsAtProfile = index
    // The level window holds deseasonalized values: it is rebuilt only when the seasonal terms in
    // force change (a flat series whose profile keeps failing the merit test keeps its window).
    let termsBefore = activeProfile
    defer { if activeProfile != termsBefore { levelDirty = true } }
    let range = (index - min(index, period * parameters.seasonCycles))..<index
    let multiplicative = parameters.multiplicative
    var estimate = profileBuffer
    profileBuffer = []
    guard
      let cycles = profileEstimator.estimate(
        period: period, range: range, deviations: deviations, slots: slots, multiplicative: multiplicative,
        into: &estimate)
    else {
      profileBuffer = estimate
      return
    }
    profileBuffer = profile ?? []
    profile = estimate
    profileCycles = cycles
    guard cycles >= parameters.minSeasonCycles else { return }
    guard parameters.requireSeasonMerit else {
      profileActive = true
      return
    }
    // Keep the profile only if it explains a real share of the spread. The spread is the mean
    // absolute deviation from the median (a MAD would not see a one-day-a-week batch job), taken
    // over the cleaned values, so that a past spike cannot vote the weekly shape out.
    let spreads = profileEstimator.spreads(
      range: range, period: period, profile: estimate, deviations: deviations, cleaned: cleaned,
      levels: levels, slots: slots, multiplicative: multiplicative)
    profileActive = spreads.adjusted <= (1 - parameters.seasonGain) * spreads.flat
  }

  // MARK: - Regimes

  /// Starts a new baseline regime at `start`: later baselines use only observations from there,
  /// the re-based span counts at face value, and its errors leave the scale estimate. Seasonal
  /// deviations stay: the profile's median over cycles shrugs off a few shifted days, and erasing
  /// them would stop it from ever learning a sharp seasonal edge that first looked like a step.
  private mutating func restartRegime(at start: Int) {
    regimeStart = start
    resetCusum()
    for position in start..<cleaned.count {
      cleaned[position] = raw[position]
      errors[position] = .nan
    }
    // Cached drift medians over re-based values are stale.
    let firstStale = min(start, driftMedians.count)
    for position in firstStale..<driftMedians.count { driftMedians[position] = .nan }
    levelDirty = true
    rebuildScaleWindow()
  }

  private mutating func resetCusum() {
    cusumUp = 0
    cusumDown = 0
    upRunStart = raw.count
    downRunStart = raw.count
  }

  private mutating func appendExcluded(_ value: Double) {
    cleaned.append(value)
    errors.append(.nan)
    deviations.append(.nan)
    levels.append(value)
    expectations.append(value)
  }

  private mutating func ensureScratch(_ needed: Int) {
    if scratch.count < needed { scratch.append(contentsOf: repeatElement(0, count: needed)) }
  }
}

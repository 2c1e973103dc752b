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
///
/// Each rule lives in its own file: the step rule (`SeriesModel+Step.swift`), drift
/// (`SeriesModel+Drift.swift`), outlier runs (`SeriesModel+OutlierRun.swift`), the seasonal profile
/// and phase-aligned expectation (`SeriesModel+Season.swift`), level and scale
/// (`SeriesModel+Baseline.swift`). The history buffers below are shared by them and are internal
/// for that reason only: nothing outside these files touches them.
public struct SeriesModel: Sendable {
  /// The parameters in force.
  public internal(set) var parameters: SeriesParameters

  // MARK: - History (one entry per observation)

  var raw: [Double] = []
  /// Values as the baseline sees them: anomalous observations clipped to the band edge.
  var cleaned: [Double] = []
  /// Time slot per observation; its seasonal phase is `slot mod period`.
  var slots: [Int] = []
  /// `slot % period` per observation, as Swift's `%` gives it (negative for a negative slot), 0
  /// without a period: computed once, as the windows and the profile read phases many times.
  var phases: [Int] = []
  /// `value − level` per observation (a ratio when `multiplicative`), NaN where there was no level yet.
  var deviations: [Double] = []
  /// |clipped one-step error| per observation (relative to the expected value when
  /// `multiplicative`), NaN where excluded.
  var errors: [Double] = []
  var levels: [Double] = []
  var expectations: [Double] = []

  // MARK: - Rule state

  /// First observation of the current baseline regime.
  var regimeStart = 0
  var lastNonzero: Int?
  /// The seasonal profile and its refresh state.
  var season = SeasonState()
  var cusum = CusumState()
  var driftMedians = DriftMedians()
  /// No drift alarm before this observation (one per `driftLag`).
  var driftQuietUntil = 0
  var outlierRun = OutlierRun()
  /// Whether a run of `rebaseRun` outliers re-bases (off until the seasonal period is decided, so
  /// that a seasonal edge is not taken for a new level).
  public private(set) var rebasingEnabled = false
  var levelWindow = LevelWindow()
  var scaleWindow = ScaleWindow()
  /// Reusable buffer for the medians taken over a few observations.
  var scratch: [Double] = []

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
    phases.reserveCapacity(count)
    deviations.reserveCapacity(count)
    errors.reserveCapacity(count)
    levels.reserveCapacity(count)
    expectations.reserveCapacity(count)
    driftMedians.reserveCapacity(count)
  }

  /// Forgets every observation and all state (a period adopted since included), keeping the
  /// buffers' capacity, so that one model serves many series in turn (a worker's leaves) without
  /// allocating for each: afterwards it is `SeriesModel(parameters:)` in all but its buffers.
  public mutating func reset(parameters: SeriesParameters) {
    var fresh = SeriesModel(parameters: parameters)
    swap(&fresh.scratch, &scratch)
    for keyPath in [\SeriesModel.raw, \.cleaned, \.deviations, \.errors, \.levels, \.expectations] {
      swap(&fresh[keyPath: keyPath], &self[keyPath: keyPath])
      fresh[keyPath: keyPath].removeAll(keepingCapacity: true)
    }
    swap(&fresh.slots, &slots)
    fresh.slots.removeAll(keepingCapacity: true)
    swap(&fresh.phases, &phases)
    fresh.phases.removeAll(keepingCapacity: true)
    swap(&fresh.season.estimator, &season.estimator)
    fresh.season.estimator.invalidateWindows()
    swap(&fresh.driftMedians, &driftMedians)
    fresh.driftMedians.reset()
    swap(&fresh.levelWindow, &levelWindow)
    fresh.levelWindow.reset()
    swap(&fresh.scaleWindow, &scaleWindow)
    fresh.scaleWindow.reset()
    self = fresh
  }

  /// The number of observations seen.
  public var count: Int { raw.count }

  /// Lets runs of `rebaseRun` same-side outliers re-base the baseline from now on.
  public mutating func enableRebasing() { rebasingEnabled = true }

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
    let rawPhase = rawPhase(ofSlot: slot)
    phases.append(rawPhase)
    let phase = rawPhase < 0 ? rawPhase + (parameters.period ?? 0) : rawPhase
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
      let isNew = index >= parameters.newAfter
      let alarms = isNew ? [newAlarm(index: index, value: value)] : []
      return Assessment(index: index, expected: nil, level: nil, sigma: 0, z: 0, alarms: alarms)
    }
    if value != 0 && index - previousNonzero > parameters.silentGap {
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
    let baseline = expected(index: index, phase: phase, value: value)
    let residual = value - baseline.expected
    let sigma = scale(expected: baseline.expected)
    let z = residual / sigma
    var alarms: [Alarm] = []
    let gate = max(parameters.minImpact, parameters.minPercent * abs(baseline.expected))
    let outlier = abs(z) >= parameters.spikeZ
    if index < parameters.newAfter {
      // The data's first week: nothing is known about the weekly shape yet, so nothing alarms.
    } else if history < parameters.minHistory {
      // Short history: only an absolute jump (at least a doubling) counts.
      if outlier && residual > 0 && residual >= max(gate, abs(baseline.expected)) {
        alarms.append(Alarm(rule: .spike, direction: .up, start: index, material: true))
      }
    } else if outlier {
      alarms.append(
        Alarm(rule: .spike, direction: z > 0 ? .up : .down, start: index, material: abs(residual) >= gate))
    }
    // Record the observation as the baseline will see it.
    let band = parameters.spikeZ * sigma
    let clippedResidual = min(max(residual, -band), band)
    cleaned.append(outlier ? baseline.expected + clippedResidual : value)
    errors.append(
      parameters.multiplicative
        ? abs(clippedResidual) / max(abs(baseline.expected), parameters.absoluteFloor) : abs(clippedResidual))
    scaleWindow.push(errors[index], capacity: parameters.scaleWindow)
    levels.append(baseline.level)
    // The profile learns from raw deviations: its median over cycles is robust on its own, and
    // clipping would hide the seasonal edges it has to learn. Spend seasonality is a factor
    // (weekends at 70% of weekdays, whatever the level); a metric's is an offset.
    if parameters.multiplicative {
      deviations.append(baseline.level > 0 ? value / baseline.level : .nan)
    } else {
      deviations.append(value - baseline.level)
    }
    expectations.append(baseline.expected)
    if history >= 2 && index >= parameters.newAfter, let step = stepAlarm(index: index, z: z, gate: gate) {
      alarms.append(step)
    }
    if let drift = driftAlarm(index: index, history: history) { alarms.append(drift) }
    trackOutlierRun(index: index, outlier: outlier && index >= parameters.newAfter, z: z)
    return Assessment(
      index: index, expected: baseline.expected, level: baseline.level, sigma: sigma, z: z, alarms: alarms)
  }

  private func newAlarm(index: Int, value: Double) -> Alarm {
    Alarm(rule: .new, direction: .up, start: index, material: value >= max(parameters.minImpact, 0))
  }

  // MARK: - Regimes

  /// Starts a new baseline regime at `start`: later baselines use only observations from there,
  /// the re-based span counts at face value, and its errors leave the scale estimate. Seasonal
  /// deviations stay: the profile's median over cycles shrugs off a few shifted days, and erasing
  /// them would stop it from ever learning a sharp seasonal edge that first looked like a step.
  mutating func restartRegime(at start: Int) {
    regimeStart = start
    cusum.reset(at: raw.count)
    for position in start..<cleaned.count {
      cleaned[position] = raw[position]
      errors[position] = .nan
    }
    // Cached drift medians over re-based values are stale.
    driftMedians.invalidate(from: start)
    levelWindow.invalidate()
    scaleWindow.rebuild(errors: errors, capacity: parameters.scaleWindow)
  }

  private mutating func appendExcluded(_ value: Double) {
    cleaned.append(value)
    errors.append(.nan)
    deviations.append(.nan)
    levels.append(value)
    expectations.append(value)
  }

  mutating func ensureScratch(_ needed: Int) {
    if scratch.count < needed { scratch.append(contentsOf: repeatElement(0, count: needed)) }
  }
}

/// Scores a generic `timestamp,value` series with the same core and event tracker as spend.
///
/// Rows are processed in time order (ties in input order), so each row's score uses only rows
/// with earlier timestamps; the base interval is the median gap, a row's slot is its distance
/// from the first timestamp in intervals, and its seasonal phase is `slot mod period`. Without
/// `period`, the period is detected as data arrives (at 64, 128, 256, … rows) among one day and
/// one week of slots (calendar timestamps) or any lag (numeric ones), by the autocorrelation of
/// the series minus its trailing mean over the candidate period. Both directions alarm. The score
/// is ≥ 0.5 only on the row that raises an event (one alert per incident); every other row scores
/// its robust z on a scale that stays below 0.5. Until the period is known (two to three cycles
/// in), a seasonal edge can look like a jump and alarm: the price of needing no history. Once the
/// period is decided, three outliers in a row on one side re-base the level (`rebaseRun`).
public struct GenericSeriesDetector: Sendable {
  /// A fixed seasonal period in slots, or nil to detect it.
  public var period: Int?
  /// Smallest autocorrelation at the period lag that counts as seasonal (0.3).
  public var minimumAutocorrelation = 0.3

  /// Creates a detector.
  public init(period: Int? = nil) { self.period = period }

  /// The result of scoring a series.
  public struct Result: Sendable, Equatable {
    /// One score per input row, in input order, in [0, 1].
    public var scores: [Double]
    /// The seasonal period in force at the end, in slots (nil for none).
    public var period: Int?
    /// The events found, in time-sorted row positions.
    public var events: [SeriesEvent]
  }

  /// Scores every row.
  public func score(_ points: [SeriesPoint]) -> Result {
    guard !points.isEmpty else { return Result(scores: [], period: period, events: []) }
    let order = points.indices.sorted { (points[$0].seconds, $0) < (points[$1].seconds, $1) }
    let interval = GenericSeriesDetector.baseInterval(order.map { points[$0].seconds })
    let origin = points[order[0]].seconds
    let slots = order.map { Int(((points[$0].seconds - origin) / interval).rounded()) }
    let calendar = Timestamp.isCalendar(points[order[0]].timestamp)
    var parameters = SeriesParameters.generic(period: period)
    if calendar && interval < 86_400 {
      // One alert event per day of samples at most (detector.md §8.5 merges detections < 1 day apart).
      parameters.mergeGap = max(parameters.mergeGap, Int((86_400 / interval).rounded()))
      // Nothing alarms before a first day of samples: its daily shape is unknown until then.
      parameters.newAfter = parameters.mergeGap
    }
    var model = SeriesModel(parameters: parameters)
    var tracker = EventTracker(parameters: parameters, includeDecreases: true)
    var scores = [Double](repeating: 0, count: points.count)
    var nextCheck = 64
    let shortestCandidate = calendar ? GenericSeriesDetector.calendarCandidates(interval: interval).min() : 2
    if period != nil { model.enableRebasing() }
    for (position, row) in order.enumerated() {
      if period == nil && position == nextCheck {
        nextCheck *= 2
        // The period is decided once the shortest candidate has had three cycles to show itself.
        if slots[position - 1] + 1 >= 3 * (shortestCandidate ?? 0) { model.enableRebasing() }
        let detected = detectPeriod(
          values: order[0..<position].map { points[$0].value }, slots: Array(slots[0..<position]),
          interval: interval, calendar: calendar)
        if detected != parameters.period {
          parameters.period = detected
          model.adoptPeriod(detected)
          tracker.forgetPastZ()
        }
      }
      let value = points[row].value
      let assessment = model.observe(value, slot: slots[position])
      let raised = tracker.track(value: value, slot: slots[position], assessment: assessment, model: model)
      let base = AnomalyScore.of(z: assessment.z, threshold: parameters.spikeZ)
      scores[row] = raised ? max(0.5, base) : min(base, 0.49)
    }
    return Result(scores: scores, period: parameters.period, events: tracker.finished())
  }

  // MARK: - Period detection

  /// The median positive gap between sorted timestamps (1 when there is none).
  static func baseInterval(_ sorted: [Double]) -> Double {
    var gaps: [Double] = []
    for index in sorted.indices.dropFirst() where sorted[index] > sorted[index - 1] {
      gaps.append(sorted[index] - sorted[index - 1])
    }
    guard !gaps.isEmpty else { return 1 }
    return RobustStatistics.median(&gaps, count: gaps.count)
  }

  private func detectPeriod(values: [Double], slots: [Int], interval: Double, calendar: Bool) -> Int? {
    guard let lastSlot = slots.last else { return nil }
    // A dense copy on the slot grid; gaps carry the last value.
    var dense = [Double](repeating: 0, count: lastSlot + 1)
    var position = 0
    var current = values[0]
    for slot in 0...lastSlot {
      while position < slots.count && slots[position] <= slot {
        current = values[position]
        position += 1
      }
      dense[slot] = current
    }
    var candidates: [Int] = []
    if calendar {
      candidates = GenericSeriesDetector.calendarCandidates(interval: interval)
    } else {
      candidates = Array(2...max(2, dense.count / 3))
    }
    var best: (period: Int, correlation: Double)?
    for candidate in candidates where dense.count >= 3 * candidate {
      let correlation = GenericSeriesDetector.seasonalCorrelation(dense, period: candidate)
      if correlation >= minimumAutocorrelation && correlation > (best?.correlation ?? -1) {
        best = (candidate, correlation)
      }
    }
    return best?.period
  }

  /// The calendar periods (one day, one week) that are a whole number ≥ 2 of base intervals.
  static func calendarCandidates(interval: Double) -> [Int] {
    var candidates: [Int] = []
    for seconds in [86_400.0, 604_800.0] {
      let slotsPerPeriod = seconds / interval
      let rounded = slotsPerPeriod.rounded()
      if rounded >= 2 && abs(slotsPerPeriod - rounded) <= 0.01 * rounded { candidates.append(Int(rounded)) }
    }
    return candidates
  }

  /// Autocorrelation at lag `period` of the series minus its trailing mean over `period`.
  static func seasonalCorrelation(_ values: [Double], period: Int) -> Double {
    guard values.count >= 3 * period else { return 0 }
    var detrended: [Double] = []
    detrended.reserveCapacity(values.count - period)
    var windowSum = values[0..<period].reduce(0, +)
    for index in period..<values.count {
      detrended.append(values[index] - windowSum / Double(period))
      windowSum += values[index] - values[index - period]
    }
    let mean = detrended.reduce(0, +) / Double(detrended.count)
    var numerator = 0.0
    var denominator = 0.0
    for index in detrended.indices {
      let centered = detrended[index] - mean
      denominator += centered * centered
      if index >= period { numerator += centered * (detrended[index - period] - mean) }
    }
    return denominator > 0 ? numerator / denominator : 0
  }
}

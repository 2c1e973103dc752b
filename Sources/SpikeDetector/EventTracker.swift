/// Turns a series' alarms into events: one per incident, open while the series stays away from
/// the baseline frozen at opening, closed after `mergeGap` quiet observations (detector.md §7).
///
/// Step and drift alarms in the direction of an open event belong to it when they come within
/// `driftLag` of its last alarm (a ramp re-alarms as it climbs); a spike joins it only within
/// `mergeGap` of its last alarm, else it is a new incident.
/// An alarm that only says the series came back to where an opposite event left it is dropped.
public struct EventTracker: Sendable {
  private let parameters: SeriesParameters
  private let includeDecreases: Bool
  /// All events so far, oldest first.
  public private(set) var events: [SeriesEvent] = []
  private var open: [Int] = []
  /// |z| of every assessed observation so far, for the self-calibrated raise threshold.
  private var pastZ: [Double] = []
  private var scratch: [Double] = []

  /// Creates a tracker.
  ///
  /// - Parameters:
  ///   - parameters: the series parameters (gates, merge gap).
  ///   - includeDecreases: whether downward events are raised.
  public init(parameters: SeriesParameters, includeDecreases: Bool) {
    self.parameters = parameters
    self.includeDecreases = includeDecreases
  }

  /// Forgets every event and past |z|, keeping the buffers' capacity, for the next series.
  public mutating func reset() {
    events = []
    open.removeAll(keepingCapacity: true)
    pastZ.removeAll(keepingCapacity: true)
  }

  /// Takes one assessed observation; returns whether it raised a new event.
  ///
  /// - Parameters:
  ///   - value: the observation.
  ///   - slot: its time slot.
  ///   - assessment: what the model said about it.
  ///   - model: the model after the observation (for levels and the profile).
  @inline(__always)  // Called once per observation: inlined, the model is read in place, not copied.
  public mutating func track(value: Double, slot: Int, assessment: Assessment, model: SeriesModel) -> Bool {
    let index = assessment.index
    extendOpenEvents(value: value, slot: slot, index: index)
    let ordinary = assessment.alarms.contains { $0.rule == .spike } ? ordinaryZ() : 0
    if assessment.expected != nil { pastZ.append(abs(assessment.z)) }
    var raised = false
    for alarm in assessment.alarms where alarm.material {
      guard alarm.direction == .up || includeDecreases else { continue }
      if isReturn(of: alarm, value: value, slot: slot, index: index) { continue }
      if let position = joinable(alarm, index: index) {
        events[position].lastAlarm = index
        events[position].end = max(events[position].end, index)
        events[position].maxZ = max(events[position].maxZ, abs(assessment.z))
        if alarm.rule == .step { events[position].confirmedStep = true }
        if alarm.rule == .drift { events[position].sawDrift = true }
        continue
      }
      if alarm.rule == .spike && abs(assessment.z) < ordinary { continue }
      let level =
        alarm.rule == .new ? 0 : (alarm.start < index ? model.level(at: alarm.start) : assessment.level ?? 0)
      var event = SeriesEvent(
        direction: alarm.direction, raisedBy: alarm.rule, start: alarm.start, detected: index, end: index,
        maxZ: alarm.rule == .new ? .infinity : abs(assessment.z), frozenLevel: level,
        frozenProfile: alarm.rule == .new ? nil : model.activeProfile, frozenSigma: assessment.sigma,
        lastAlarm: index)
      event.multiplicative = parameters.multiplicative
      open.append(events.count)
      events.append(event)
      raised = true
    }
    return raised
  }

  /// The events, with those still open marked so.
  public func finished() -> [SeriesEvent] { events }

  /// Forgets the past |z| behind the chance-alarm budget: after the model changes (a seasonal
  /// period adopted), z under the old model describes another baseline's errors, and a season's
  /// edges seen without the season would set the bar above any real spike.
  public mutating func forgetPastZ() { pastZ.removeAll(keepingCapacity: true) }

  // MARK: - Helpers

  /// The |z| the series' own history exceeds once per `mergeGap` observations: a spike must
  /// beat it to raise a new event, so a heavy-tailed series cannot alarm more often than once per
  /// merge window by chance. With daily spend (`mergeGap` 3) it sits far below `spikeZ`.
  private mutating func ordinaryZ() -> Double {
    guard pastZ.count >= 2 * parameters.mergeGap else { return 0 }
    scratch = pastZ
    let rank = Int(Double(pastZ.count) * (1 - 1 / Double(max(parameters.mergeGap, 1))))
    return RobustStatistics.select(&scratch, count: scratch.count, k: min(rank, scratch.count - 1))
  }

  private func threshold(of event: SeriesEvent) -> Double {
    let gate = max(parameters.minImpact, parameters.minPercent * abs(event.frozenLevel))
    return max(2 * event.frozenSigma, 0.5 * gate)
  }

  private func isAnomalous(_ event: SeriesEvent, value: Double, slot: Int) -> Bool {
    let excess = value - event.expected(slot: slot)
    let signed = event.direction == .up ? excess : -excess
    return signed > 0 && signed >= threshold(of: event)
  }

  private mutating func extendOpenEvents(value: Double, slot: Int, index: Int) {
    var stillOpen: [Int] = []
    for position in open {
      if parameters.extendWhileAway && isAnomalous(events[position], value: value, slot: slot) {
        events[position].end = index
      }
      if index - events[position].end > parameters.mergeGap {
        events[position].isOpen = false
      } else {
        stillOpen.append(position)
      }
    }
    open = stillOpen
  }

  private func joinable(_ alarm: Alarm, index: Int) -> Int? {
    let candidates = open.filter { events[$0].direction == alarm.direction }
    guard let latest = candidates.last else { return nil }
    let sinceLastAlarm =
      index - (parameters.extendWhileAway ? events[latest].lastAlarm : events[latest].detected)
    switch alarm.rule {
    case .step, .drift, .new:
      return sinceLastAlarm <= max(parameters.mergeGap, parameters.driftLag) ? latest : nil
    case .spike:
      // A spike while the series is still away from the event's baseline is the same incident
      // growing (a ramp, a step getting worse), as an open CAD anomaly keeps growing.
      let stillAway = parameters.extendWhileAway && events[latest].end >= index - 1
      return sinceLastAlarm <= parameters.mergeGap || stillAway ? latest : nil
    }
  }

  /// Whether the alarm is the series returning to the baseline of a recent opposite event.
  private func isReturn(of alarm: Alarm, value: Double, slot: Int, index: Int) -> Bool {
    for event in events.reversed() where event.direction != alarm.direction {
      guard event.isOpen || index - event.end <= 2 * parameters.mergeGap else { continue }
      if event.raisedBy == .new { continue }
      if abs(value - event.expected(slot: slot)) < threshold(of: event) { return true }
    }
    return false
  }
}

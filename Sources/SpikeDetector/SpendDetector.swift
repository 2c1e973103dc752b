import Dispatch
import SpendModel
import Synchronization

/// Finds spend anomalies in a cube: leaf usage series through the series core, calendar charges
/// against previous months, one reported anomaly per incident with its top contributors.
///
///     var settings = DetectorSettings()
///     settings.asOf = Day(iso: "2026-10-03")
///     let report = try SpendDetector(settings: settings).detect(cube)
///     report.anomalies.first?.contributors.first?.usageType   // "USE1-NodeUsage:cache.r6g.4xlarge"
public struct SpendDetector: Sendable {
  /// The settings in force.
  public var settings: DetectorSettings

  /// Creates a detector.
  public init(settings: DetectorSettings = DetectorSettings()) { self.settings = settings }

  /// Detects anomalies and notices in a cube, causally, as of `settings.asOf` (or the data's end).
  ///
  /// - Throws: `DetectorError.mixedCurrencies` when the cube mixes currencies.
  public func detect(_ cube: Cube) throws(DetectorError) -> DetectionReport {
    let currencies = cube.currencies
    if currencies.count > 1 { throw .mixedCurrencies(currencies) }
    guard let series = SpendSeriesSet(cube: cube, basis: settings.basis, asOf: settings.asOf) else {
      return DetectionReport(anomalies: [], notices: [], dataRange: nil)
    }
    let parameters = settings.seriesParameters
    var members: [IncidentMember] = []
    let leafEvents = SpendDetector.events(
      inEach: series.leaves.map(\.values), firstDay: series.firstDay, parameters: parameters,
      includeDecreases: settings.includeDecreases, gapDays: series.gapDays)
    let attribution = Attribution(cube: cube, series: series, settings: settings)
    for (leafIndex, events) in leafEvents.enumerated() {
      for event in events {
        let member = IncidentMember(leaf: leafIndex, event: event)
        // An event is open while its series stays away from the baseline, and alarms join it
        // within days: over its whole span a leaf can net below (an "increase" with a negative
        // impact) or above the baseline. Such an event is not what its direction says: drop it.
        if attribution.netsInItsDirection(member) { members.append(member) }
      }
    }
    var anomalies = IncidentMember.group(members, series: series, mergeGap: parameters.mergeGap)
      .map { attribution.anomaly(for: $0) }
    let calendar = CalendarModel(cube: cube, series: series, settings: settings)
    anomalies += calendar.anomalies
    var notices = calendar.notices
    if let since = settings.since {
      anomalies = anomalies.filter { $0.end >= since }
      notices = notices.filter { $0.day >= since }
    }
    anomalies.sort { ($0.impact, $1.start) > ($1.impact, $0.start) }
    notices.sort { ($0.day, $1.amount) < ($1.day, $0.amount) }
    return DetectionReport(
      anomalies: anomalies, notices: notices, dataRange: series.firstDay...series.lastDay, gaps: series.gaps)
  }

  /// Runs `events(in:firstDay:parameters:includeDecreases:)` over many daily series, on every core.
  ///
  /// Each worker takes every `workers`-th series (equal lengths, so equal shares) and runs them
  /// through one model and one tracker, reset between series, so its buffers are allocated once.
  /// `gapDays` (empty, or one flag per day) marks days with no data at all: they are not observed.
  public static func events(
    inEach series: [[Double]], firstDay: Day, parameters: SeriesParameters, includeDecreases: Bool,
    gapDays: [Bool] = []
  ) -> [[SeriesEvent]] {
    let workers = max(1, min(series.count / 64, 8))
    let results = Mutex([[SeriesEvent]](repeating: [], count: series.count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var local: [(Int, [SeriesEvent])] = []
      var model = SeriesModel(parameters: parameters)
      var trackers = DirectionTrackers(parameters: parameters, includeDecreases: includeDecreases)
      for index in stride(from: worker, to: series.count, by: workers) {
        let found = events(
          in: series[index], firstDay: firstDay, parameters: parameters, model: &model, trackers: &trackers,
          gapDays: gapDays)
        if !found.isEmpty { local.append((index, found)) }
      }
      results.withLock { all in for (index, found) in local { all[index] = found } }
    }
    return results.withLock { $0 }
  }

  /// The time slot of a day: its ordinal shifted so that `slot mod 7` is the weekday − 1.
  public static func slot(of day: Day) -> Int { Int(day.ordinal) + 3 }

  /// Runs the series core and event tracker over one daily series (phase = weekday).
  ///
  /// - Parameters:
  ///   - values: cost per day, dense from `firstDay`.
  ///   - firstDay: the day of `values[0]`.
  ///   - parameters: series parameters (period 7).
  ///   - includeDecreases: whether downward events are raised.
  ///   - gapDays: empty, or per day whether the data has no rows at all that day (a gap: the day is
  ///     not observed, so it is neither learnt as $0 nor counted as silence).
  /// - Returns: the events, indices relative to `firstDay`.
  public static func events(
    in values: [Double], firstDay: Day, parameters: SeriesParameters, includeDecreases: Bool,
    gapDays: [Bool] = []
  ) -> [SeriesEvent] {
    var model = SeriesModel(parameters: parameters)
    var trackers = DirectionTrackers(parameters: parameters, includeDecreases: includeDecreases)
    return events(
      in: values, firstDay: firstDay, parameters: parameters, model: &model, trackers: &trackers,
      gapDays: gapDays)
  }

  /// Runs one daily series through a model and its trackers, all reset first, skipping gap days.
  static func events(
    in values: [Double], firstDay: Day, parameters: SeriesParameters, model: inout SeriesModel,
    trackers: inout DirectionTrackers, gapDays: [Bool]
  ) -> [SeriesEvent] {
    model.reset(parameters: parameters)
    model.reserveCapacity(values.count)
    trackers.reset()
    let firstSlot = SpendDetector.slot(of: firstDay)
    guard !gapDays.isEmpty else {
      for (index, value) in values.enumerated() {
        let slot = firstSlot + index
        let assessment = model.observe(value, slot: slot)
        trackers.track(value: value, slot: slot, assessment: assessment, model: model)
      }
      return trackers.finished()
    }
    // Observation i is day `observedDays[i]`: the model's windows count observations and its
    // phases come from the slot, so a gap is simply not there (no $0 learnt, no silence counted).
    var observedDays: [Int] = []
    for (index, value) in values.enumerated() where !gapDays[index] {
      observedDays.append(index)
      let slot = firstSlot + index
      let assessment = model.observe(value, slot: slot)
      trackers.track(value: value, slot: slot, assessment: assessment, model: model)
    }
    return trackers.finished().map { $0.onDays(observedDays) }
  }
}

/// The event trackers of one spend series: increases always from a tracker that never sees a
/// decrease, so `--include-decreases` only adds decreases and never changes an increase (a
/// tracker with both directions drops an alarm that looks like a return from an opposite event,
/// and joins alarms to the events it has).
struct DirectionTrackers: Sendable {
  /// Increases only.
  private var increases: EventTracker
  /// Both directions, read for its decreases; nil unless decreases are asked for.
  private var decreases: EventTracker?

  /// Creates the trackers.
  init(parameters: SeriesParameters, includeDecreases: Bool) {
    increases = EventTracker(parameters: parameters, includeDecreases: false)
    decreases = includeDecreases ? EventTracker(parameters: parameters, includeDecreases: true) : nil
  }

  /// Forgets every event, for the next series.
  mutating func reset() {
    increases.reset()
    decreases?.reset()
  }

  /// Takes one assessed observation.
  @inline(__always)
  mutating func track(value: Double, slot: Int, assessment: Assessment, model: SeriesModel) {
    _ = increases.track(value: value, slot: slot, assessment: assessment, model: model)
    _ = decreases?.track(value: value, slot: slot, assessment: assessment, model: model)
  }

  /// The increases, then the decreases.
  func finished() -> [SeriesEvent] {
    increases.finished() + (decreases?.finished().filter { $0.direction == .down } ?? [])
  }
}

/// One leaf's event, waiting to be grouped into an incident.
struct IncidentMember: Sendable {
  var leaf: Int
  var event: SeriesEvent

  /// Groups leaf events into incidents: same service and direction, starts within `mergeGap`.
  static func group(_ members: [IncidentMember], series: SpendSeriesSet, mergeGap: Int) -> [[IncidentMember]]
  {
    let ordered = members.sorted { ($0.event.start, $0.leaf) < ($1.event.start, $1.leaf) }
    var groups: [[IncidentMember]] = []
    var openGroups: [String: [Int]] = [:]
    for member in ordered {
      let key = series.leaves[member.leaf].key.service + "|" + member.event.direction.rawValue
      if let position = openGroups[key]?.last,
        let first = groups[position].first, member.event.start - first.event.start <= mergeGap
      {
        groups[position].append(member)
      } else {
        openGroups[key, default: []].append(groups.count)
        groups.append([member])
      }
    }
    return groups
  }
}

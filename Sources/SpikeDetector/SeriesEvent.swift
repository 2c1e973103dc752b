/// What an event turned out to be (the JSON `kind`).
public enum AnomalyKind: String, Sendable, Equatable, CaseIterable {
  /// A short burst that went away.
  case spike
  /// A lasting level shift.
  case step
  /// A slow ramp.
  case drift
  /// A series that was not there before.
  case new
  /// A calendar charge (fee, commitment, support) that differs from previous months.
  case calendar
}

/// One event on one series, in observation indices: what the tracker hands the layers above.
public struct SeriesEvent: Sendable, Equatable {
  /// Which way the series moved.
  public var direction: Direction
  /// The rule that raised the event.
  public var raisedBy: AlarmRule
  /// First anomalous observation (the change point for a step).
  public var start: Int
  /// The last observation the detector had seen when it raised the event.
  public var detected: Int
  /// Last anomalous observation; an open event extends.
  public var end: Int
  /// Whether CUSUM confirmed a lasting shift while the event was open.
  public var confirmedStep = false
  /// Whether the drift rule fired while the event was open.
  public var sawDrift = false
  /// Whether the event was still open when the data ended.
  public var isOpen = true
  /// The largest |z| seen on an alarm of this event.
  public var maxZ: Double
  /// The baseline frozen when the event opened: level plus seasonal profile.
  public var frozenLevel: Double
  /// The seasonal profile frozen when the event opened, nil when flat.
  public var frozenProfile: [Double]?
  /// The scale at opening.
  public var frozenSigma: Double
  /// The last observation on which a rule fired for this event.
  var lastAlarm: Int

  /// Whether the frozen profile is a factor (spend) rather than an offset (metrics).
  public var multiplicative = false

  /// The event with its observation indices turned into the indices `days` gives them (when
  /// some days were not observed).
  func onDays(_ days: [Int]) -> SeriesEvent {
    var event = self
    event.start = days[start]
    event.detected = days[detected]
    event.end = days[end]
    event.lastAlarm = days[lastAlarm]
    return event
  }

  /// The frozen expected value for an observation in the given time slot.
  public func expected(slot: Int) -> Double {
    guard let frozenProfile, !frozenProfile.isEmpty else { return frozenLevel }
    let phase = slot % frozenProfile.count
    let term = frozenProfile[phase < 0 ? phase + frozenProfile.count : phase]
    return multiplicative ? frozenLevel * term : frozenLevel + term
  }

  /// The kind reported: new and drift as raised; a confirmed step only if it lasted a week or is
  /// still open, else the burst was a (multi-day) spike.
  public var kind: AnomalyKind {
    switch raisedBy {
    case .new: return .new
    case .drift: return .drift
    case .step, .spike:
      if sawDrift { return .drift }
      if raisedBy == .step || confirmedStep { return isOpen || end - start + 1 >= 7 ? .step : .spike }
      return .spike
    }
  }
}

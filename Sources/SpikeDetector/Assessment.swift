/// Which way a deviation goes.
public enum Direction: String, Sendable, Equatable {
  /// Above the expected value.
  case up
  /// Below the expected value.
  case down
}

/// The rule that raised an alarm.
public enum AlarmRule: String, Sendable, Equatable {
  /// One observation far outside the robust band.
  case spike
  /// CUSUM found a lasting level shift.
  case step
  /// The recent median outgrew the median four weeks earlier.
  case drift
  /// A series that was never seen (or silent for long) appeared.
  case new
}

/// One rule firing on one observation.
public struct Alarm: Sendable, Equatable {
  /// The rule.
  public var rule: AlarmRule
  /// Which way.
  public var direction: Direction
  /// The first observation the alarm covers (the CUSUM change point τ for a step).
  public var start: Int
  /// Whether the deviation passes the materiality gates (`minImpact`, `minPercent`).
  public var material: Bool
}

/// What the series core concluded about one observation, using only it and earlier ones.
public struct Assessment: Sendable, Equatable {
  /// The observation's index.
  public var index: Int
  /// The expected value, nil while the series has no history.
  public var expected: Double?
  /// The baseline level (expected without the seasonal term), nil without history.
  public var level: Double?
  /// The scale σ the residual was divided by.
  public var sigma: Double
  /// The robust z: (value − expected) / σ; 0 without history.
  public var z: Double
  /// The rules that fired.
  public var alarms: [Alarm]
}

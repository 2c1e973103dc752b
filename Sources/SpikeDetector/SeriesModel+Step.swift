/// The two-sided CUSUM of clipped z (detector.md §5 step rule): each side accumulates excess over
/// the reference `k` and remembers where its current run began.
struct CusumState: Sendable {
  private(set) var up = 0.0
  private(set) var down = 0.0
  private var upRunStart = 0
  private var downRunStart = 0

  /// Empties both sides; a run found later starts no earlier than `position`.
  mutating func reset(at position: Int) {
    up = 0
    down = 0
    upRunStart = position
    downRunStart = position
  }

  /// Adds one clipped z at `index`; returns the side past `h` (up first) and where its run began.
  mutating func add(_ u: Double, index: Int, k: Double, h: Double) -> (direction: Direction, start: Int)? {
    up = max(0, up + u - k)
    down = max(0, down - u - k)
    if up == 0 { upRunStart = index + 1 }
    if down == 0 { downRunStart = index + 1 }
    if up > h { return (.up, upRunStart) }
    if down > h { return (.down, downRunStart) }
    return nil
  }
}

// MARK: - Step rule

extension SeriesModel {
  /// Feeds z to the CUSUM; past `h`, raises a step from the run's start and re-bases there when
  /// the median shift since then is material (else the CUSUM restarts and the level absorbs it).
  mutating func stepAlarm(index: Int, z: Double, gate: Double) -> Alarm? {
    let u = min(max(z, -parameters.cusumClip), parameters.cusumClip)
    guard let (direction, start) = cusum.add(u, index: index, k: parameters.cusumK, h: parameters.cusumH)
    else { return nil }
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
      cusum.reset(at: raw.count)
    }
    return Alarm(rule: .step, direction: direction, start: start, material: material)
  }
}

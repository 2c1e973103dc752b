/// Medians of the `driftWindow` cleaned values ending at each position, computed once: today's
/// lagged window is the recent window of `driftLag` days ago.
struct DriftMedians: Sendable {
  /// Median per last position, NaN where not computed (or stale).
  private var cache: [Double] = []
  private var scratch: [Double] = []

  /// Reserves room for `count` positions.
  mutating func reserveCapacity(_ count: Int) { cache.reserveCapacity(count) }

  /// Forgets the medians of windows ending at `start` or later (their values were re-based).
  mutating func invalidate(from start: Int) {
    let firstStale = min(start, cache.count)
    for position in firstStale..<cache.count { cache[position] = .nan }
  }

  /// The median of `cleaned[(last − window + 1)...last]`.
  mutating func median(endingAt last: Int, window: Int, cleaned: [Double]) -> Double {
    while cache.count <= last { cache.append(.nan) }
    if !cache[last].isNaN { return cache[last] }
    let first = last - window + 1
    let count = last - first + 1
    if scratch.count < count { scratch.append(contentsOf: repeatElement(0, count: count - scratch.count)) }
    let median = scratch.withUnsafeMutableBufferPointer { scratch in
      cleaned.withUnsafeBufferPointer { cleaned in
        for offset in 0..<count { scratch[offset] = cleaned[first + offset] }
      }
      return RobustStatistics.median(scratch, count: count)
    }
    cache[last] = median
    return median
  }
}

// MARK: - Drift rule

extension SeriesModel {
  /// A drift alarm when the recent window's median has grown `driftRatio` over the lagged one's;
  /// quiet for `driftLag` afterwards, so a ramp raises one alarm per lag.
  mutating func driftAlarm(index: Int, history: Int) -> Alarm? {
    let p = parameters
    guard history >= p.driftLag + p.driftWindow - 1, index >= driftQuietUntil else { return nil }
    let recent = driftMedians.median(endingAt: index, window: p.driftWindow, cleaned: cleaned)
    let lagged = driftMedians.median(endingAt: index - p.driftLag, window: p.driftWindow, cleaned: cleaned)
    guard lagged > 0, recent / lagged - 1 >= p.driftRatio else { return nil }
    driftQuietUntil = index + p.driftLag
    return Alarm(rule: .drift, direction: .up, start: index, material: recent - lagged >= p.minImpact)
  }
}

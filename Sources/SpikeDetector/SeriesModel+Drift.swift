/// Medians of the `driftWindow` cleaned values ending at each position, computed once: today's
/// lagged window is the recent window of `driftLag` days ago. Today's window is kept sorted and
/// slid one value at a time; an older window (its median forgotten by a re-basing) is selected.
struct DriftMedians: Sendable {
  /// Median per last position, NaN where not computed (or stale).
  private var cache: [Double] = []
  private var scratch: [Double] = []
  /// `cleaned[from..<to]`, sorted; valid while no re-basing rewrote those values.
  private var window = SortedWindow()
  private var from = 0
  private var to = 0
  private var valid = false

  /// Reserves room for `count` positions.
  mutating func reserveCapacity(_ count: Int) { cache.reserveCapacity(count) }

  /// Forgets the medians of windows ending at `start` or later (their values were re-based).
  mutating func invalidate(from start: Int) {
    let firstStale = min(start, cache.count)
    for position in firstStale..<cache.count { cache[position] = .nan }
    valid = false
  }

  /// Forgets everything (a new series).
  mutating func reset() {
    cache.removeAll(keepingCapacity: true)
    window.removeAll()
    from = 0
    to = 0
    valid = false
  }

  /// The median of `cleaned[(last − size + 1)...last]`.
  mutating func median(endingAt last: Int, window size: Int, cleaned: [Double]) -> Double {
    while cache.count <= last { cache.append(.nan) }
    if !cache[last].isNaN { return cache[last] }
    let first = last - size + 1
    let median =
      last == cleaned.count - 1
      ? slide(first: first, to: last + 1, cleaned: cleaned)
      : select(first: first, last: last, cleaned: cleaned)
    cache[last] = median
    return median
  }

  /// Slides the sorted window to `cleaned[first..<end]` and returns its median.
  private mutating func slide(first: Int, to end: Int, cleaned: [Double]) -> Double {
    if valid && first == from + 1 && end == to + 1 {
      window.replace(cleaned[from], with: cleaned[to])
    } else {
      window.removeAll()
      for position in first..<end { window.appendUnordered(cleaned[position]) }
      window.restoreOrder()
      valid = true
    }
    from = first
    to = end
    return window.median
  }

  /// The median of `cleaned[first...last]` by selection.
  private mutating func select(first: Int, last: Int, cleaned: [Double]) -> Double {
    let count = last - first + 1
    if scratch.count < count { scratch.append(contentsOf: repeatElement(0, count: count - scratch.count)) }
    return scratch.withUnsafeMutableBufferPointer { scratch in
      cleaned.withUnsafeBufferPointer { cleaned in
        for offset in 0..<count { scratch[offset] = cleaned[first + offset] }
      }
      return RobustStatistics.median(scratch, count: count)
    }
  }
}

// MARK: - Drift rule

extension SeriesModel {
  /// A drift alarm when the recent window's median has grown `driftRatio` over the lagged one's;
  /// quiet for `driftLag` afterwards, so a ramp raises one alarm per lag.
  mutating func driftAlarm(index: Int, history: Int) -> Alarm? {
    guard history >= parameters.driftLag + parameters.driftWindow - 1, index >= driftQuietUntil else {
      return nil
    }
    let recent = driftMedians.median(endingAt: index, window: parameters.driftWindow, cleaned: cleaned)
    let lagged = driftMedians.median(
      endingAt: index - parameters.driftLag, window: parameters.driftWindow, cleaned: cleaned)
    guard lagged > 0, recent / lagged - 1 >= parameters.driftRatio else { return nil }
    driftQuietUntil = index + parameters.driftLag
    return Alarm(
      rule: .drift, direction: .up, start: index, material: recent - lagged >= parameters.minImpact)
  }
}

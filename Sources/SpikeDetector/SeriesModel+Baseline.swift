/// The level window: the deseasonalized cleaned values of observations `from..<to`, sorted.
struct LevelWindow: Sendable {
  var values = SortedWindow()
  var from = 0
  var to = 0
  /// Whether the values must be collected again (the seasonal terms or the regime changed).
  var dirty = true

  /// Marks the window for a rebuild.
  mutating func invalidate() { dirty = true }

  /// Empties the window for a new series, keeping its capacity.
  mutating func reset() {
    values.removeAll()
    from = 0
    to = 0
    dirty = true
  }

  /// Slides the window to `first..<index` of `cleaned` deseasonalized by `terms`, rebuilding it
  /// when it was invalidated or does not overlap.
  mutating func slide(first: Int, to index: Int, cleaned: [Double], phases: [Int], terms: SeasonalTerms) {
    if dirty || first < from || first > to {
      // A rebuild collects the window and sorts it once.
      values.removeAll()
      for position in first..<index {
        if let value = terms.deseasonalized(cleaned[position], rawPhase: phases[position]) {
          values.appendUnordered(value)
        }
      }
      values.restoreOrder()
      from = first
      to = index
      dirty = false
      return
    }
    if first == from + 1 && index == to + 1,
      let leaving = terms.deseasonalized(cleaned[from], rawPhase: phases[from]),
      let arriving = terms.deseasonalized(cleaned[to], rawPhase: phases[to])
    {
      // The usual day: one value leaves and one arrives.
      values.replace(leaving, with: arriving)
      from = first
      to = index
      return
    }
    for position in from..<first {
      if let value = terms.deseasonalized(cleaned[position], rawPhase: phases[position]) {
        values.remove(value)
      }
    }
    from = first
    for position in to..<index {
      if let value = terms.deseasonalized(cleaned[position], rawPhase: phases[position]) {
        values.insert(value)
      }
    }
    to = index
  }
}

/// The last `scaleWindow` non-NaN one-step errors, sorted, and the same values oldest first.
struct ScaleWindow: Sendable {
  private(set) var values = SortedWindow()
  /// The window's errors in arrival order from `head`.
  private var arrivals: [Double] = []
  private var head = 0

  /// The number of errors in the window.
  var count: Int { values.count }

  /// The median error (0 when empty).
  var median: Double { values.median }

  /// Adds the newest error (NaN errors stay out), dropping the oldest beyond `capacity`.
  mutating func push(_ error: Double, capacity: Int) {
    guard !error.isNaN else { return }
    arrivals.append(error)
    if arrivals.count - head <= capacity {
      values.insert(error)
    } else {
      values.replace(arrivals[head], with: error)
      head += 1
      // Departed errors are dropped now and then, so a long series keeps a short buffer.
      if head >= 4 * capacity {
        arrivals.removeFirst(head)
        head = 0
      }
    }
  }

  /// Empties the window for a new series, keeping its capacity.
  mutating func reset() {
    values.removeAll()
    arrivals.removeAll(keepingCapacity: true)
    head = 0
  }

  /// Rebuilds the window from the last `capacity` non-NaN errors.
  mutating func rebuild(errors: [Double], capacity: Int) {
    reset()
    var first = errors.count
    var collected = 0
    while first > 0 && collected < capacity {
      first -= 1
      if !errors[first].isNaN { collected += 1 }
    }
    for position in first..<errors.count where !errors[position].isNaN {
      push(errors[position], capacity: capacity)
    }
  }
}

// MARK: - Baseline

extension SeriesModel {
  /// The expected value of observation `index` and the level under it.
  mutating func expected(index: Int, phase: Int, value: Double) -> (expected: Double, level: Double) {
    let first = max(regimeStart, index - parameters.levelWindow)
    updateLevelWindow(first: first, index: index)
    let seasonalLevel = levelWindow.values.median
    guard seasonalUsable else { return (seasonalLevel, seasonalLevel) }
    let seasonalExpected = seasonalized(seasonalLevel, phase: phase)
    if season.cycles >= parameters.minSeasonCycles {
      if !parameters.multiplicative && !parameters.requireSeasonMerit,
        let aligned = phaseAligned(index: index)
      {
        return (aligned, seasonalLevel)
      }
      return (seasonalExpected, seasonalLevel)
    }
    // One or two cycles: take whichever baseline explains the value better.
    let flat = flatLevel(first: first, index: index)
    return abs(value - seasonalExpected) <= abs(value - flat.expected)
      ? (seasonalExpected, seasonalLevel) : flat
  }

  /// Slides the level window to `first..<index`, rebuilding it when the profile or the regime changed.
  private mutating func updateLevelWindow(first: Int, index: Int) {
    levelWindow.slide(first: first, to: index, cleaned: cleaned, phases: phases, terms: seasonalTerms)
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

  // MARK: - Scale

  /// The robust scale of the one-step errors around `expected`, with relative and absolute floors.
  @inline(__always) func scale(expected: Double) -> Double {
    let count = Double(scaleWindow.count)
    // σ from n errors is uncertain by ≈ 1.17/√n of itself (the MAD's standard error under
    // normal errors); the scale used is the estimate plus `scaleStandardErrors` of those, so a
    // short history with a lucky-quiet start cannot make ordinary noise look like 4.5σ.
    let upper = 1 + parameters.scaleStandardErrors * 1.17 / count.squareRoot()
    var spread = scaleWindow.count >= 5 ? 1.4826 * scaleWindow.median * upper : 0
    if parameters.multiplicative { spread *= max(abs(expected), parameters.absoluteFloor) }
    return max(spread, parameters.relativeFloor * abs(expected), parameters.absoluteFloor)
  }
}

/// The non-NaN deviations of observations `from..<to`, grouped by seasonal phase and kept sorted
/// in one segment of `capacity` per phase, so a profile refresh reads each phase's median off its
/// segment. Sliding to a later range removes the values that left and inserts those that arrived
/// (a handful a refresh) instead of bucketing and selecting every cycle again.
struct PhaseWindows: Sendable {
  private var values: [Double] = []
  private var counts: [Int] = []
  private var period = 0
  private var capacity = 0
  private var from = 0
  private var to = 0
  private var valid = false
  /// The fewest values any phase holds.
  private(set) var minimumCount = 0
  /// The most values any phase holds.
  private(set) var maximumCount = 0

  /// Empties the windows: the next slide collects its range afresh.
  mutating func invalidate() { valid = false }

  /// Slides to `range` (`phases` as in `SeriesModel.phases`, negative ones left out, as the
  /// bucketing does); false when a phase would hold more than `capacity` values, which leaves the
  /// windows invalid.
  mutating func slide(period: Int, range: Range<Int>, capacity: Int, deviations: [Double], phases: [Int])
    -> Bool
  {
    if !valid || period != self.period || capacity != self.capacity || range.lowerBound < from
      || range.lowerBound > to || range.upperBound < to
    {
      self.period = period
      self.capacity = capacity
      if values.count < period * capacity {
        values.append(contentsOf: repeatElement(0, count: period * capacity - values.count))
      }
      counts = [Int](repeating: 0, count: period)
      from = range.lowerBound
      to = range.lowerBound
      valid = true
    }
    let leaving = from..<range.lowerBound
    let arriving = to..<range.upperBound
    from = range.lowerBound
    to = range.upperBound
    valid = values.withUnsafeMutableBufferPointer { values in
      counts.withUnsafeMutableBufferPointer { counts in
        deviations.withUnsafeBufferPointer { deviations in
          phases.withUnsafeBufferPointer { phases in
            for position in leaving where !deviations[position].isNaN {
              let phase = phases[position]
              guard phase >= 0 else { continue }
              guard
                PhaseWindows.remove(
                  deviations[position], from: values, phase: phase, counts: counts, capacity: capacity)
              else { return false }
            }
            for position in arriving where !deviations[position].isNaN {
              let phase = phases[position]
              guard phase >= 0 else { continue }
              guard counts[phase] < capacity else { return false }
              PhaseWindows.insert(
                deviations[position], into: values, phase: phase, counts: counts, capacity: capacity)
            }
            var fewest = Int.max
            var most = 0
            for phase in 0..<period {
              fewest = min(fewest, counts[phase])
              most = max(most, counts[phase])
            }
            minimumCount = fewest
            maximumCount = most
            return true
          }
        }
      }
    }
    return valid
  }

  /// The median of a phase's values (mean of the two middle ones for an even count), 0 when empty.
  func median(phase: Int) -> Double {
    let count = counts[phase]
    guard count > 0 else { return 0 }
    let start = phase * capacity
    return count % 2 == 1
      ? values[start + count / 2] : (values[start + count / 2 - 1] + values[start + count / 2]) / 2
  }

  // MARK: - Segments

  private static func insert(
    _ value: Double, into values: UnsafeMutableBufferPointer<Double>, phase: Int,
    counts: UnsafeMutableBufferPointer<Int>, capacity: Int
  ) {
    let start = phase * capacity
    var index = start + counts[phase]
    while index > start && values[index - 1] > value {
      values[index] = values[index - 1]
      index -= 1
    }
    values[index] = value
    counts[phase] += 1
  }

  /// Removes one copy of `value`; false when it is not there.
  private static func remove(
    _ value: Double, from values: UnsafeMutableBufferPointer<Double>, phase: Int,
    counts: UnsafeMutableBufferPointer<Int>, capacity: Int
  ) -> Bool {
    let start = phase * capacity
    let end = start + counts[phase]
    var index = start
    while index < end && values[index] < value { index += 1 }
    guard index < end && values[index] == value else { return false }
    while index + 1 < end {
      values[index] = values[index + 1]
      index += 1
    }
    counts[phase] -= 1
    return true
  }
}

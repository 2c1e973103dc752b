/// The arithmetic of the seasonal profile refresh, in buffers kept between refreshes.
///
/// A refresh takes each phase's median of the last cycles' deviations and centres them; the merit
/// test compares the spread of the cleaned values with and without the profile. Each phase's
/// deviations are kept sorted in its own segment (`PhaseWindows`), slid by the few observations
/// since the last refresh, so the medians are read off instead of selected; the bucketing below
/// remains for the cases the windows do not cover. Every loop runs over raw buffers, so a weekly
/// refresh of a daily series allocates nothing.
struct ProfileEstimator: Sendable {
  private var buckets: [Double] = []
  private var counts: [Int] = []
  private var flat: [Double] = []
  private var adjusted: [Double] = []
  private var work: [Double] = []
  private var windows = PhaseWindows()

  /// Forgets the per-phase windows (the deviations were re-derived, or a new series begins).
  mutating func invalidateWindows() { windows.invalidate() }

  // MARK: - Estimate

  /// The per-phase profile of `deviations[range]` (factors around 1 when `multiplicative`, offsets
  /// around 0 otherwise) written into `profile`, and the number of complete cycles it rests on;
  /// nil when some phase has no value or the centre is not positive (multiplicative).
  /// `cycles` bounds the range (`range.count ≤ period × cycles`).
  mutating func estimate(
    period: Int, range: Range<Int>, cycles maximumCycles: Int, deviations: [Double], phases: [Int],
    multiplicative: Bool, into profile: inout [Double]
  ) -> Int? {
    let stride = range.count / period + 2
    if windows.slide(
      period: period, range: range, capacity: maximumCycles + 2, deviations: deviations, phases: phases),
      windows.maximumCount <= stride
    {
      // Every phase holds at most `stride` values: the bucketing below would keep them all.
      grow(&work, to: period)
      if profile.count != period { profile = [Double](repeating: 0, count: period) }
      guard windows.minimumCount >= 1 else { return nil }
      for phase in 0..<period { profile[phase] = windows.median(phase: phase) }
      return centre(&profile, period: period, cycles: windows.minimumCount, multiplicative: multiplicative)
    }
    grow(&buckets, to: period * stride)
    grow(&work, to: period)
    if counts.count < period { counts = [Int](repeating: 0, count: period) }
    if profile.count != period { profile = [Double](repeating: 0, count: period) }
    let cycles: Int? = buckets.withUnsafeMutableBufferPointer { bucket in
      counts.withUnsafeMutableBufferPointer { count in
        profile.withUnsafeMutableBufferPointer { profile in
          for phase in 0..<period { count[phase] = 0 }
          deviations.withUnsafeBufferPointer { deviation in
            phases.withUnsafeBufferPointer { phases in
              for position in range where !deviation[position].isNaN {
                let phase = phases[position]
                guard phase >= 0, count[phase] < stride else { continue }
                bucket[phase * stride + count[phase]] = deviation[position]
                count[phase] += 1
              }
            }
          }
          var cycles = Int.max
          for phase in 0..<period { cycles = min(cycles, count[phase]) }
          guard cycles >= 1 else { return nil }
          for phase in 0..<period {
            // Each phase's median is selected in its own bucket (refilled at every refresh).
            let start = phase * stride
            let own = UnsafeMutableBufferPointer(rebasing: bucket[start..<(start + count[phase])])
            profile[phase] = RobustStatistics.median(own, count: count[phase])
          }
          return cycles
        }
      }
    }
    guard let cycles else { return nil }
    return centre(&profile, period: period, cycles: cycles, multiplicative: multiplicative)
  }

  /// Centres the per-phase medians on their median (divides for factors, subtracts for offsets);
  /// nil when a factor profile's centre is not positive, else `cycles`.
  private mutating func centre(_ profile: inout [Double], period: Int, cycles: Int, multiplicative: Bool)
    -> Int?
  {
    work.withUnsafeMutableBufferPointer { work in
      profile.withUnsafeMutableBufferPointer { profile in
        for phase in 0..<period { work[phase] = profile[phase] }
        let center = RobustStatistics.median(work, count: period)
        guard !multiplicative || center > 0 else { return nil }
        for phase in 0..<period {
          profile[phase] = multiplicative ? max(profile[phase], 0) / center : profile[phase] - center
        }
        return cycles
      }
    }
  }

  // MARK: - Merit

  /// The mean absolute deviations of the cleaned values over `range` around their levels
  /// (ratios when `multiplicative`), without and with the profile taken out.
  mutating func spreads(
    range: Range<Int>, profile: [Double], deviations: [Double], cleaned: [Double],
    levels: [Double], phases: [Int], multiplicative: Bool
  ) -> (flat: Double, adjusted: Double) {
    grow(&flat, to: range.count)
    grow(&adjusted, to: range.count)
    grow(&work, to: range.count)
    var count = 0
    flat.withUnsafeMutableBufferPointer { flat in
      adjusted.withUnsafeMutableBufferPointer { adjusted in
        deviations.withUnsafeBufferPointer { deviations in
          levels.withUnsafeBufferPointer { levels in
            cleaned.withUnsafeBufferPointer { cleaned in
              phases.withUnsafeBufferPointer { phases in
                profile.withUnsafeBufferPointer { profile in
                  for position in range where !deviations[position].isNaN {
                    let level = levels[position]
                    guard !multiplicative || level > 0 else { continue }
                    let deviation = multiplicative ? cleaned[position] / level : cleaned[position] - level
                    let factor = profile[phases[position]]
                    flat[count] = deviation
                    adjusted[count] =
                      multiplicative ? (factor > 0 ? deviation / factor : deviation) : deviation - factor
                    count += 1
                  }
                }
              }
            }
          }
        }
      }
    }
    let flatSpread = ProfileEstimator.meanAbsoluteDeviation(flat, count: count, work: &work)
    let adjustedSpread = ProfileEstimator.meanAbsoluteDeviation(adjusted, count: count, work: &work)
    return (flatSpread, adjustedSpread)
  }

  // MARK: - Helpers

  private static func meanAbsoluteDeviation(_ values: [Double], count: Int, work: inout [Double]) -> Double {
    guard count > 0 else { return 0 }
    return values.withUnsafeBufferPointer { values in
      work.withUnsafeMutableBufferPointer { work in
        for index in 0..<count { work[index] = values[index] }
        let center = RobustStatistics.median(work, count: count)
        var total = 0.0
        for index in 0..<count { total += abs(values[index] - center) }
        return total / Double(count)
      }
    }
  }

  private func grow(_ buffer: inout [Double], to size: Int) {
    if buffer.count < size { buffer.append(contentsOf: repeatElement(0, count: size - buffer.count)) }
  }
}

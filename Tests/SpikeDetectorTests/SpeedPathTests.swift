import SpikeEvaluation
import Testing

@testable import SpikeDetector

/// The structures behind the detector's speed must give exactly what the plain computations give:
/// each test checks one against a plainly computed reference on seeded random data with many
/// duplicates (ties are where incremental bookkeeping goes wrong).
@Suite("Detector speed paths")
struct SpeedPathTests {
  /// A value from a small set, so that duplicates are common.
  private func coarse(_ random: inout SplitMix64) -> Double { Double(Int(random.unit() * 12)) / 4 }

  @Test("SortedWindow.replace holds exactly what remove then insert would (absent values ignored)")
  func replaceMatchesRemoveThenInsert() {
    var random = SplitMix64(seed: 21)
    var window = SortedWindow()
    var reference: [Double] = []
    for _ in 0..<20 {
      let value = coarse(&random)
      window.insert(value)
      reference.append(value)
    }
    for _ in 0..<3_000 {
      // One time in five the value to replace is absent (13 / 4 is outside the set).
      let old = random.unit() < 0.2 ? 13.0 / 4 : coarse(&random)
      let new = coarse(&random)
      window.replace(old, with: new)
      if let position = reference.firstIndex(of: old) { reference.remove(at: position) }
      reference.append(new)
      #expect(window.values == reference.sorted())
    }
  }

  @Test("select gives the k-th smallest for every k, small (branch-free) and large (Hoare) buffers")
  func selectMatchesSorting() {
    var random = SplitMix64(seed: 22)
    for count in [1, 2, 3, 7, 8, 56, 63, 64, 65, 200] {
      let values = (0..<count).map { _ in coarse(&random) }
      let sorted = values.sorted()
      for k in 0..<count {
        var scratch = values
        #expect(RobustStatistics.select(&scratch, count: count, k: k) == sorted[k])
        // The elements before the k-th are no larger (the even-count median relies on it).
        #expect(scratch[0..<k].allSatisfy { $0 <= sorted[k] })
      }
      var scratch = values
      let median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
      #expect(RobustStatistics.median(&scratch, count: count) == median)
    }
  }

  @Test("PhaseWindows' per-phase medians equal those of the deviations in range, bucketed afresh")
  func phaseWindowsMatchBuckets() {
    var random = SplitMix64(seed: 23)
    let period = 7
    var deviations: [Double] = []
    var phases: [Int] = []
    for position in 0..<400 {
      // Some NaN (no level yet), which the windows leave out.
      deviations.append(random.unit() < 0.1 ? .nan : coarse(&random))
      phases.append(position % period)
    }
    var windows = PhaseWindows()
    var upper = 1
    while upper <= deviations.count {
      let range = max(0, upper - 56)..<upper
      let held = windows.slide(
        period: period, range: range, capacity: 10, deviations: deviations, phases: phases)
      #expect(held)
      for phase in 0..<period {
        var bucket = range.filter { phases[$0] == phase && !deviations[$0].isNaN }.map { deviations[$0] }
        let expected = bucket.isEmpty ? 0 : RobustStatistics.median(&bucket, count: bucket.count)
        #expect(windows.median(phase: phase) == expected)
      }
      upper += 1 + Int(random.unit() * 9)
    }
    // A phase with more values than the capacity cannot be held: the caller must bucket instead.
    let overflowing = windows.slide(
      period: period, range: 0..<400, capacity: 10, deviations: deviations, phases: phases)
    #expect(!overflowing)
  }

  @Test("a model reset between series assesses each exactly as a new model does (spend and generic)")
  func resetModelMatchesNewModel() {
    var random = SplitMix64(seed: 24)
    var series: [[Double]] = []
    for index in 0..<12 {
      let base = 5 + 300 * random.unit()
      var values = (0..<200).map { day in
        max(0, base * (day % 7 >= 5 ? 0.7 : 1) * (1 + 0.05 * random.normal()))
      }
      if index % 3 == 0 { values[120] *= 5 }  // a spike
      if index % 4 == 1 { for day in 150..<200 { values[day] *= 2 } }  // a step
      if index % 5 == 2 { for day in 0..<30 { values[day] = 0 } }  // starts late
      series.append(values)
    }
    for parameters in [SeriesParameters.daily(), .generic(period: nil)] {
      var reused = SeriesModel(parameters: parameters)
      for values in series {
        reused.reset(parameters: parameters)
        var fresh = SeriesModel(parameters: parameters)
        for (slot, value) in values.enumerated() {
          if slot == 64 && parameters.period == nil {
            reused.adoptPeriod(7)
            fresh.adoptPeriod(7)
          }
          let again = reused.observe(value, slot: slot)
          let first = fresh.observe(value, slot: slot)
          #expect(again == first)
        }
      }
    }
  }
}

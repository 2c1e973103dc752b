import SpikeEvaluation
import Testing

@testable import SpikeDetector

@Suite("Sorted window")
struct SortedWindowTests {
  /// The window's contents after random inserts, removals and rebuilds, checked against a plainly
  /// sorted copy: the speed path must hold exactly the values (and median) a full sort gives.
  @Test("insert, remove and rebuild keep exactly the sorted multiset and its median")
  func matchesSortedReference() {
    var random = SplitMix64(seed: 7)
    var window = SortedWindow()
    var reference: [Double] = []
    for step in 0..<2_000 {
      // Few distinct values, so duplicates and removals of absent values are exercised.
      let value = Double(Int(random.unit() * 40)) / 4
      if step % 97 == 0 {
        window.removeAll()
        reference.removeAll()
        for _ in 0..<Int(random.unit() * 30) {
          let fresh = Double(Int(random.unit() * 40)) / 4
          window.appendUnordered(fresh)
          reference.append(fresh)
        }
        window.restoreOrder()
      } else if random.unit() < 0.45 {
        window.remove(value)
        if let position = reference.firstIndex(of: value) { reference.remove(at: position) }
      } else {
        window.insert(value)
        reference.append(value)
      }
      let sorted = reference.sorted()
      #expect(window.values == sorted)
      var scratch = sorted
      #expect(window.median == RobustStatistics.median(&scratch, count: scratch.count))
    }
  }
}

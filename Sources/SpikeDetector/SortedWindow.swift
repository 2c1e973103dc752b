/// A small multiset kept sorted, so a rolling median costs a binary search and a short move
/// instead of a selection over the whole window at every observation.
struct SortedWindow: Sendable {
  private(set) var values: [Double] = []

  /// The number of values.
  var count: Int { values.count }

  /// Adds a value.
  mutating func insert(_ value: Double) { values.insert(value, at: lowerBound(value)) }

  /// Removes one copy of a value (exactly as inserted); a missing value is ignored.
  mutating func remove(_ value: Double) {
    let position = lowerBound(value)
    if position < values.count && values[position] == value { values.remove(at: position) }
  }

  /// Empties the window.
  mutating func removeAll() { values.removeAll(keepingCapacity: true) }

  /// The median (mean of the two middle values for an even count), 0 when empty.
  var median: Double {
    let count = values.count
    guard count > 0 else { return 0 }
    return count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2
  }

  private func lowerBound(_ value: Double) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) >> 1
      if values[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

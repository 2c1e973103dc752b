/// A small multiset kept sorted, so a rolling median costs a binary search and a short move
/// instead of a selection over the whole window at every observation.
struct SortedWindow: Sendable {
  private(set) var values: [Double] = []

  /// The number of values.
  var count: Int { values.count }

  /// Adds a value: a binary search, then the larger values move up one place.
  mutating func insert(_ value: Double) {
    let position = lowerBound(value)
    values.append(value)
    values.withUnsafeMutableBufferPointer { buffer in
      var index = buffer.count - 1
      while index > position {
        buffer[index] = buffer[index - 1]
        index -= 1
      }
      buffer[position] = value
    }
  }

  /// Removes one copy of a value (exactly as inserted); a missing value is ignored.
  mutating func remove(_ value: Double) {
    let position = lowerBound(value)
    guard position < values.count && values[position] == value else { return }
    values.withUnsafeMutableBufferPointer { buffer in
      for index in position..<(buffer.count - 1) { buffer[index] = buffer[index + 1] }
    }
    values.removeLast()
  }

  /// Replaces one copy of `old` (exactly as inserted) by `new`: the same values as `remove(old)`
  /// then `insert(new)`, but only the values between the two places move. A missing `old` is
  /// ignored, as in `remove(_:)`.
  mutating func replace(_ old: Double, with new: Double) {
    let position = lowerBound(old)
    guard position < values.count && values[position] == old else {
      insert(new)
      return
    }
    values.withUnsafeMutableBufferPointer { buffer in
      var index = position
      if new > old {
        while index + 1 < buffer.count && buffer[index + 1] < new {
          buffer[index] = buffer[index + 1]
          index += 1
        }
      } else {
        while index > 0 && buffer[index - 1] > new {
          buffer[index] = buffer[index - 1]
          index -= 1
        }
      }
      buffer[index] = new
    }
  }

  /// Empties the window.
  mutating func removeAll() { values.removeAll(keepingCapacity: true) }

  /// Adds a value without keeping the order; call `restoreOrder()` before the next query or update.
  mutating func appendUnordered(_ value: Double) { values.append(value) }

  /// Sorts the values after `appendUnordered(_:)` (an insertion sort: the window is small).
  mutating func restoreOrder() {
    values.withUnsafeMutableBufferPointer { buffer in
      guard buffer.count > 1 else { return }
      for next in 1..<buffer.count {
        let value = buffer[next]
        var index = next
        while index > 0 && buffer[index - 1] > value {
          buffer[index] = buffer[index - 1]
          index -= 1
        }
        buffer[index] = value
      }
    }
  }

  /// The median (mean of the two middle values for an even count), 0 when empty.
  var median: Double {
    let count = values.count
    guard count > 0 else { return 0 }
    return count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2
  }

  private func lowerBound(_ value: Double) -> Int {
    values.withUnsafeBufferPointer { buffer in
      var low = 0
      var high = buffer.count
      while low < high {
        let middle = (low + high) >> 1
        if buffer[middle] < value { low = middle + 1 } else { high = middle }
      }
      return low
    }
  }
}

/// Order statistics that the baselines are built from: medians, quantiles and spreads.
///
/// Every function works on a caller-owned scratch buffer so that the detector's inner loop does
/// not allocate; the buffer's contents are reordered.
enum RobustStatistics {
  // MARK: - Selection

  /// The `k`-th smallest element (0-based) of `values[0..<count]`, reordering them (Hoare select).
  static func select(_ values: inout [Double], count: Int, k: Int) -> Double {
    values.withUnsafeMutableBufferPointer { select($0, count: count, k: k) }
  }

  /// The `k`-th smallest element (0-based) of `buffer[0..<count]`, reordering them so that the
  /// elements before it are no larger: a branch-free selection for small buffers, Hoare's beyond.
  static func select(_ buffer: UnsafeMutableBufferPointer<Double>, count: Int, k: Int) -> Double {
    count <= smallSelection
      ? selectSmall(buffer, count: count, k: k) : selectHoare(buffer, count: count, k: k)
  }

  /// Buffers up to this size are selected without data-dependent branches.
  static let smallSelection = 64

  /// Lomuto's partition with an unconditional swap and a conditional increment, so the CPU does
  /// not mispredict the comparisons (a median of 56 merit-test values cost ~3k cycles in Hoare's
  /// loops). Equal values shrink the range by one per pass: quadratic, which only a small buffer
  /// can afford.
  private static func selectSmall(_ buffer: UnsafeMutableBufferPointer<Double>, count: Int, k: Int) -> Double
  {
    var low = 0
    var high = count - 1
    while low < high {
      buffer.swapAt((low + high) >> 1, high)
      let pivot = buffer[high]
      var store = low
      for index in low..<high {
        let value = buffer[index]
        buffer[index] = buffer[store]
        buffer[store] = value
        store += value < pivot ? 1 : 0
      }
      buffer.swapAt(store, high)
      if k == store { return buffer[k] }
      if k < store { high = store - 1 } else { low = store + 1 }
    }
    return buffer[k]
  }

  /// Hoare's selection, for large buffers.
  private static func selectHoare(_ buffer: UnsafeMutableBufferPointer<Double>, count: Int, k: Int) -> Double
  {
    var low = 0
    var high = count - 1
    while low < high {
      let pivot = buffer[(low + high) >> 1]
      var i = low
      var j = high
      while i <= j {
        while buffer[i] < pivot { i += 1 }
        while buffer[j] > pivot { j -= 1 }
        if i <= j {
          buffer.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        high = j
      } else if k >= i {
        low = i
      } else {
        return buffer[k]
      }
    }
    return buffer[k]
  }

  /// The median of `values[0..<count]` (mean of the two middle values for an even count).
  static func median(_ values: inout [Double], count: Int) -> Double {
    values.withUnsafeMutableBufferPointer { median($0, count: count) }
  }

  /// The median of `buffer[0..<count]` (mean of the two middle values for an even count),
  /// reordering them.
  static func median(_ buffer: UnsafeMutableBufferPointer<Double>, count: Int) -> Double {
    guard count > 0 else { return 0 }
    let upper = select(buffer, count: count, k: count / 2)
    guard count % 2 == 0 else { return upper }
    // The lower middle is the largest element left of the upper middle after selection.
    var lower = -Double.infinity
    for index in 0..<(count / 2) where buffer[index] > lower { lower = buffer[index] }
    return (lower + upper) / 2
  }
}

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

  /// The `k`-th smallest element (0-based) of `buffer[0..<count]`, reordering them (Hoare select).
  static func select(_ buffer: UnsafeMutableBufferPointer<Double>, count: Int, k: Int) -> Double {
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

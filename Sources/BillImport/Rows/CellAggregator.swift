import SpendModel

/// A cube cell's key as small integers: interned values plus day and billing period.
struct CellKey: Hashable {
  var day: Int32
  /// Months since year 0 (`year * 12 + month - 1`).
  var period: Int32
  var payer: UInt32
  var account: UInt32
  var service: UInt32
  var usageType: UInt32
  var operation: UInt32
  var region: UInt32
  var resource: UInt32
  var lineItemType: UInt32
  var currency: UInt32
  var tags: UInt32
}

/// Sums line items into cells keyed by interned IDs, then materialises a `Cube`.
///
/// Strings are made once per distinct value, at the end; the hot loop only hashes bytes.
struct CellAggregator {
  /// Every dimension value and tag key/value seen, each checked once as text.
  var values = ByteInterner(checksText: true)
  /// Tag sets as byte strings of (key ID, value ID) pairs; ID 0 is the empty set.
  private var tagSets = ByteInterner()
  private var cellIndex: [CellKey: Int] = [:]
  private var keys: [CellKey] = []
  private var costs: [Costs] = []
  /// The ID of the empty value.
  let emptyValue: UInt32

  init() {
    emptyValue = values.intern("")
    _ = tagSets.intern(UnsafeBufferPointer(start: nil, count: 0))
  }

  /// The empty tag set's ID.
  var noTags: UInt32 { 0 }

  /// Adds a line item's costs to its cell.
  @inline(__always)
  mutating func add(_ key: CellKey, _ amount: Costs) {
    if let position = cellIndex[key] {
      costs[position] += amount
    } else {
      cellIndex[key] = keys.count
      keys.append(key)
      costs.append(amount)
    }
  }

  /// The ID of a tag set given as (key ID, value ID) pairs with non-empty values.
  mutating func tagSet(_ pairs: UnsafeBufferPointer<UInt32>) -> UInt32 {
    UnsafeRawBufferPointer(pairs).withMemoryRebound(to: UInt8.self) { tagSets.intern($0) }
  }

  /// The number of cells.
  var cellCount: Int { keys.count }

  // MARK: - Materialising

  /// The cells as a cube, plus per-file facts derived from them.
  func makeCube() -> Cube {
    let strings = values.allStrings()
    let tags = (0..<tagSets.count).map { id in
      tagSets.withBytes(UInt32(id)) { bytes -> Tags in
        let words = UnsafeRawBufferPointer(bytes)
        let pairCount = words.count / 8
        var pairs: [(String, String)] = []
        for index in 0..<pairCount {
          let key = words.loadUnaligned(fromByteOffset: index * 8, as: UInt32.self)
          let value = words.loadUnaligned(fromByteOffset: index * 8 + 4, as: UInt32.self)
          pairs.append((strings[Int(key)], strings[Int(value)]))
        }
        return Tags(pairs)
      }
    }
    var cube = Cube()
    for (key, amount) in zip(keys, costs) {
      let period = Month(year: Int(key.period / 12), month: Int(key.period % 12) + 1)
      let cubeKey = CubeKey(
        day: Day(ordinal: key.day), billingPeriod: period, payerAccount: strings[Int(key.payer)],
        account: strings[Int(key.account)], service: strings[Int(key.service)],
        usageType: strings[Int(key.usageType)], operation: strings[Int(key.operation)],
        region: strings[Int(key.region)], resource: strings[Int(key.resource)],
        lineItemType: strings[Int(key.lineItemType)], currency: strings[Int(key.currency)],
        tags: tags[Int(key.tags)])
      cube.add(amount, at: cubeKey)
    }
    return cube
  }
}

extension Month {
  /// The month as a count of months since year 0, for compact keys.
  var monthIndex: Int32 { Int32(year * 12 + month - 1) }
}

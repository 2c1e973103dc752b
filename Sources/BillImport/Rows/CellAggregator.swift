import SpendModel

/// Sums line items into cells keyed by interned IDs, then hands them over as a `CompactCube`.
///
/// Strings are made once per distinct value that a cell uses, at the end; the hot loop only
/// hashes bytes and integers.
struct CellAggregator {
  /// Every dimension value and tag key/value seen, each checked once as text.
  var values = ByteInterner(checksText: true)
  /// Tag sets as byte strings of (key ID, value ID) pairs; ID 0 is the empty set.
  private var tagSets = ByteInterner()
  private var cellIndex: [CompactCube.Key: Int] = [:]
  private var keys: [CompactCube.Key] = []
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
  mutating func add(_ key: CompactCube.Key, _ amount: Costs) {
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

  // MARK: - Handing over

  /// The cells, with only the values they use as labels and every tag set made canonical.
  ///
  /// Values read but used by no cell (a raw JSON tags field, a product field) are left out.
  func makeCells() -> CompactCube {
    var numbering = Renumbering(valueCount: values.count)
    let rawTags = (0..<tagSets.count).map { rawTagPairs(UInt32($0)) }
    // Canonical like `Tags`: one value per key (the later wins), no empty value, sorted by key text.
    var canonicalIndex: [[UInt32]: UInt32] = [[]: 0]
    var canonicalSets: [[CompactCube.TagPair]] = [[]]
    var tagMap: [UInt32] = []
    tagMap.reserveCapacity(rawTags.count)
    let rank = tagKeyRanks(rawTags)
    var kept: [(key: UInt32, value: UInt32)] = []
    for pairs in rawTags {
      kept.removeAll(keepingCapacity: true)
      for (key, value) in pairs where value != emptyValue {
        if let position = kept.firstIndex(where: { $0.key == key }) {
          kept[position].value = value
        } else {
          kept.append((key, value))
        }
      }
      let sorted = kept.sorted { rank[$0.key, default: 0] < rank[$1.key, default: 0] }
      let signature = sorted.flatMap { [$0.key, $0.value] }
      if let known = canonicalIndex[signature] {
        tagMap.append(known)
        continue
      }
      let index = UInt32(canonicalSets.count)
      canonicalIndex[signature] = index
      canonicalSets.append(
        sorted.map { CompactCube.TagPair(key: numbering.number($0.key), value: numbering.number($0.value)) })
      tagMap.append(index)
    }
    var renumbered: [CompactCube.Key] = []
    renumbered.reserveCapacity(keys.count)
    for key in keys {
      renumbered.append(
        CompactCube.Key(
          day: key.day, period: key.period, payer: numbering.number(key.payer),
          account: numbering.number(key.account), service: numbering.number(key.service),
          usageType: numbering.number(key.usageType), operation: numbering.number(key.operation),
          region: numbering.number(key.region), resource: numbering.number(key.resource),
          lineItemType: numbering.number(key.lineItemType), currency: numbering.number(key.currency),
          tags: tagMap[Int(key.tags)]))
    }
    let labels = numbering.used.map { values.string($0) }
    return CompactCube(labels: labels, tagSets: canonicalSets, keys: renumbered, costs: costs)
  }

  /// The cells as a cube with string keys.
  func makeCube() -> Cube { makeCells().cube() }

  /// Each distinct tag key's position in the order of the keys' texts.
  private func tagKeyRanks(_ sets: [[(UInt32, UInt32)]]) -> [UInt32: Int] {
    var keys: Set<UInt32> = []
    for pairs in sets { for (key, _) in pairs { keys.insert(key) } }
    let ordered = keys.map { (id: $0, text: values.string($0)) }.sorted { $0.text < $1.text }
    var ranks: [UInt32: Int] = [:]
    for (rank, key) in ordered.enumerated() { ranks[key.id] = rank }
    return ranks
  }

  /// A raw tag set's (key ID, value ID) pairs in the order they were read.
  private func rawTagPairs(_ id: UInt32) -> [(UInt32, UInt32)] {
    tagSets.withBytes(id) { bytes in
      let words = UnsafeRawBufferPointer(bytes)
      return (0..<words.count / 8).map { index in
        (
          words.loadUnaligned(fromByteOffset: index * 8, as: UInt32.self),
          words.loadUnaligned(fromByteOffset: index * 8 + 4, as: UInt32.self)
        )
      }
    }
  }
}

/// Gives the interned values that cells use new, dense indexes in order of first use.
private struct Renumbering {
  private var map: [UInt32]
  /// The interned IDs used, by new index.
  private(set) var used: [UInt32] = []

  init(valueCount: Int) {
    map = [UInt32](repeating: .max, count: valueCount)
  }

  @inline(__always)
  mutating func number(_ id: UInt32) -> UInt32 {
    let known = map[Int(id)]
    if known != .max { return known }
    let index = UInt32(used.count)
    map[Int(id)] = index
    used.append(id)
    return index
  }
}

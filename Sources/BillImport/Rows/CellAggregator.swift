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

  // MARK: - Handing over

  /// The cells, with only the values (and tag sets) they use, every tag set made canonical.
  ///
  /// Values read but used by no cell (a raw JSON tags field, a product field) are left out.
  func makeCells() -> CompactCube {
    var numbering = Renumbering(valueCount: values.count)
    var canonical = CanonicalTagSets(emptyValue: emptyValue)
    var tagMap = [UInt32](repeating: .max, count: tagSets.count)
    var renumbered: [CompactCube.Key] = []
    renumbered.reserveCapacity(keys.count)
    for key in keys {
      var tags = tagMap[Int(key.tags)]
      if tags == .max {
        tags = canonical.index(of: rawTagPairs(key.tags), values: values, numbering: &numbering)
        tagMap[Int(key.tags)] = tags
      }
      renumbered.append(
        CompactCube.Key(
          day: key.day, period: key.period, payer: numbering.number(key.payer),
          account: numbering.number(key.account), service: numbering.number(key.service),
          usageType: numbering.number(key.usageType), operation: numbering.number(key.operation),
          region: numbering.number(key.region), resource: numbering.number(key.resource),
          lineItemType: numbering.number(key.lineItemType), currency: numbering.number(key.currency),
          tags: tags))
    }
    let labels = numbering.used.map { values.string($0) }
    return CompactCube(labels: labels, tagSets: canonical.sets, keys: renumbered, costs: costs)
  }

  /// Hands over the cells summed so far and starts again from none (interned values stay).
  mutating func takeCells() -> CompactCube {
    let cells = makeCells()
    cellIndex.removeAll(keepingCapacity: true)
    keys.removeAll(keepingCapacity: true)
    costs.removeAll(keepingCapacity: true)
    return cells
  }

  /// A raw tag set's (key ID, value ID) pairs in the order they were read.
  private func rawTagPairs(_ id: UInt32) -> [(key: UInt32, value: UInt32)] {
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

/// Tag sets made canonical like `Tags` (one value per key, the later wins; no empty value; sorted
/// by key text in `Tags.keyPrecedes` order) and numbered, equal canonical sets once.
private struct CanonicalTagSets {
  let emptyValue: UInt32
  /// The canonical sets in new label indexes; 0 is the empty set.
  private(set) var sets: [[CompactCube.TagPair]] = [[]]
  private var index: [PairIDs: UInt32] = [PairIDs(ids: []): 0]
  private var keyTexts: [UInt32: String] = [:]

  init(emptyValue: UInt32) { self.emptyValue = emptyValue }

  /// The index of the canonical form of `pairs` (interned ids, in the order read).
  mutating func index(
    of pairs: [(key: UInt32, value: UInt32)], values: ByteInterner, numbering: inout Renumbering
  ) -> UInt32 {
    var kept: [(key: UInt32, value: UInt32)] = []
    kept.reserveCapacity(pairs.count)
    var sorted = true
    for (key, value) in pairs where value != emptyValue {
      if let position = kept.firstIndex(where: { $0.key == key }) {
        kept[position].value = value
        sorted = false
      } else {
        if let last = kept.last, !Tags.keyPrecedes(text(last.key, values), text(key, values)) {
          sorted = false
        }
        kept.append((key, value))
      }
    }
    if !sorted { kept.sort { Tags.keyPrecedes(text($0.key, values), text($1.key, values)) } }
    let signature = PairIDs(ids: kept.flatMap { [$0.key, $0.value] })
    if let known = index[signature] { return known }
    let new = UInt32(sets.count)
    index[signature] = new
    sets.append(kept.map { CompactCube.TagPair(key: numbering.number($0.key), value: numbering.number($0.value)) })
    return new
  }

  private mutating func text(_ key: UInt32, _ values: ByteInterner) -> String {
    if let known = keyTexts[key] { return known }
    let text = values.string(key)
    keyTexts[key] = text
    return text
  }
}

/// Interned ids hashed as one folded word.
private struct PairIDs: Hashable {
  var ids: [UInt32]

  func hash(into hasher: inout Hasher) {
    var word: UInt64 = 0x9E37_79B9_7F4A_7C15
    for id in ids { word = (word ^ UInt64(id)) &* 0xFF51_AFD7_ED55_8CCD ^ (word >> 29) }
    hasher.combine(word)
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

extension CompactCube {
  /// Collects the cells of several compact cubes into one, numbering each distinct label and tag
  /// set once across all of them.
  ///
  ///     var merger = CompactCube.Merger()
  ///     for file in files { merger.add(file.cells) }
  ///     let cells = merger.cells
  ///
  /// Cells are appended, not summed: a key may appear once per cube added (whoever reads the cells
  /// sums equal keys, as `rollup` and `cube()` do), so merging costs one array append per cell.
  public struct Merger: Sendable {
    private var numbering = LabelNumbering()
    private var tagIndex: [[TagPair]: UInt32] = [[]: 0]
    private var tagSets: [[TagPair]] = [[]]
    private var keys: [Key] = []
    private var costs: [Costs] = []

    /// An empty merger.
    public init() {}

    /// Appends the cells of `other`, its labels and tag sets renumbered into the merged ones.
    public mutating func add(_ other: CompactCube) {
      let labelMap = other.labels.map { numbering.number($0) }
      let tagMap = other.tagSets.map { set -> UInt32 in
        let renumbered = set.map { TagPair(key: labelMap[Int($0.key)], value: labelMap[Int($0.value)]) }
        if let known = tagIndex[renumbered] { return known }
        let index = UInt32(tagSets.count)
        tagSets.append(renumbered)
        tagIndex[renumbered] = index
        return index
      }
      keys.reserveCapacity(keys.count + other.keys.count)
      for key in other.keys {
        keys.append(
          Key(
            day: key.day, period: key.period, payer: labelMap[Int(key.payer)],
            account: labelMap[Int(key.account)],
            service: labelMap[Int(key.service)], usageType: labelMap[Int(key.usageType)],
            operation: labelMap[Int(key.operation)], region: labelMap[Int(key.region)],
            resource: labelMap[Int(key.resource)], lineItemType: labelMap[Int(key.lineItemType)],
            currency: labelMap[Int(key.currency)], tags: tagMap[Int(key.tags)]))
      }
      costs.append(contentsOf: other.costs)
    }

    /// The cells added so far.
    public var cells: CompactCube {
      CompactCube(labels: numbering.labels, tagSets: tagSets, keys: keys, costs: costs)
    }
  }
}

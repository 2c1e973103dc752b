extension CompactCube {
  /// Sums the cells by `dimensions` on `basis` over the cells that pass `filter`: the same rows, in
  /// the same order, as `cube().rollup(by:basis:filter:)`, without making a string key per cell.
  ///
  /// Each group is keyed by a `Key` that keeps only the asked dimensions (label indexes, the tags
  /// asked as one index), so a group costs a few dozen bytes; groups are ordered by each label's
  /// rank among the texts, and a group's texts are made once, for its output row.
  ///
  /// - Throws: `RollupError.mixedCurrencies` when currencies would be added together.
  public func rollup(
    by dimensions: [Dimension], basis: CostBasis = .unblended, filter: CubeFilter = .all
  ) throws(RollupError) -> Rollup {
    let rows = try grouped(by: dimensions, basis: basis, filter: filter)
    return Rollup(dimensions: dimensions, basis: basis, rows: Array(rows))
  }

  /// The rows of `rollup(by:basis:filter:)` as a collection that makes each row's texts only when
  /// the row is read, so a large rollup can be written out without holding every row's strings.
  ///
  /// - Throws: `RollupError.mixedCurrencies` when currencies would be added together.
  public func grouped(
    by dimensions: [Dimension], basis: CostBasis = .unblended, filter: CubeFilter = .all
  ) throws(RollupError) -> GroupedRows {
    let texts = LabelTexts(labels)
    let projection = GroupProjection(dimensions: dimensions, cells: self, texts: texts)
    let matcher = CompactFilter(filter, cells: self)
    var groupIndex: [Key: Int] = [:]
    var groups: [Key] = []
    var sums: [Money] = []
    var currencies: Set<UInt32> = []
    for position in keys.indices where matcher.matches(keys[position]) {
      let key = keys[position]
      currencies.insert(texts.canonical[Int(key.currency)])
      let group = projection.group(of: key)
      let cost = costs[position][basis]
      if let at = groupIndex[group] {
        sums[at] += cost
      } else {
        groupIndex[group] = groups.count
        groups.append(group)
        sums.append(cost)
      }
    }
    groupIndex = [:]
    if currencies.count > 1 && !dimensions.contains(.currency) {
      throw .mixedCurrencies(currencies.map { labels[Int($0)] }.sorted())
    }
    let order = GroupOrder(fields: projection.fields, groups: groups, projection: projection, texts: texts)
    return GroupedRows(
      order: order.sortedIndexes().map { UInt32($0) }, groups: groups, sums: sums, projection: projection,
      labels: labels)
  }

  /// The currencies of the cells that pass `filter`, sorted (as `cube().filtered(filter).currencies`).
  public func currencies(passing filter: CubeFilter = .all) -> [String] {
    let texts = LabelTexts(labels)
    let matcher = CompactFilter(filter, cells: self)
    var seen: Set<UInt32> = []
    for key in keys where matcher.matches(key) { seen.insert(texts.canonical[Int(key.currency)]) }
    return seen.map { labels[Int($0)] }.sorted()
  }
}

/// The labels' texts compared once: equal texts share one canonical index, and every label has a
/// rank in text order (`""` ranks 0, as does an absent tag).
struct LabelTexts {
  /// For each label, the first label with an equal text.
  let canonical: [UInt32]
  /// For each label, its position among the distinct texts in ascending order.
  let rank: [UInt32]

  init(_ labels: [String]) {
    var first: [String: UInt32] = [:]
    first.reserveCapacity(labels.count)
    var canonical: [UInt32] = []
    canonical.reserveCapacity(labels.count)
    for (index, label) in labels.enumerated() {
      if let known = first[label] {
        canonical.append(known)
      } else {
        first[label] = UInt32(index)
        canonical.append(UInt32(index))
      }
    }
    var rank = [UInt32](repeating: 0, count: labels.count)
    var current: UInt32 = 0
    var previous: String?
    for index in labels.indices.sorted(by: { labels[$0] < labels[$1] }) where !labels[index].isEmpty {
      if previous != labels[index] {
        current += 1
        previous = labels[index]
      }
      rank[index] = current
    }
    self.canonical = canonical
    self.rank = rank
  }
}

/// The groups of a compact rollup in output order; each `RollupRow` is made when it is read.
public struct GroupedRows: RandomAccessCollection, Sendable {
  private let order: [UInt32]
  private let groups: [CompactCube.Key]
  private let sums: [Money]
  private let projection: GroupProjection
  private let labels: [String]

  init(
    order: [UInt32], groups: [CompactCube.Key], sums: [Money], projection: GroupProjection, labels: [String]
  ) {
    self.order = order
    self.groups = groups
    self.sums = sums
    self.projection = projection
    self.labels = labels
  }

  /// The first position, 0.
  public var startIndex: Int { 0 }
  /// The number of groups.
  public var endIndex: Int { order.count }

  /// The row at `position` in output order.
  public subscript(position: Int) -> RollupRow {
    let group = Int(order[position])
    return RollupRow(values: projection.values(of: groups[group], labels: labels), cost: sums[group])
  }

  /// The sum over all groups.
  public var total: Money { sums.reduce(.zero, +) }
}

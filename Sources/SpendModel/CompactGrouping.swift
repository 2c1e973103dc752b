/// One column of a compact rollup: a field of `CompactCube.Key`, or a tag asked for (by slot).
enum GroupField: Equatable, Sendable {
  case day, month, payer, account, service, usageType, operation, region, resource, lineItemType, currency
  /// The tag at this position among the distinct tag keys asked for.
  case tag(Int)

  /// The field for a dimension other than a tag.
  init?(_ dimension: Dimension) {
    switch dimension {
    case .day: self = .day
    case .month: self = .month
    case .payerAccount: self = .payer
    case .account: self = .account
    case .service: self = .service
    case .usageType: self = .usageType
    case .operation: self = .operation
    case .region: self = .region
    case .resource: self = .resource
    case .lineItemType: self = .lineItemType
    case .currency: self = .currency
    case .tag: return nil
    }
  }

  /// A bit of its own for each field but tags (0).
  var bit: UInt16 {
    switch self {
    case .day: return 1 << 0
    case .month: return 1 << 1
    case .payer: return 1 << 2
    case .account: return 1 << 3
    case .service: return 1 << 4
    case .usageType: return 1 << 5
    case .operation: return 1 << 6
    case .region: return 1 << 7
    case .resource: return 1 << 8
    case .lineItemType: return 1 << 9
    case .currency: return 1 << 10
    case .tag: return 0
    }
  }

  /// The label index this field holds in `key`, or nil for day, month and tags.
  func label(in key: CompactCube.Key) -> UInt32? {
    switch self {
    case .payer: return key.payer
    case .account: return key.account
    case .service: return key.service
    case .usageType: return key.usageType
    case .operation: return key.operation
    case .region: return key.region
    case .resource: return key.resource
    case .lineItemType: return key.lineItemType
    case .currency: return key.currency
    case .day, .month, .tag: return nil
    }
  }
}

/// Turns a cell's key into its group's key: the dimensions asked for kept (labels as canonical
/// indexes, the month of the day in `period`, the asked tags' values as one index in `tags`), every
/// other field zero.
struct GroupProjection: Sendable {
  /// The rollup's columns, in the order asked.
  let fields: [GroupField]
  /// For each tag tuple (a group key's `tags`), the canonical value label of each asked tag, or
  /// `UInt32.max` when the cell has no such tag.
  let tagTuples: [[UInt32]]
  private let canonical: [UInt32]
  /// The plain fields asked for, as `GroupField.bit`s.
  private let kept: UInt16
  /// For each of the cells' tag sets, its tag tuple.
  private let tagTuple: [UInt32]

  init(dimensions: [Dimension], cells: CompactCube, texts: LabelTexts) {
    var tagKeys: [String] = []
    var fields: [GroupField] = []
    for dimension in dimensions {
      if let field = GroupField(dimension) {
        fields.append(field)
      } else if case .tag(let key) = dimension {
        if let slot = tagKeys.firstIndex(of: key) {
          fields.append(.tag(slot))
        } else {
          fields.append(.tag(tagKeys.count))
          tagKeys.append(key)
        }
      }
    }
    self.fields = fields
    kept = fields.reduce(0) { $0 | $1.bit }
    canonical = texts.canonical
    (tagTuple, tagTuples) = GroupProjection.tagTuples(tagKeys, cells: cells, canonical: texts.canonical)
  }

  /// Numbers the distinct tuples of asked tag values over the cells' tag sets.
  private static func tagTuples(
    _ tagKeys: [String], cells: CompactCube, canonical: [UInt32]
  ) -> (perSet: [UInt32], tuples: [[UInt32]]) {
    guard !tagKeys.isEmpty else { return ([UInt32](repeating: 0, count: cells.tagSets.count), [[]]) }
    var slotOfLabel: [UInt32: Int] = [:]
    for (index, label) in cells.labels.enumerated() {
      if let slot = tagKeys.firstIndex(of: label) { slotOfLabel[UInt32(index)] = slot }
    }
    var index: [[UInt32]: UInt32] = [:]
    var tuples: [[UInt32]] = []
    let perSet = cells.tagSets.map { set -> UInt32 in
      var tuple = [UInt32](repeating: .max, count: tagKeys.count)
      for pair in set {
        if let slot = slotOfLabel[pair.key], tuple[slot] == .max { tuple[slot] = canonical[Int(pair.value)] }
      }
      if let known = index[tuple] { return known }
      let new = UInt32(tuples.count)
      index[tuple] = new
      tuples.append(tuple)
      return new
    }
    return (perSet, tuples)
  }

  /// The key of the group `key` falls in.
  @inline(__always)
  func group(of key: CompactCube.Key) -> CompactCube.Key {
    CompactCube.Key(
      day: kept & GroupField.day.bit != 0 ? key.day : 0,
      period: kept & GroupField.month.bit != 0 ? Day(ordinal: key.day).month.index : 0,
      payer: label(.payer, key.payer), account: label(.account, key.account),
      service: label(.service, key.service), usageType: label(.usageType, key.usageType),
      operation: label(.operation, key.operation), region: label(.region, key.region),
      resource: label(.resource, key.resource), lineItemType: label(.lineItemType, key.lineItemType),
      currency: label(.currency, key.currency), tags: tagTuple[Int(key.tags)])
  }

  @inline(__always)
  private func label(_ field: GroupField, _ index: UInt32) -> UInt32 {
    kept & field.bit != 0 ? canonical[Int(index)] : 0
  }

  /// The texts of a group's columns, in the order asked.
  func values(of group: CompactCube.Key, labels: [String]) -> [String] {
    fields.map { field in
      switch field {
      case .day: return Day(ordinal: group.day).description
      case .month: return Month(index: group.period).description
      case .tag(let slot):
        let value = tagTuples[Int(group.tags)][slot]
        return value == .max ? "" : labels[Int(value)]
      default: return field.label(in: group).map { labels[Int($0)] } ?? ""
      }
    }
  }
}

/// Orders groups as `Cube.rollup` does (by their column texts), comparing ranks instead of texts.
struct GroupOrder {
  private let fields: [GroupField]
  private let groups: [CompactCube.Key]
  private let tagTuples: [[UInt32]]
  private let labelRank: [UInt32]
  /// Each group's day (or month) rank among the distinct day (month) texts; empty when not asked.
  private let dayRanks: [UInt32]
  private let monthRanks: [UInt32]

  init(fields: [GroupField], groups: [CompactCube.Key], projection: GroupProjection, texts: LabelTexts) {
    self.fields = fields
    self.groups = groups
    tagTuples = projection.tagTuples
    labelRank = texts.rank
    dayRanks =
      fields.contains(.day) ? GroupOrder.textRanks(groups.map(\.day)) { Day(ordinal: $0).description } : []
    monthRanks =
      fields.contains(.month) ? GroupOrder.textRanks(groups.map(\.period)) { Month(index: $0).description } : []
  }

  /// The ranks of values among their distinct texts.
  private static func textRanks(_ values: [Int32], text: (Int32) -> String) -> [UInt32] {
    let distinct = Array(Set(values))
    let sorted = distinct.map { (value: $0, text: text($0)) }.sorted { $0.text < $1.text }
    var rank: [Int32: UInt32] = [:]
    for (position, entry) in sorted.enumerated() { rank[entry.value] = UInt32(position) }
    return values.map { rank[$0] ?? 0 }
  }

  /// The group indexes in output order.
  func sortedIndexes() -> [Int] {
    groups.indices.sorted { lhs, rhs in
      for field in fields {
        let left = rank(field, lhs)
        let right = rank(field, rhs)
        if left != right { return left < right }
      }
      return false
    }
  }

  @inline(__always)
  private func rank(_ field: GroupField, _ index: Int) -> UInt32 {
    switch field {
    case .day: return dayRanks[index]
    case .month: return monthRanks[index]
    case .tag(let slot):
      let value = tagTuples[Int(groups[index].tags)][slot]
      return value == .max ? 0 : labelRank[Int(value)]
    default: return field.label(in: groups[index]).map { labelRank[Int($0)] } ?? 0
    }
  }
}

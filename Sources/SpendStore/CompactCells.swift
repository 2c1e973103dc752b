import SpendModel

/// A cube with its labels numbered: what an import keeps of each file until the batch is stored.
///
/// Each distinct label is held once, so a cell costs its costs and a few integers instead of a cube
/// key's strings, and the store turns each distinct label into its id once, not once per cell.
public struct CompactCells: Sendable {
  /// One cell's key: a day and indexes into `labels` (and `tagSets` for its tags).
  struct Key: Sendable {
    var day: Day
    var month: Month
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

  /// A payer index and month: a billing period before its payer is looked up.
  struct PeriodKey: Hashable {
    var payer: UInt32
    var month: Month
  }

  /// The distinct labels of the cells' keys.
  private(set) var labels: [String] = []
  /// The distinct tag sets of the cells' keys.
  private(set) var tagSets: [Tags] = []
  /// The cells' keys, in the cube's order.
  private(set) var keys: [Key] = []
  /// The cells' costs, parallel to `keys`.
  private(set) var costs: [Costs] = []

  /// Numbers the labels of `cube`'s cells.
  public init(_ cube: Cube) {
    var labelIndex: [String: UInt32] = [:]
    var tagIndex: [Tags: UInt32] = [:]
    var labels: [String] = []
    var tagSets: [Tags] = []
    func number(_ text: String) -> UInt32 {
      if let index = labelIndex[text] { return index }
      let index = UInt32(labels.count)
      labels.append(text)
      labelIndex[text] = index
      return index
    }
    keys.reserveCapacity(cube.count)
    costs.reserveCapacity(cube.count)
    for row in cube.rows {
      let key = row.key
      let tags: UInt32
      if let index = tagIndex[key.tags] {
        tags = index
      } else {
        tags = UInt32(tagSets.count)
        tagSets.append(key.tags)
        tagIndex[key.tags] = tags
      }
      keys.append(
        Key(
          day: key.day, month: key.billingPeriod, payer: number(key.payerAccount), account: number(key.account),
          service: number(key.service), usageType: number(key.usageType), operation: number(key.operation),
          region: number(key.region), resource: number(key.resource), lineItemType: number(key.lineItemType),
          currency: number(key.currency), tags: tags))
      costs.append(row.costs)
    }
    self.labels = labels
    self.tagSets = tagSets
  }

  /// The number of cells.
  public var count: Int { keys.count }

  /// The billing periods (payer × month) of the cells.
  public var periods: Set<BillingPeriod> {
    var seen: Set<PeriodKey> = []
    for key in keys { seen.insert(PeriodKey(payer: key.payer, month: key.month)) }
    return Set(seen.map { BillingPeriod(payer: labels[Int($0.payer)], month: $0.month) })
  }
}

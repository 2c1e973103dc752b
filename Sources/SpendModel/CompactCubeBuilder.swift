/// Collects cells with string keys into a `CompactCube`, numbering each distinct text once.
///
/// Readers of already-summed cells (a cube CSV) fill one builder per chunk and hand it over with
/// `take()`, so that memory holds one chunk's cells at a time. Equal keys are kept as separate
/// cells; whoever reads the `CompactCube` sums them.
public struct CompactCubeBuilder: Sendable {
  private var numbering = LabelNumbering()
  private var tagIndex: [Tags: UInt32] = [Tags(): 0]
  private var tagSets: [[CompactCube.TagPair]] = [[]]
  private var keys: [CompactCube.Key] = []
  private var costs: [Costs] = []

  /// Creates an empty builder with room for `capacity` cells.
  public init(capacity: Int = 0) {
    keys.reserveCapacity(capacity)
    costs.reserveCapacity(capacity)
  }

  /// The number of cells added since the last `take()`.
  public var count: Int { keys.count }

  /// Adds one cell.
  public mutating func add(_ amount: Costs, at key: CubeKey) {
    let tags: UInt32
    if let index = tagIndex[key.tags] {
      tags = index
    } else {
      tags = UInt32(tagSets.count)
      tagSets.append(
        key.tags.map {
          CompactCube.TagPair(key: numbering.number($0.key), value: numbering.number($0.value))
        })
      tagIndex[key.tags] = tags
    }
    keys.append(
      CompactCube.Key(
        day: key.day.ordinal, period: key.billingPeriod.index, payer: numbering.number(key.payerAccount),
        account: numbering.number(key.account), service: numbering.number(key.service),
        usageType: numbering.number(key.usageType), operation: numbering.number(key.operation),
        region: numbering.number(key.region), resource: numbering.number(key.resource),
        lineItemType: numbering.number(key.lineItemType), currency: numbering.number(key.currency),
        tags: tags))
    costs.append(amount)
  }

  /// Hands over the cells added so far and starts again from none.
  public mutating func take() -> CompactCube {
    let cells = CompactCube(labels: numbering.labels, tagSets: tagSets, keys: keys, costs: costs)
    self = CompactCubeBuilder(capacity: keys.count)
    return cells
  }
}

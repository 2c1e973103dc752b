/// A cube whose labels are numbered: each distinct text once, each cell's key as small integers.
///
/// The importer sums line items straight into it (its hot loop hashes integers, not strings) and
/// the store turns each distinct label and tag set into a store id once, not once per cell. A
/// `Cube` with string keys is made from it only for the commands that want one (`cube()`).
///
/// Tag sets are canonical: sorted by key text (`Tags.keyPrecedes`), one value per key, no empty
/// value, as `Tags`.
/// Two keys may be equal (a file that repeats a cell under differently spelled tag columns);
/// whoever reads the cells sums equal keys, as `Cube.add` does.
public struct CompactCube: Sendable {
  /// One cell's key: day, billing period and indexes into `labels` (and `tagSets` for its tags).
  public struct Key: Hashable, Sendable {
    /// The day's ordinal (`Day.ordinal`).
    public var day: Int32
    /// The billing period as months since year 0 (`Month.index`).
    public var period: Int32
    /// The payer account's index into `labels`.
    public var payer: UInt32
    /// The usage account's index into `labels`.
    public var account: UInt32
    /// The service's index into `labels`.
    public var service: UInt32
    /// The usage type's index into `labels`.
    public var usageType: UInt32
    /// The operation's index into `labels`.
    public var operation: UInt32
    /// The region's index into `labels`.
    public var region: UInt32
    /// The resource's index into `labels`.
    public var resource: UInt32
    /// The line item type's index into `labels`.
    public var lineItemType: UInt32
    /// The currency's index into `labels`.
    public var currency: UInt32
    /// An index into `tagSets`.
    public var tags: UInt32

    /// Creates a key from its parts.
    public init(
      day: Int32, period: Int32, payer: UInt32, account: UInt32, service: UInt32, usageType: UInt32,
      operation: UInt32, region: UInt32, resource: UInt32, lineItemType: UInt32, currency: UInt32, tags: UInt32
    ) {
      self.day = day
      self.period = period
      self.payer = payer
      self.account = account
      self.service = service
      self.usageType = usageType
      self.operation = operation
      self.region = region
      self.resource = resource
      self.lineItemType = lineItemType
      self.currency = currency
      self.tags = tags
    }

    /// The billing period as a month.
    public var month: Month { Month(index: period) }
  }

  /// One tag of a tag set, as label indexes.
  public struct TagPair: Hashable, Sendable {
    /// The tag key's index into `labels`.
    public var key: UInt32
    /// The tag value's index into `labels`.
    public var value: UInt32

    /// Creates a pair.
    public init(key: UInt32, value: UInt32) {
      self.key = key
      self.value = value
    }
  }

  /// The distinct texts of the keys (dimension values, tag keys and values).
  public private(set) var labels: [String]
  /// The distinct tag sets; index 0 is the empty set.
  public private(set) var tagSets: [[TagPair]]
  /// The cells' keys.
  public private(set) var keys: [Key]
  /// The cells' costs, parallel to `keys`.
  public private(set) var costs: [Costs]

  /// Creates cells from numbered parts; `tagSets` must be canonical and start with the empty set.
  public init(labels: [String], tagSets: [[TagPair]], keys: [Key], costs: [Costs]) {
    precondition(keys.count == costs.count, "one cost per key")
    self.labels = labels
    self.tagSets = tagSets.isEmpty ? [[]] : tagSets
    self.keys = keys
    self.costs = costs
  }

  /// Numbers the labels of a cube's cells.
  public init(_ cube: Cube) {
    var builder = CompactCubeBuilder(capacity: cube.count)
    for row in cube.rows { builder.add(row.costs, at: row.key) }
    self = builder.take()
  }

  // MARK: - Reading

  /// The number of cells.
  public var count: Int { keys.count }

  /// A tag set as `Tags`.
  public func tags(_ index: UInt32) -> Tags {
    Tags(tagSets[Int(index)].map { (labels[Int($0.key)], labels[Int($0.value)]) })
  }

  /// The cells as a cube with string keys (equal keys summed).
  public func cube() -> Cube {
    let tags = tagSets.indices.map { self.tags(UInt32($0)) }
    var cube = Cube()
    for (key, amount) in zip(keys, costs) {
      let cubeKey = CubeKey(
        day: Day(ordinal: key.day), billingPeriod: key.month, payerAccount: labels[Int(key.payer)],
        account: labels[Int(key.account)], service: labels[Int(key.service)],
        usageType: labels[Int(key.usageType)], operation: labels[Int(key.operation)],
        region: labels[Int(key.region)], resource: labels[Int(key.resource)],
        lineItemType: labels[Int(key.lineItemType)], currency: labels[Int(key.currency)],
        tags: tags[Int(key.tags)])
      cube.add(amount, at: cubeKey)
    }
    return cube
  }

  /// The billing periods of the cells as (payer, month), sorted.
  public var periods: [(payer: String, month: Month)] {
    var seen: Set<PeriodKey> = []
    for key in keys { seen.insert(PeriodKey(payer: key.payer, period: key.period)) }
    return seen.map { (payer: labels[Int($0.payer)], month: Month(index: $0.period)) }
      .sorted { ($0.payer, $0.month) < ($1.payer, $1.month) }
  }

  /// Every basis summed by line item type and currency, keyed by text.
  public var totalsByLineItemTypeAndCurrency: [LineItemCurrency: Costs] {
    var sums: [UInt64: Costs] = [:]
    for (key, amount) in zip(keys, costs) {
      sums[UInt64(key.lineItemType) << 32 | UInt64(key.currency), default: .zero] += amount
    }
    var result: [LineItemCurrency: Costs] = [:]
    for (pair, amount) in sums {
      let key = LineItemCurrency(
        lineItemType: labels[Int(pair >> 32)], currency: labels[Int(pair & 0xFFFF_FFFF)])
      result[key, default: .zero] += amount
    }
    return result
  }

  /// The first and last day with a cell, or nil when there is none.
  public var dayRange: ClosedRange<Day>? {
    guard var low = keys.first?.day else { return nil }
    var high = low
    for key in keys {
      low = min(low, key.day)
      high = max(high, key.day)
    }
    return Day(ordinal: low)...Day(ordinal: high)
  }

  /// A payer index and billing period.
  private struct PeriodKey: Hashable {
    var payer: UInt32
    var period: Int32
  }
}

/// A line item type in one currency.
public struct LineItemCurrency: Hashable, Sendable {
  /// The line item type.
  public var lineItemType: String
  /// The currency code.
  public var currency: String

  /// Creates a pair.
  public init(lineItemType: String, currency: String) {
    self.lineItemType = lineItemType
    self.currency = currency
  }
}

/// Gives each distinct text an index, in order of first use.
struct LabelNumbering {
  private(set) var labels: [String] = []
  private var index: [String: UInt32] = [:]

  mutating func number(_ text: String) -> UInt32 {
    if let known = index[text] { return known }
    let new = UInt32(labels.count)
    labels.append(text)
    index[text] = new
    return new
  }
}

extension Month {
  /// The month as months since year 0 (`year × 12 + month − 1`), for compact keys.
  public var index: Int32 { Int32(year * 12 + month - 1) }

  /// The month `index` months after January of year 0.
  public init(index: Int32) {
    self.init(year: Int(index / 12), month: Int(index % 12) + 1)
  }
}

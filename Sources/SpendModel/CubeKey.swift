/// The finest grain of the cost cube: one day of one resource's usage type in one account,
/// region, line item type and currency, within one billing period.
///
/// Every field is a string as the export wrote it (account IDs keep their leading zeros); an
/// absent value is `""`. `service` is the AWS product code where the format has one
/// (`AmazonEC2`), else the service name.
public struct CubeKey: Hashable, Sendable {
  /// The UTC day the usage started.
  public var day: Day
  /// The billing period (month) the line belongs to, as the export states it.
  public var billingPeriod: Month
  /// The payer (management / billing) account.
  public var payerAccount: String
  /// The usage (linked / sub-) account.
  public var account: String
  /// The service: product code where available.
  public var service: String
  /// The usage type (`USE1-BoxUsage:m6i.large`).
  public var usageType: String
  /// The operation (`RunInstances`).
  public var operation: String
  /// The region code (`us-east-1`), `""` for global charges.
  public var region: String
  /// The resource ID or ARN, `""` when the export has none.
  public var resource: String
  /// The line item type (`Usage`, `Tax`, `Credit`, …) or FOCUS charge category, verbatim.
  public var lineItemType: String
  /// The ISO currency code (`USD`).
  public var currency: String
  /// User and AWS tags, sorted by key (`Tags.keyPrecedes`); only tags with a value.
  public var tags: Tags

  /// Creates a key.
  public init(
    day: Day, billingPeriod: Month, payerAccount: String, account: String, service: String,
    usageType: String, operation: String, region: String, resource: String, lineItemType: String,
    currency: String, tags: Tags = Tags()
  ) {
    self.day = day
    self.billingPeriod = billingPeriod
    self.payerAccount = payerAccount
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

  /// The kind of charge, from the line item type.
  public var chargeKind: ChargeKind { ChargeKind(lineItemType: lineItemType) }
}

/// Resource tags as sorted key–value pairs (cheap to hash and compare).
public struct Tags: Hashable, Sendable, Sequence {
  /// The pairs, sorted by key (`keyPrecedes`); keys are unique.
  public private(set) var pairs: [(key: String, value: String)]

  /// Creates tags from pairs in any order; later duplicates of a key win; empty values are dropped.
  public init(_ pairs: [(String, String)] = []) {
    var byKey: [String: String] = [:]
    for (key, value) in pairs where !value.isEmpty { byKey[key] = value }
    self.pairs = byKey.sorted { Tags.keyPrecedes($0.key, $1.key) }.map { (key: $0.key, value: $0.value) }
  }

  /// The order of keys in a tag set: the byte order of their UTF-8, as SQLite sorts text.
  ///
  /// Not Swift's `<`, which compares canonical equivalents: a key that is not NFC ("e\u{301}b")
  /// would sort after "\u{e9}a" here and before it in the store's SQL. The same for ASCII keys.
  public static func keyPrecedes(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
  }

  /// The value of a tag, or nil.
  public subscript(key: String) -> String? { pairs.first { $0.key == key }?.value }

  /// Whether there are no tags.
  public var isEmpty: Bool { pairs.isEmpty }

  public func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { pairs.makeIterator() }

  public static func == (lhs: Tags, rhs: Tags) -> Bool {
    lhs.pairs.count == rhs.pairs.count
      && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(pairs.count)
    for pair in pairs {
      hasher.combine(pair.key)
      hasher.combine(pair.value)
    }
  }
}

/// One cell of the cube: a key and its costs on every basis.
public struct CubeRow: Hashable, Sendable {
  /// Where the cost belongs.
  public var key: CubeKey
  /// What it cost.
  public var costs: Costs

  /// Creates a row.
  public init(key: CubeKey, costs: Costs) {
    self.key = key
    self.costs = costs
  }
}

/// A dimension a cube can be grouped or filtered by.
public enum Dimension: Hashable, Sendable, CustomStringConvertible {
  case day
  case month
  case payerAccount
  case account
  case service
  case usageType
  case operation
  case region
  case resource
  case lineItemType
  case currency
  /// A tag by key (`tag:team`); untagged cells group under `""`.
  case tag(String)

  /// The dimensions that take no argument, in the order the CLI lists them.
  public static let plain: [Dimension] = [
    .day, .month, .payerAccount, .account, .service, .usageType, .operation, .region, .resource,
    .lineItemType, .currency,
  ]

  /// Parses a dimension name as the CLI accepts it: `usage-type` or `usage_type`, `tag:KEY`.
  public init?(name: String) {
    if name.lowercased().hasPrefix("tag:") {
      let key = String(name.dropFirst(4))
      guard !key.isEmpty else { return nil }
      self = .tag(key)
      return
    }
    let normalized = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
    guard let match = Dimension.plain.first(where: { $0.name == normalized }) else { return nil }
    self = match
  }

  /// The canonical name (`usage-type`, `tag:team`).
  public var name: String {
    switch self {
    case .day: return "day"
    case .month: return "month"
    case .payerAccount: return "payer"
    case .account: return "account"
    case .service: return "service"
    case .usageType: return "usage-type"
    case .operation: return "operation"
    case .region: return "region"
    case .resource: return "resource"
    case .lineItemType: return "line-item-type"
    case .currency: return "currency"
    case .tag(let key): return "tag:" + key
    }
  }

  public var description: String { name }

  /// The value of this dimension in a cube key, as text (`day` as `YYYY-MM-DD`).
  public func value(of key: CubeKey) -> String {
    switch self {
    case .day: return key.day.description
    case .month: return key.day.month.description
    case .payerAccount: return key.payerAccount
    case .account: return key.account
    case .service: return key.service
    case .usageType: return key.usageType
    case .operation: return key.operation
    case .region: return key.region
    case .resource: return key.resource
    case .lineItemType: return key.lineItemType
    case .currency: return key.currency
    case .tag(let tagKey): return key.tags[tagKey] ?? ""
    }
  }
}

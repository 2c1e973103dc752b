/// Which source column feeds each part of a cube cell: the importer's `LineItemColumns`, by name.
/// Dimension lists are fallbacks in order: the first non-empty value wins.
struct LineMapping {
  /// The commitment columns the amortized CASE reads (formats.md §5); nil where the source lacks one.
  struct Commitments {
    var savingsPlanEffectiveCost: String?
    var netSavingsPlanEffectiveCost: String?
    var totalCommitmentToDate: String?
    var usedCommitment: String?
    var reservationEffectiveCost: String?
    var netReservationEffectiveCost: String?
    var unusedAmortizedUpfrontFee: String?
    var netUnusedAmortizedUpfrontFee: String?
    var unusedRecurringFee: String?
    var netUnusedRecurringFee: String?
    var reservationARN: String?
  }

  /// How the format states amortized cost.
  enum Amortization {
    /// It does not: amortized is unblended.
    case none
    /// One column holds it (FOCUS `EffectiveCost`).
    case column(String)
    /// The CUR CASE over line item types.
    case curCase(Commitments)
  }

  /// Where tags come from.
  enum TagSource {
    /// None.
    case none
    /// One column per tag, with the key it holds (legacy CUR).
    case columns([(column: String, key: String)])
    /// A JSON object (FOCUS `Tags`, text) whose keys may carry `prefix`.
    case jsonText(column: String, prefix: String)
    /// A CUR 2.0 map column (`resource_tags`) whose keys may carry `prefix`.
    case map(column: String, prefix: String)
  }

  var day: String
  var billingPeriod: String?
  var payer: String?
  var account: String?
  var service: [String]
  var usageType: [String]
  var operation: [String]
  var region: [String]
  var resource: String?
  var lineItemType: String?
  var currency: String?
  var unblended: String
  var netUnblended: String?
  var amortization: Amortization
  var tags: TagSource
  /// CUR 2.0's `product` map (service and region fallbacks).
  var productMap: String?

  // MARK: - Making

  /// Maps a source's columns, or names the required ones it lacks.
  static func make(format: SQLBillFormat, columns: SourceColumns) throws(CubeSQLError) -> LineMapping {
    switch format {
    case .cur, .cur2: return try cur(format, columns)
    case .focus: return try focus(columns)
    }
  }

  private static func cur(_ format: SQLBillFormat, _ c: SourceColumns) throws(CubeSQLError) -> LineMapping {
    guard let day = c.name("lineItem/UsageStartDate"), let unblended = c.name("lineItem/UnblendedCost") else {
      let missing = ["line_item_usage_start_date", "line_item_unblended_cost"].filter { c.name($0) == nil }
      throw .missingColumns(format: format, names: missing)
    }
    let commitments = Commitments(
      savingsPlanEffectiveCost: c.name("savingsPlan/SavingsPlanEffectiveCost"),
      netSavingsPlanEffectiveCost: c.name("savingsPlan/NetSavingsPlanEffectiveCost"),
      totalCommitmentToDate: c.name("savingsPlan/TotalCommitmentToDate"),
      usedCommitment: c.name("savingsPlan/UsedCommitment"),
      reservationEffectiveCost: c.name("reservation/EffectiveCost"),
      netReservationEffectiveCost: c.name("reservation/NetEffectiveCost"),
      unusedAmortizedUpfrontFee: c.name("reservation/UnusedAmortizedUpfrontFeeForBillingPeriod"),
      netUnusedAmortizedUpfrontFee: c.name("reservation/NetUnusedAmortizedUpfrontFeeForBillingPeriod"),
      unusedRecurringFee: c.name("reservation/UnusedRecurringFee"),
      netUnusedRecurringFee: c.name("reservation/NetUnusedRecurringFee"),
      reservationARN: c.name("reservation/ReservationARN"))
    let cur2 = format == .cur2
    var tags = TagSource.columns(tagColumns(c))
    if cur2, let map = c.exact("resource_tags") { tags = .map(column: map, prefix: "user_") }
    return LineMapping(
      day: day, billingPeriod: c.name("bill/BillingPeriodStartDate"), payer: c.name("bill/PayerAccountId"),
      account: c.name("lineItem/UsageAccountId"),
      service: [c.name("lineItem/ProductCode"), c.name("product/ProductName")].compactMap { $0 },
      usageType: [c.name("lineItem/UsageType")].compactMap { $0 },
      operation: [c.name("lineItem/Operation")].compactMap { $0 },
      region: [c.name("product/regionCode"), c.name("product/region")].compactMap { $0 },
      resource: c.name("lineItem/ResourceId"), lineItemType: c.name("lineItem/LineItemType"),
      currency: c.name("lineItem/CurrencyCode"), unblended: unblended,
      netUnblended: c.name("lineItem/NetUnblendedCost"), amortization: .curCase(commitments), tags: tags,
      productMap: cur2 ? c.exact("product") : nil)
  }

  /// Legacy tag columns and their keys: `resourceTags/user:team` and `resource_tags_user_team` hold `team`.
  private static func tagColumns(_ c: SourceColumns) -> [(column: String, key: String)] {
    var found: [(column: String, key: String)] = []
    var keys: Set<String> = []
    for name in c.names {
      let lower = name.lowercased()
      var key: String
      if lower.hasPrefix("resourcetags/") {
        key = strip(String(name.dropFirst("resourceTags/".count)), "user:")
      } else if lower.hasPrefix("resource_tags_") {
        key = strip(String(name.dropFirst("resource_tags_".count)), "user_")
      } else {
        continue
      }
      // Two columns normalised to one key (`Name` vs `name` in Athena naming) keep the first.
      if keys.insert(key).inserted { found.append((name, key)) }
    }
    return found
  }

  private static func strip(_ key: String, _ prefix: String) -> String {
    key.lowercased().hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : key
  }

  private static func focus(_ c: SourceColumns) throws(CubeSQLError) -> LineMapping {
    guard let day = c.name("ChargePeriodStart"), let billed = c.name("BilledCost") else {
      let missing = ["ChargePeriodStart", "BilledCost"].filter { c.name($0) == nil }
      throw .missingColumns(format: .focus, names: missing)
    }
    return LineMapping(
      day: day, billingPeriod: c.name("BillingPeriodStart"), payer: c.name("BillingAccountId"),
      account: c.name("SubAccountId"),
      service: [c.name("x_ServiceCode"), c.name("ServiceName")].compactMap { $0 },
      usageType: [c.name("x_UsageType"), c.name("SkuMeter"), c.name("ChargeDescription")].compactMap { $0 },
      operation: [c.name("x_Operation")].compactMap { $0 }, region: [c.name("RegionId")].compactMap { $0 },
      resource: c.name("ResourceId"), lineItemType: c.name("ChargeCategory"),
      currency: c.name("BillingCurrency"),
      unblended: billed, netUnblended: nil,
      amortization: c.name("EffectiveCost").map { .column($0) } ?? .none,
      tags: c.name("Tags").map { .jsonText(column: $0, prefix: "user:") } ?? .none, productMap: nil)
  }
}

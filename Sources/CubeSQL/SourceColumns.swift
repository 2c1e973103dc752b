/// The columns a source has, found by name the way the importer finds them: case-insensitively
/// and in either CUR spelling (`lineItem/UnblendedCost` is `line_item_unblended_cost`).
public struct SourceColumns: Sendable {
  /// The names as the source spells them.
  public let names: [String]
  private var byKey: [String: String] = [:]

  /// Indexes names; when two share a key the first wins.
  public init(_ names: [String]) {
    self.names = names
    for name in names where byKey[SourceColumns.canonical(name)] == nil {
      byKey[SourceColumns.canonical(name)] = name
    }
  }

  /// The source's spelling of the first of `candidates` it has.
  func name(_ candidates: String...) -> String? {
    for candidate in candidates {
      if let found = byKey[SourceColumns.canonical(candidate)] { return found }
    }
    return nil
  }

  /// The source's spelling of a column matched by exact name, ignoring case (CUR 2.0 map columns).
  func exact(_ name: String) -> String? { names.first { $0.lowercased() == name.lowercased() } }

  /// Whether the names use the legacy CSV `category/Name` spelling.
  var isSlashNaming: Bool { names.contains { $0.contains("/") } }

  /// Lowercase letters and digits of a name (the importer's `HeaderIndex` key).
  static func canonical(_ name: String) -> String {
    String(
      String.UnicodeScalarView(
        name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
  }

  // MARK: - Defaults

  /// The columns assumed when the real list is not given: those every table of the format has
  /// (the Athena CUR integration with RIs, the fixed CUR 2.0 schema, FOCUS 1.0 with AWS columns).
  public static func assumed(for format: SQLBillFormat, engine: SQLEngine) -> [String] {
    switch format {
    case .cur:
      var names = [
        "bill_payer_account_id", "bill_billing_period_start_date", "line_item_usage_account_id",
        "line_item_line_item_type", "line_item_usage_start_date", "line_item_product_code",
        "line_item_usage_type", "line_item_operation", "line_item_resource_id", "line_item_currency_code",
        "line_item_unblended_cost", "product_product_name", "product_region", "reservation_reservation_a_r_n",
        "reservation_effective_cost", "reservation_unused_amortized_upfront_fee_for_billing_period",
        "reservation_unused_recurring_fee",
      ]
      if engine == .athena { names += ["year", "month"] }
      return names
    case .cur2:
      var names = [
        "bill_payer_account_id", "bill_billing_period_start_date", "line_item_usage_account_id",
        "line_item_line_item_type", "line_item_usage_start_date", "line_item_product_code",
        "line_item_usage_type", "line_item_operation", "line_item_resource_id", "line_item_currency_code",
        "line_item_unblended_cost", "line_item_net_unblended_cost", "product", "product_region_code",
        "resource_tags", "reservation_reservation_a_r_n", "reservation_effective_cost",
        "reservation_net_effective_cost", "reservation_unused_amortized_upfront_fee_for_billing_period",
        "reservation_net_unused_amortized_upfront_fee_for_billing_period", "reservation_unused_recurring_fee",
        "reservation_net_unused_recurring_fee", "savings_plan_savings_plan_effective_cost",
        "savings_plan_net_savings_plan_effective_cost", "savings_plan_total_commitment_to_date",
        "savings_plan_used_commitment",
      ]
      if engine == .athena { names.append("billing_period") }
      return names
    case .focus:
      var names = [
        "BilledCost", "EffectiveCost", "BillingAccountId", "BillingCurrency", "BillingPeriodStart",
        "ChargeCategory", "ChargePeriodStart", "ChargeDescription", "RegionId", "ResourceId", "ServiceName",
        "SubAccountId", "Tags", "x_ServiceCode", "x_UsageType", "x_Operation",
      ]
      if engine == .athena { names.append("billing_period") }
      return names
    }
  }
}

import SpendModel

/// The columns of a commitment-aware CUR that amortized cost needs (formats.md §5).
struct CommitmentColumns {
  var savingsPlanEffectiveCost: Int?
  var netSavingsPlanEffectiveCost: Int?
  var totalCommitmentToDate: Int?
  var usedCommitment: Int?
  var reservationEffectiveCost: Int?
  var netReservationEffectiveCost: Int?
  var unusedAmortizedUpfrontFee: Int?
  var netUnusedAmortizedUpfrontFee: Int?
  var unusedRecurringFee: Int?
  var netUnusedRecurringFee: Int?
  var reservationARN: Int?
}

/// How a format states amortized cost.
enum AmortizationRule {
  /// It does not: amortized equals unblended.
  case none
  /// One column holds it (FOCUS `EffectiveCost`).
  case column(Int)
  /// The CUR CASE over line item types.
  case curCase(CommitmentColumns)
}

/// Where each part of a normalised line item is, for the row-per-line-item formats (CUR family,
/// FOCUS). Dimension lists are fallbacks in order: the first non-empty field wins.
struct LineItemColumns {
  var day: Int
  var billingPeriod: Int?
  var payer: Int?
  var account: Int?
  var service: [Int]
  var usageType: [Int]
  var operation: [Int]
  var region: [Int]
  var resource: Int?
  var lineItemType: Int?
  var currency: Int?
  var unblended: Int
  var netUnblended: Int?
  var amortization: AmortizationRule
  /// Tag columns with the tag key each holds.
  var tagColumns: [(index: Int, key: String)]
  /// A column holding tags as a JSON object (FOCUS `Tags`, CUR 2.0 `resource_tags`).
  var tagsJSON: Int?
  /// Prefix stripped from JSON tag keys (`user:` or `user_`).
  var jsonTagUserPrefix: String
  /// CUR 2.0's `product` map column (service and region fallbacks).
  var productMap: Int?
  /// Whether unquoted `NULL` means an empty field (FOCUS).
  var nullText: Bool
  /// Whether the line item type goes into the cell key (it is read for amortization regardless).
  var keepsLineItemType = true
  /// Tag keys kept from JSON tags; nil keeps all.
  var keptTagKeys: Set<String>?
  /// `identity/LineItemId` and `identity/TimeInterval` (CUR family), sampled to spot two versions
  /// of one bill; read whatever the dimensions asked for.
  var identity: Int?
  var timeInterval: Int?

  /// The map reduced to the dimensions asked for: other dimensions are not read at all, so
  /// cells collapse to the grain the query needs. Day, billing period and currency are always kept.
  func projected(to dimensions: Set<Dimension>?) -> LineItemColumns {
    guard let dimensions else { return self }
    var map = self
    if !dimensions.contains(.payerAccount) { map.payer = nil }
    if !dimensions.contains(.account) { map.account = nil }
    if !dimensions.contains(.service) { map.service = [] }
    if !dimensions.contains(.usageType) { map.usageType = [] }
    if !dimensions.contains(.operation) { map.operation = [] }
    if !dimensions.contains(.region) { map.region = [] }
    if !dimensions.contains(.resource) { map.resource = nil }
    if !dimensions.contains(.service) && !dimensions.contains(.region) { map.productMap = nil }
    map.keepsLineItemType = dimensions.contains(.lineItemType)
    var tagKeys: Set<String> = []
    for dimension in dimensions {
      if case .tag(let key) = dimension { tagKeys.insert(key) }
    }
    map.tagColumns = tagColumns.filter { tagKeys.contains($0.key) }
    map.keptTagKeys = tagKeys
    if tagKeys.isEmpty { map.tagsJSON = nil }
    return map
  }

  /// The highest column index read: shorter rows lack something needed.
  var lastUsedColumn: Int { usedColumns.max() ?? 0 }

  /// Every column index read (with repeats when a column serves twice).
  var usedColumns: [Int] {
    var all = [day, unblended] + service + usageType + operation + region + tagColumns.map(\.index)
    all += [
      billingPeriod, payer, account, resource, lineItemType, currency, netUnblended, tagsJSON, productMap, identity,
      timeInterval,
    ]
      .compactMap { $0 }
    if case .column(let index) = amortization { all.append(index) }
    if case .curCase(let c) = amortization {
      all += [
        c.savingsPlanEffectiveCost, c.netSavingsPlanEffectiveCost, c.totalCommitmentToDate, c.usedCommitment,
        c.reservationEffectiveCost, c.netReservationEffectiveCost, c.unusedAmortizedUpfrontFee,
        c.netUnusedAmortizedUpfrontFee, c.unusedRecurringFee, c.netUnusedRecurringFee, c.reservationARN,
      ].compactMap { $0 }
    }
    return all
  }

  /// Maps a header of a row-per-line-item format.
  ///
  /// - Returns: the map, or the names of required columns that are missing.
  static func make(format: BillFormat, header: HeaderIndex) -> Result<LineItemColumns, MissingColumns> {
    switch format {
    case .focus: return focus(header)
    case .legacyCUR, .athenaCUR, .cur2, .costExplorer: return cur(format, header)
    }
  }

  /// Required columns that a header lacks.
  struct MissingColumns: Error { var names: [String] }

  // MARK: - CUR family

  private static func cur(_ format: BillFormat, _ header: HeaderIndex) -> Result<LineItemColumns, MissingColumns> {
    let snake = format != .legacyCUR
    func name(_ legacy: String) -> String { snake ? snakeCase(legacy) : legacy }
    guard let day = header.position("lineItem/UsageStartDate"),
      let unblended = header.position("lineItem/UnblendedCost")
    else {
      let missing = ["lineItem/UsageStartDate", "lineItem/UnblendedCost"].filter { header.position($0) == nil }
      return .failure(MissingColumns(names: missing.map(name)))
    }
    let commitments = CommitmentColumns(
      savingsPlanEffectiveCost: header.position("savingsPlan/SavingsPlanEffectiveCost"),
      netSavingsPlanEffectiveCost: header.position("savingsPlan/NetSavingsPlanEffectiveCost"),
      totalCommitmentToDate: header.position("savingsPlan/TotalCommitmentToDate"),
      usedCommitment: header.position("savingsPlan/UsedCommitment"),
      reservationEffectiveCost: header.position("reservation/EffectiveCost"),
      netReservationEffectiveCost: header.position("reservation/NetEffectiveCost"),
      unusedAmortizedUpfrontFee: header.position("reservation/UnusedAmortizedUpfrontFeeForBillingPeriod"),
      netUnusedAmortizedUpfrontFee: header.position("reservation/NetUnusedAmortizedUpfrontFeeForBillingPeriod"),
      unusedRecurringFee: header.position("reservation/UnusedRecurringFee"),
      netUnusedRecurringFee: header.position("reservation/NetUnusedRecurringFee"),
      reservationARN: header.position("reservation/ReservationARN"))
    var tagColumns: [(index: Int, key: String)] = []
    for (index, raw) in header.names.enumerated() {
      let lower = raw.lowercased()
      if !snake, lower.hasPrefix("resourcetags/") {
        tagColumns.append((index, stripPrefix(String(raw.dropFirst("resourceTags/".count)), "user:")))
      } else if snake, lower.hasPrefix("resource_tags_") {
        tagColumns.append((index, stripPrefix(String(raw.dropFirst("resource_tags_".count)), "user_")))
      }
    }
    let cur2 = format == .cur2
    return .success(
      LineItemColumns(
        day: day,
        billingPeriod: header.position("bill/BillingPeriodStartDate"),
        payer: header.position("bill/PayerAccountId"),
        account: header.position("lineItem/UsageAccountId"),
        service: [header.position("lineItem/ProductCode"), header.position("product/ProductName")].compactMap { $0 },
        usageType: [header.position("lineItem/UsageType")].compactMap { $0 },
        operation: [header.position("lineItem/Operation")].compactMap { $0 },
        region: [header.position("product/regionCode"), header.position("product/region")].compactMap { $0 },
        resource: header.position("lineItem/ResourceId"),
        lineItemType: header.position("lineItem/LineItemType"),
        currency: header.position("lineItem/CurrencyCode"),
        unblended: unblended,
        netUnblended: header.position("lineItem/NetUnblendedCost"),
        amortization: .curCase(commitments),
        tagColumns: tagColumns,
        tagsJSON: cur2 ? header.exactPosition("resource_tags") : nil,
        jsonTagUserPrefix: "user_",
        productMap: cur2 ? header.exactPosition("product") : nil,
        nullText: false,
        identity: header.position("identity/LineItemId"),
        timeInterval: header.position("identity/TimeInterval")))
  }

  // MARK: - FOCUS

  private static func focus(_ header: HeaderIndex) -> Result<LineItemColumns, MissingColumns> {
    guard let day = header.position("ChargePeriodStart"), let billed = header.position("BilledCost") else {
      return .failure(MissingColumns(names: ["ChargePeriodStart", "BilledCost"].filter { header.position($0) == nil }))
    }
    let effective = header.position("EffectiveCost")
    return .success(
      LineItemColumns(
        day: day,
        billingPeriod: header.position("BillingPeriodStart"),
        payer: header.position("BillingAccountId"),
        account: header.position("SubAccountId"),
        service: [header.position("x_ServiceCode"), header.position("ServiceName")].compactMap { $0 },
        usageType: [header.position("x_UsageType"), header.position("SkuMeter"), header.position("ChargeDescription")]
          .compactMap { $0 },
        operation: [header.position("x_Operation")].compactMap { $0 },
        region: [header.position("RegionId")].compactMap { $0 },
        resource: header.position("ResourceId"),
        lineItemType: header.position("ChargeCategory"),
        currency: header.position("BillingCurrency"),
        unblended: billed,
        netUnblended: nil,
        amortization: effective.map { .column($0) } ?? .none,
        tagColumns: [],
        tagsJSON: header.position("Tags"),
        jsonTagUserPrefix: "user:",
        productMap: nil,
        nullText: true))
  }

  // MARK: - Names

  /// The Athena/CUR 2.0 spelling of a legacy column name (`lineItem/UnblendedCost` →
  /// `line_item_unblended_cost`), for messages.
  static func snakeCase(_ legacy: String) -> String {
    var out = ""
    var previousWasSeparator = true
    for character in legacy {
      if character == "/" || character == ":" || character == "-" || character == " " || character == "." {
        if !previousWasSeparator { out.append("_") }
        previousWasSeparator = true
      } else if character.isUppercase {
        if !previousWasSeparator { out.append("_") }
        out.append(contentsOf: character.lowercased())
        previousWasSeparator = false
      } else {
        out.append(character)
        previousWasSeparator = false
      }
    }
    return out
  }

  private static func stripPrefix(_ key: String, _ prefix: String) -> String {
    key.lowercased().hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : key
  }
}

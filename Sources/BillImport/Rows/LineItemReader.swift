import SpendModel

/// Why one row could not be read: the column (0-based) and what was wrong.
struct RowProblem: Error {
  var column: Int?
  var problem: String
}

/// Which amortization branch a line item type takes (formats.md §5).
private enum LineKind: UInt8 {
  case unclassified = 0
  case plain
  case savingsPlanCoveredUsage
  case savingsPlanRecurringFee
  case amortizedToZero
  case discountedUsage
  case reservationFee
  case fee

  init(lineItemType: String) {
    switch lineItemType.lowercased() {
    case "savingsplancoveredusage": self = .savingsPlanCoveredUsage
    case "savingsplanrecurringfee": self = .savingsPlanRecurringFee
    case "savingsplannegation", "savingsplanupfrontfee": self = .amortizedToZero
    case "discountedusage": self = .discountedUsage
    case "rifee": self = .reservationFee
    case "fee": self = .fee
    default: self = .plain
    }
  }
}

/// Reads the rows of a row-per-line-item file (CUR family, FOCUS) into cells.
struct LineItemReader {
  let columns: LineItemColumns
  let headerCount: Int
  var aggregator = CellAggregator()
  /// Data rows summed.
  var rowsRead = 0
  /// Why a basis fell back to another, by basis.
  var defaultedBases: [CostBasis: String] = [:]
  /// Tolerated quirks, for the summary.
  var notes: [String] = []
  /// The sampled line item identities, when the format has them.
  var identitySample: LineItemSample?

  private var dayCache = DayCache()
  private var periodCache = DayCache()
  private var kinds: [LineKind] = []
  private var rowWidth: Int?
  private let lastUsedColumn: Int
  private let usd: UInt32
  private var currencyAssumedRows = 0
  private var unreadableTagRows = 0
  /// The tag columns in key-text order, and their interned keys.
  private let tagColumns: [(index: Int, key: String)]
  private var tagKeys: [UInt32]
  private var scratch: [UInt32] = []
  private var jsonTagSets: [UInt32: UInt32] = [:]
  private var productValues: [UInt32: (service: UInt32, region: UInt32)] = [:]

  init(columns: LineItemColumns, headerCount: Int) {
    self.columns = columns
    self.headerCount = headerCount
    lastUsedColumn = columns.lastUsedColumn
    usd = aggregator.values.intern("USD")
    // In key-text order (columns of one key in file order), so that a row's tag set is usually
    // canonical as read and handing the cells over need not sort it.
    tagColumns = columns.tagColumns.enumerated()
      .sorted {
        Tags.keyPrecedes($0.element.key, $1.element.key)
          || ($0.element.key.utf8.elementsEqual($1.element.key.utf8) && $0.offset < $1.offset)
      }
      .map(\.element)
    var keys: [UInt32] = []
    for column in tagColumns { keys.append(aggregator.values.intern(column.key)) }
    tagKeys = keys
    if columns.netUnblended == nil {
      defaultedBases[.netUnblended] = "no net unblended cost column: equals unblended"
      defaultedBases[.netAmortized] = "no net cost columns: equals amortized"
    }
    if case .none = columns.amortization {
      defaultedBases[.amortized] = "no effective cost column: equals unblended"
    }
    if columns.identity != nil { identitySample = LineItemSample() }
  }

  // MARK: - Rows

  /// Sums one data row.
  ///
  /// - Throws: `RowProblem` when the row cannot be read; nothing is summed then.
  mutating func read(_ record: CSVRecord) throws(RowProblem) {
    try checkWidth(record.count)
    let dayField = record.field(columns.day)
    guard let day = dayCache.day(dayField) else {
      throw RowProblem(column: columns.day, problem: "expected a date (YYYY-MM-DD…), found \(FieldDecoding.quote(dayField))")
    }
    var period = day.month.index
    if let index = columns.billingPeriod, !isNull(record.field(index)) {
      let field = record.field(index)
      guard let start = periodCache.day(field) else {
        throw RowProblem(column: index, problem: "expected a date (YYYY-MM-DD…), found \(FieldDecoding.quote(field))")
      }
      period = start.month.index
    }
    let lineItemType = try id(record, columns.lineItemType)
    var key = CompactCube.Key(
      day: day.ordinal, period: period, payer: try id(record, columns.payer),
      account: try id(record, columns.account), service: try firstID(record, columns.service),
      usageType: try firstID(record, columns.usageType), operation: try firstID(record, columns.operation),
      region: try firstID(record, columns.region), resource: try id(record, columns.resource),
      lineItemType: columns.keepsLineItemType ? lineItemType : aggregator.emptyValue,
      currency: try id(record, columns.currency), tags: aggregator.noTags)
    if key.currency == aggregator.emptyValue {
      key.currency = usd
      currencyAssumedRows += 1
    }
    if let productMap = columns.productMap,
      key.service == aggregator.emptyValue || key.region == aggregator.emptyValue
    {
      let product = try productValues(record, productMap)
      if key.service == aggregator.emptyValue { key.service = product.service }
      if key.region == aggregator.emptyValue { key.region = product.region }
    }
    key.tags = try tags(record)
    let costs = try self.costs(record, lineItemType: lineItemType)
    aggregator.add(key, costs)
    rowsRead += 1
    if let identity = columns.identity { sampleIdentity(record, identity) }
  }

  /// Adds the row's line item identity (id + time interval) to the sample; an empty id is none.
  @inline(__always)
  private mutating func sampleIdentity(_ record: CSVRecord, _ identity: Int) {
    let id = record.field(identity)
    guard !id.isEmpty else { return }
    var hash = LineItemSample.hash(id)
    if let interval = columns.timeInterval { hash = LineItemSample.hash(record.field(interval), seed: hash) }
    identitySample?.insert(LineItemSample.mixed(hash))
  }

  /// Notes for the summary once every row is read.
  mutating func finish() {
    if currencyAssumedRows > 0 {
      let reason = columns.currency == nil ? "the file has no currency column" : "the currency field was empty"
      notes.append("\(currencyAssumedRows) row(s) counted as USD: \(reason)")
    }
    if unreadableTagRows > 0 {
      notes.append("\(unreadableTagRows) row(s) with a tags field that is not a JSON object: kept without tags")
    }
  }

  private mutating func checkWidth(_ count: Int) throws(RowProblem) {
    if let rowWidth {
      guard count == rowWidth else {
        throw RowProblem(column: nil, problem: "expected \(rowWidth) fields, found \(count)")
      }
      return
    }
    if count == headerCount {
      rowWidth = count
    } else if count < headerCount && count > lastUsedColumn {
      // A header longer than every row (koku's test_cur.csv): tolerated when the missing trailing
      // columns are ones spendtop does not read, and only if every row agrees.
      rowWidth = count
      notes.append("the header has \(headerCount) columns but rows have \(count); the unread trailing columns were ignored")
    } else {
      throw RowProblem(column: nil, problem: "expected \(headerCount) fields (as the header), found \(count)")
    }
  }

  // MARK: - Dimensions

  @inline(__always)
  private func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.isEmpty || (columns.nullText && FieldDecoding.isNullText(bytes))
  }

  @inline(__always)
  private mutating func id(_ record: CSVRecord, _ index: Int?) throws(RowProblem) -> UInt32 {
    guard let index else { return aggregator.emptyValue }
    let bytes = record.field(index)
    return isNull(bytes) ? aggregator.emptyValue : try text(bytes, column: index)
  }

  @inline(__always)
  private mutating func firstID(_ record: CSVRecord, _ indexes: [Int]) throws(RowProblem) -> UInt32 {
    for index in indexes {
      let bytes = record.field(index)
      if !isNull(bytes) { return try text(bytes, column: index) }
    }
    return aggregator.emptyValue
  }

  /// The interned ID of a field that must be text (UTF-8, no control characters).
  @inline(__always)
  private mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) throws(RowProblem) -> UInt32 {
    let id = aggregator.values.intern(bytes)
    guard aggregator.values.isAcceptableText(id) else { throw textProblem(bytes, column: column) }
    return id
  }

  private func textProblem(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> RowProblem {
    let expectation = FieldText.problem(bytes)?.expectation ?? "expected text"
    return RowProblem(column: column, problem: expectation + ": " + FieldText.quote(bytes))
  }

  private mutating func tags(_ record: CSVRecord) throws(RowProblem) -> UInt32 {
    if let index = columns.tagsJSON { return try jsonTags(record, index) }
    guard !tagKeys.isEmpty else { return aggregator.noTags }
    scratch.removeAll(keepingCapacity: true)
    for (position, column) in tagColumns.enumerated() {
      let bytes = record.field(column.index)
      if isNull(bytes) { continue }
      scratch.append(tagKeys[position])
      scratch.append(try text(bytes, column: column.index))
    }
    if scratch.isEmpty { return aggregator.noTags }
    return scratch.withUnsafeBufferPointer { aggregator.tagSet($0) }
  }

  private mutating func jsonTags(_ record: CSVRecord, _ index: Int) throws(RowProblem) -> UInt32 {
    let bytes = record.field(index)
    if isNull(bytes) { return aggregator.noTags }
    let raw = aggregator.values.intern(bytes)
    if let known = jsonTagSets[raw] { return known }
    try checkJSONText(bytes, column: index)
    var pairs: [UInt32] = []
    if case .object(let members)? = try? JSONValue.parse(bytes) {
      for member in members {
        guard let value = member.value.scalarText, !value.isEmpty else { continue }
        var key = member.key
        if key.lowercased().hasPrefix(columns.jsonTagUserPrefix) { key = String(key.dropFirst(columns.jsonTagUserPrefix.count)) }
        if let kept = columns.keptTagKeys, !kept.contains(key) { continue }
        pairs.append(try decodedText(key, column: index))
        pairs.append(try decodedText(value, column: index))
      }
    } else {
      unreadableTagRows += 1
    }
    let set = pairs.isEmpty ? aggregator.noTags : pairs.withUnsafeBufferPointer { aggregator.tagSet($0) }
    jsonTagSets[raw] = set
    return set
  }

  /// Checks a raw JSON field (once per distinct value): UTF-8, though JSON whitespace may be
  /// newlines and tabs.
  private func checkJSONText(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) throws(RowProblem) {
    guard let problem = FieldText.problem(bytes, allowsControlCharacters: true) else { return }
    throw RowProblem(column: column, problem: problem.expectation + ": " + FieldText.quote(bytes))
  }

  /// The ID of text decoded from a JSON field (its `\u` escapes may hide control characters).
  private mutating func decodedText(_ value: String, column: Int) throws(RowProblem) -> UInt32 {
    let id = aggregator.values.intern(value)
    guard aggregator.values.isAcceptableText(id) else {
      var copy = value
      throw copy.withUTF8 { bytes in textProblem(bytes, column: column) }
    }
    return id
  }

  private mutating func productValues(
    _ record: CSVRecord, _ index: Int
  ) throws(RowProblem) -> (service: UInt32, region: UInt32) {
    let bytes = record.field(index)
    let empty = (service: aggregator.emptyValue, region: aggregator.emptyValue)
    if isNull(bytes) { return empty }
    let raw = aggregator.values.intern(bytes)
    if let known = productValues[raw] { return known }
    try checkJSONText(bytes, column: index)
    var found = empty
    if let product = try? JSONValue.parse(bytes) {
      if let name = product["product_name"]?.scalarText { found.service = try decodedText(name, column: index) }
      if let region = product["region"]?.scalarText { found.region = try decodedText(region, column: index) }
    }
    productValues[raw] = found
    return found
  }

  // MARK: - Costs

  @inline(__always)
  private func amount(_ record: CSVRecord, _ index: Int) throws(RowProblem) -> Money {
    let bytes = record.field(index)
    if columns.nullText && FieldDecoding.isNullText(bytes) { return .zero }
    guard let value = FieldDecoding.money(bytes) else {
      throw RowProblem(column: index, problem: "expected a decimal amount, found \(FieldDecoding.quote(bytes))")
    }
    return value
  }

  /// A net twin: the column's amount, or `fallback` when the column is absent or the field empty.
  @inline(__always)
  private func twin(_ record: CSVRecord, _ index: Int?, or fallback: Money) throws(RowProblem) -> Money {
    guard let index, !isNull(record.field(index)) else { return fallback }
    return try amount(record, index)
  }

  private mutating func costs(_ record: CSVRecord, lineItemType: UInt32) throws(RowProblem) -> Costs {
    let unblended = try amount(record, columns.unblended)
    let netUnblended = try twin(record, columns.netUnblended, or: unblended)
    switch columns.amortization {
    case .none:
      return Costs(unblended: unblended, amortized: unblended, netUnblended: netUnblended, netAmortized: netUnblended)
    case .column(let index):
      let effective = try amount(record, index)
      return Costs(unblended: unblended, amortized: effective, netUnblended: netUnblended, netAmortized: effective)
    case .curCase(let commitments):
      let (amortized, netAmortized) = try amortizedCosts(
        record, kind: kind(lineItemType), commitments, unblended: unblended, netUnblended: netUnblended)
      return Costs(unblended: unblended, amortized: amortized, netUnblended: netUnblended, netAmortized: netAmortized)
    }
  }

  private mutating func kind(_ lineItemType: UInt32) -> LineKind {
    let index = Int(lineItemType)
    if index >= kinds.count { kinds.append(contentsOf: repeatElement(.unclassified, count: index + 1 - kinds.count)) }
    if kinds[index] == .unclassified { kinds[index] = LineKind(lineItemType: aggregator.values.string(lineItemType)) }
    return kinds[index]
  }

  /// The amortized CASE of formats.md §5, and its net twin.
  private mutating func amortizedCosts(
    _ record: CSVRecord, kind: LineKind, _ c: CommitmentColumns, unblended: Money, netUnblended: Money
  ) throws(RowProblem) -> (Money, Money) {
    switch kind {
    case .plain, .unclassified:
      return (unblended, netUnblended)
    case .amortizedToZero:
      return (.zero, .zero)
    case .fee:
      guard let arn = c.reservationARN, !isNull(record.field(arn)) else { return (unblended, netUnblended) }
      return (.zero, .zero)
    case .savingsPlanCoveredUsage:
      guard let index = c.savingsPlanEffectiveCost else {
        return fallback("savingsPlan/SavingsPlanEffectiveCost", unblended, netUnblended)
      }
      let value = try amount(record, index)
      return (value, try twin(record, c.netSavingsPlanEffectiveCost, or: value))
    case .savingsPlanRecurringFee:
      guard let total = c.totalCommitmentToDate, let used = c.usedCommitment else {
        return fallback("savingsPlan/TotalCommitmentToDate, savingsPlan/UsedCommitment", unblended, netUnblended)
      }
      let value = try amount(record, total) - amount(record, used)
      return (value, value)
    case .discountedUsage:
      guard let index = c.reservationEffectiveCost else {
        return fallback("reservation/EffectiveCost", unblended, netUnblended)
      }
      let value = try amount(record, index)
      return (value, try twin(record, c.netReservationEffectiveCost, or: value))
    case .reservationFee:
      guard let upfront = c.unusedAmortizedUpfrontFee, let recurring = c.unusedRecurringFee else {
        return fallback(
          "reservation/UnusedAmortizedUpfrontFeeForBillingPeriod, reservation/UnusedRecurringFee", unblended,
          netUnblended)
      }
      let upfrontValue = try amount(record, upfront)
      let recurringValue = try amount(record, recurring)
      let netValue =
        try twin(record, c.netUnusedAmortizedUpfrontFee, or: upfrontValue)
        + twin(record, c.netUnusedRecurringFee, or: recurringValue)
      return (upfrontValue + recurringValue, netValue)
    }
  }

  private mutating func fallback(_ missing: String, _ unblended: Money, _ netUnblended: Money) -> (Money, Money) {
    if defaultedBases[.amortized] == nil {
      defaultedBases[.amortized] = "commitment rows without \(missing): amortized as unblended"
    }
    return (unblended, netUnblended)
  }
}

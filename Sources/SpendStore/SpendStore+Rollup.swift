import SpendModel

extension SpendStore {
  // MARK: - Rollup in SQL

  /// Sums the stored cube by `dimensions` on `basis` over the cells that pass `filter`, in SQL.
  ///
  /// The answer equals `loadCube().rollup(by:basis:filter:)` group for group and cent for cent,
  /// without building the cube: queries whose dimensions and filters avoid operation, resource
  /// and tags read the smaller `daily` table, others the cells with their series.
  ///
  /// - Throws: `StoreError.rollup(.mixedCurrencies)` when currencies would be added together.
  public func rollup(
    by dimensions: [Dimension], basis: CostBasis = .unblended, filter: CubeFilter = .all
  ) throws(StoreError) -> Rollup {
    let reader = try LabelReader(connection: connection)
    guard let plan = try RollupPlan(dimensions: dimensions, basis: basis, filter: filter, labelID: labelID)
    else {
      return Rollup(dimensions: dimensions, basis: basis, rows: [])
    }
    let statement = try connection.prepare(plan.sql)
    try statement.bind(plan.values)
    var sums: [[String]: Money] = [:]
    var currencies: Set<String> = []
    while try statement.step() {
      currencies.insert(try reader.label(statement.int64(at: plan.currencyColumn)))
      var values: [String] = []
      values.reserveCapacity(dimensions.count)
      for output in plan.outputs {
        switch output {
        case .payer: values.append(try reader.period(statement.int64(at: 0)).payer)
        case .day(let column):
          values.append(Day(ordinal: Int32(truncatingIfNeeded: statement.int64(at: column))).description)
        case .month(let column):
          values.append(
            Day(ordinal: Int32(truncatingIfNeeded: statement.int64(at: column))).month.description)
        case .label(let column): values.append(try reader.label(statement.int64(at: column)))
        case .optionalLabel(let column):
          values.append(statement.isNull(at: column) ? "" : try reader.label(statement.int64(at: column)))
        }
      }
      let sum = StoredMoney.money(
        whole: statement.int64(at: plan.sumColumn), fraction: statement.int64(at: plan.sumColumn + 1))
      sums[values, default: .zero] += sum
    }
    if currencies.count > 1 && !dimensions.contains(.currency) {
      throw .rollup(.mixedCurrencies(currencies.sorted()))
    }
    let rows = sums.map { RollupRow(values: $0.key, cost: $0.value) }
      .sorted { $0.values.lexicographicallyPrecedes($1.values) }
    return Rollup(dimensions: dimensions, basis: basis, rows: rows)
  }

  /// The id of a label, or nil when no cell can have that value.
  func labelID(_ text: String) throws(StoreError) -> Int64? {
    try connection.query("SELECT id FROM label WHERE text = ?", [.text(text)]).first?.first?.integer
  }
}

/// The SQL of one rollup: which table, joins, conditions and groups, and how to read its rows.
private struct RollupPlan {
  /// How one requested dimension is read from a result row.
  enum Output {
    case payer
    case day(Int32)
    case month(Int32)
    case label(Int32)
    case optionalLabel(Int32)
  }

  /// Dimensions the `daily` table keeps, by column.
  static let dailyColumns: [Dimension: String] = [
    .account: "account", .service: "service", .usageType: "usage_type", .region: "region",
    .lineItemType: "line_item_type", .currency: "currency",
  ]
  /// Dimensions a series keeps, by column.
  static let seriesColumns: [Dimension: String] = dailyColumns.merging(
    [.operation: "operation", .resource: "resource"], uniquingKeysWith: { first, _ in first })

  private(set) var sql = ""
  private(set) var values: [SQLValue] = []
  private(set) var outputs: [Output] = []
  private(set) var currencyColumn: Int32 = 0
  private(set) var sumColumn: Int32 = 0

  private var selects: [String] = ["c.period"]
  private var conditions: [String] = []
  private var conditionValues: [SQLValue] = []
  private let useDaily: Bool

  /// Plans the query, or returns nil when a filter names a value no cell has.
  init?(
    dimensions: [Dimension], basis: CostBasis, filter: CubeFilter,
    labelID: (String) throws(StoreError) -> Int64?
  ) throws(StoreError) {
    let used = dimensions + filter.equals.map(\.dimension)
    useDaily = used.allSatisfy { dimension in
      switch dimension {
      case .day, .month, .payerAccount: return true
      default: return RollupPlan.dailyColumns[dimension] != nil
      }
    }
    // Date range: the filter's, narrowed by day and month conditions.
    var from = filter.from?.ordinal ?? Int32.min
    var to = filter.to?.ordinal ?? Int32.max
    for condition in filter.equals {
      switch condition.dimension {
      case .day:
        guard let day = Day(iso: condition.value) else { return nil }
        (from, to) = (max(from, day.ordinal), min(to, day.ordinal))
      case .month:
        guard let month = Month(iso: condition.value) else { return nil }
        (from, to) = (max(from, month.firstDay.ordinal), min(to, month.lastDay.ordinal))
      case .payerAccount:
        guard let id = try labelID(condition.value) else { return nil }
        conditions.append("c.period IN (SELECT id FROM period WHERE payer = ?)")
        conditionValues.append(.integer(id))
      case .tag(let key):
        let value = try RollupPlan.tagValue(key, labelID: labelID)
        if condition.value.isEmpty {
          conditions.append("\(value) IS NULL")
        } else {
          guard let id = try labelID(condition.value) else { return nil }
          conditions.append("\(value) = ?")
          conditionValues.append(.integer(id))
        }
      default:
        guard let id = try labelID(condition.value) else { return nil }
        conditions.append("\(column(condition.dimension)) = ?")
        conditionValues.append(.integer(id))
      }
    }
    guard from <= to else { return nil }
    conditions.insert("c.period IN (SELECT id FROM period WHERE first_day <= ? AND last_day >= ?)", at: 0)
    conditions.insert("c.day BETWEEN ? AND ?", at: 1)
    conditionValues.insert(
      contentsOf: [.integer(Int64(to)), .integer(Int64(from)), .integer(Int64(from)), .integer(Int64(to))],
      at: 0)

    // Groups: period, then the day when asked for by day or month, then each dimension, currency.
    var dayColumn: Int32?
    if dimensions.contains(.day) || dimensions.contains(.month) {
      dayColumn = add(select: "c.day")
    }
    for dimension in dimensions {
      switch dimension {
      case .payerAccount: outputs.append(.payer)
      case .day: outputs.append(.day(dayColumn ?? 0))
      case .month: outputs.append(.month(dayColumn ?? 0))
      case .tag(let key):
        outputs.append(.optionalLabel(add(select: try RollupPlan.tagValue(key, labelID: labelID))))
      default: outputs.append(.label(add(select: column(dimension))))
      }
    }
    currencyColumn = add(select: column(.currency))
    let groups = selects.joined(separator: ", ")
    // Grouping in the daily key's order lets SQLite aggregate while it scans, without a sort.
    let groupOrder = selects.sorted { RollupPlan.groupRank($0) < RollupPlan.groupRank($1) }
    let prefix = RollupPlan.columnPrefix(basis)
    sumColumn = Int32(selects.count)
    let table = useDaily ? "daily AS c" : "cell AS c JOIN series AS s ON s.id = c.series"
    sql = """
      SELECT \(groups), sum(c.\(prefix)_whole), sum(c.\(prefix)_fraction)
      FROM \(table)
      WHERE \(conditions.joined(separator: " AND "))
      GROUP BY \(groupOrder.joined(separator: ", "))
      """
    values = conditionValues
  }

  /// The column holding a plain dimension in the chosen table.
  private func column(_ dimension: Dimension) -> String {
    if useDaily { return "c." + (RollupPlan.dailyColumns[dimension] ?? "") }
    return "s." + (RollupPlan.seriesColumns[dimension] ?? "")
  }

  /// Adds a selected column (deduplicated) and returns its index in the result row.
  private mutating func add(select expression: String) -> Int32 {
    if let index = selects.firstIndex(of: expression) { return Int32(index) }
    selects.append(expression)
    return Int32(selects.count - 1)
  }

  /// The expression for one tag's value label id in a series' inline `tags` (NULL when a cell lacks
  /// the tag). The key's label id is an integer from the store, written into the SQL as a literal.
  private static func tagValue(
    _ key: String, labelID: (String) throws(StoreError) -> Int64?
  ) throws(StoreError) -> String {
    // A key no cell has matches nothing: every cell is untagged for it.
    let id = try labelID(key) ?? -1
    return "json_extract(s.tags, '$.\"\(id)\"')"
  }

  /// Where a grouped column sits in the `daily` key (columns outside it go last).
  private static func groupRank(_ expression: String) -> Int {
    let keyOrder = [
      "c.period", "c.day", "c.currency", "c.service", "c.account", "c.usage_type", "c.region",
      "c.line_item_type",
    ]
    return keyOrder.firstIndex(of: expression) ?? keyOrder.count
  }

  /// The column-name prefix of a cost basis.
  static func columnPrefix(_ basis: CostBasis) -> String {
    switch basis {
    case .unblended: return "unblended"
    case .amortized: return "amortized"
    case .netUnblended: return "net_unblended"
    case .netAmortized: return "net_amortized"
    }
  }
}

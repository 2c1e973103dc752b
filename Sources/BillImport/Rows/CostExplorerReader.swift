import SpendModel

/// Reads a Cost Explorer "Download CSV": one column per group, one row per day (or month).
///
/// Row 1 names the grouping (`Service`, `Usage type`, `Linked account`, a tag key, or nothing)
/// and the groups (`EC2-Instances($)`), ending with `Total costs($)`. A `Service total` (or
/// `Total`) row follows; it is not data. An empty cell means "no record" and adds no cell; `0`
/// adds a zero-cost cell. The cost metric is not stated in the file: all four bases get it.
struct CostExplorerReader {
  private enum Grouping {
    case service, usageType, account, region, operation, lineItemType, resource
    case tag(String)
    case none
  }

  var aggregator = CellAggregator()
  var rowsRead = 0
  var ignoredRows: [String: Int] = [:]
  let defaultedBases: [CostBasis: String]
  let notes: [String]
  /// (column, group value ID) for each data column.
  private var groupColumns: [(index: Int, value: UInt32)] = []
  private let grouping: Grouping
  private let tagKey: UInt32
  private let currency: UInt32
  private let headerCount: Int
  private var sawDataRow = false
  private var scratch: [UInt32] = []

  /// Reads a file with this header, keeping its grouping only if `dimensions` (nil: all) asks for it.
  init(header: [String], dimensions: Set<Dimension>?) {
    headerCount = header.count
    let label = header.first?.trimmingCharacters(in: " ") ?? ""
    let grouping = CostExplorerReader.grouping(label)
    self.grouping = CostExplorerReader.isKept(grouping, dimensions) ? grouping : .none
    let totalHeader = header.last ?? ""
    let symbol = CostExplorerReader.unit(totalHeader)
    var aggregator = CellAggregator()
    currency = aggregator.values.intern(CostExplorerReader.currencyCode(symbol))
    if case .tag(let key) = grouping { tagKey = aggregator.values.intern(key) } else { tagKey = aggregator.emptyValue }
    var columns: [(index: Int, value: UInt32)] = []
    if header.count <= 2 {
      columns.append((header.count - 1, aggregator.emptyValue))
    } else {
      for index in 1..<(header.count - 1) {
        var name = header[index]
        if let open = name.lastIndex(of: "("), name.hasSuffix(")") { name = String(name[..<open]) }
        name = name.trimmingCharacters(in: " ")
        if case .tag = grouping, name.lowercased().hasPrefix("no tag key") { name = "" }
        columns.append((index, aggregator.values.intern(name)))
      }
    }
    self.aggregator = aggregator
    groupColumns = columns
    defaultedBases = [
      .amortized: "Cost Explorer downloads do not state their cost metric: all bases get the cell values",
      .netUnblended: "Cost Explorer downloads do not state their cost metric: all bases get the cell values",
      .netAmortized: "Cost Explorer downloads do not state their cost metric: all bases get the cell values",
    ]
    notes = [
      "Cost Explorer grouping: \(label.isEmpty ? "none" : label); currency \(CostExplorerReader.currencyCode(symbol)) "
        + "from the header's (\(symbol))"
    ]
  }

  /// Sums one row.
  mutating func read(_ record: CSVRecord) throws(RowProblem) {
    let first = record.field(0)
    guard let day = FieldDecoding.day(first), first.count == 10 else {
      let label = record.string(0).lowercased()
      if label == "total" || label.hasSuffix(" total") {
        ignoredRows["total row", default: 0] += 1
        return
      }
      if !sawDataRow {
        ignoredRows["heading row before the first date", default: 0] += 1
        return
      }
      throw RowProblem(column: 0, problem: "expected a date (YYYY-MM-DD), found \(FieldDecoding.quote(first))")
    }
    guard record.count == headerCount else {
      throw RowProblem(column: nil, problem: "expected \(headerCount) fields (as the header), found \(record.count)")
    }
    sawDataRow = true
    let empty = aggregator.emptyValue
    for column in groupColumns {
      let field = record.field(column.index)
      if field.isEmpty { continue }
      guard let cost = FieldDecoding.money(field) else {
        throw RowProblem(column: column.index, problem: "expected a decimal amount, found \(FieldDecoding.quote(field))")
      }
      var key = CompactCube.Key(
        day: day.ordinal, period: day.month.index, payer: empty, account: empty, service: empty,
        usageType: empty, operation: empty, region: empty, resource: empty, lineItemType: empty,
        currency: currency, tags: aggregator.noTags)
      switch grouping {
      case .service: key.service = column.value
      case .usageType: key.usageType = column.value
      case .account: key.account = column.value
      case .region: key.region = column.value
      case .operation: key.operation = column.value
      case .lineItemType: key.lineItemType = column.value
      case .resource: key.resource = column.value
      case .tag:
        if column.value != empty {
          scratch = [tagKey, column.value]
          key.tags = scratch.withUnsafeBufferPointer { aggregator.tagSet($0) }
        }
      case .none: break
      }
      aggregator.add(key, Costs(all: cost))
    }
    rowsRead += 1
  }

  // MARK: - Header

  private static func isKept(_ grouping: Grouping, _ dimensions: Set<Dimension>?) -> Bool {
    guard let dimensions else { return true }
    switch grouping {
    case .service: return dimensions.contains(.service)
    case .usageType: return dimensions.contains(.usageType)
    case .account: return dimensions.contains(.account)
    case .region: return dimensions.contains(.region)
    case .operation: return dimensions.contains(.operation)
    case .lineItemType: return dimensions.contains(.lineItemType)
    case .resource: return dimensions.contains(.resource)
    case .tag(let key): return dimensions.contains(.tag(key))
    case .none: return true
    }
  }

  private static func grouping(_ label: String) -> Grouping {
    switch label.lowercased() {
    case "": return .none
    case "service": return .service
    case "usage type": return .usageType
    case "linked account", "member account", "account": return .account
    case "region": return .region
    case "api operation", "operation": return .operation
    case "charge type": return .lineItemType
    case "resource": return .resource
    default: return .tag(label)
    }
  }

  /// The text inside the last header cell's parentheses: `$` in `Total costs($)`.
  private static func unit(_ header: String) -> String {
    guard let open = header.lastIndex(of: "("), let close = header.lastIndex(of: ")"), open < close else { return "$" }
    return String(header[header.index(after: open)..<close]).trimmingCharacters(in: " ")
  }

  private static func currencyCode(_ symbol: String) -> String {
    switch symbol {
    case "$", "": return "USD"
    case "€": return "EUR"
    case "£": return "GBP"
    case "¥": return "JPY"
    default: return symbol.uppercased()
    }
  }
}

extension String {
  /// The string without leading and trailing `character`s.
  func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}

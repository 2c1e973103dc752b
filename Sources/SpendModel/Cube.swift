/// Costs at the finest grain (`CubeKey`), summed from line items, ready to be rolled up by any
/// set of dimensions over any date range.
///
/// The cube is what spendtop keeps of a bill: its size grows with the number of distinct keys,
/// never with the number of rows read.
public struct Cube: Sendable {
  /// The cells, one per distinct key.
  public private(set) var rows: [CubeRow]
  private var index: [CubeKey: Int]

  /// An empty cube.
  public init() {
    rows = []
    index = [:]
  }

  /// A cube from rows; rows with equal keys are summed.
  public init<S: Sequence>(rows: S) where S.Element == CubeRow {
    self.init()
    for row in rows { add(row.costs, at: row.key) }
  }

  /// Adds costs to the cell at `key`.
  public mutating func add(_ costs: Costs, at key: CubeKey) {
    if let position = index[key] {
      rows[position].costs += costs
    } else {
      index[key] = rows.count
      rows.append(CubeRow(key: key, costs: costs))
    }
  }

  /// Adds every cell of another cube.
  public mutating func merge(_ other: Cube) {
    for row in other.rows { add(row.costs, at: row.key) }
  }

  /// The number of cells.
  public var count: Int { rows.count }

  /// Whether the cube has no cells.
  public var isEmpty: Bool { rows.isEmpty }

  /// The first and last day with a cell, or nil for an empty cube.
  public var dayRange: ClosedRange<Day>? {
    guard let first = rows.first?.key.day else { return nil }
    var low = first
    var high = first
    for row in rows {
      low = min(low, row.key.day)
      high = max(high, row.key.day)
    }
    return low...high
  }

  /// The currencies present, sorted.
  public var currencies: [String] { Set(rows.map(\.key.currency)).sorted() }

  /// The rows that pass a filter.
  public func filtered(_ filter: CubeFilter) -> Cube {
    Cube(rows: rows.filter { filter.matches($0.key) })
  }
}

/// Which cells a query keeps: a date range, dimension values, a currency.
public struct CubeFilter: Sendable {
  /// First day kept, inclusive.
  public var from: Day?
  /// Last day kept, inclusive.
  public var to: Day?
  /// Exact values each dimension must have (all must match).
  public var equals: [(dimension: Dimension, value: String)]

  /// Creates a filter.
  public init(from: Day? = nil, to: Day? = nil, equals: [(dimension: Dimension, value: String)] = []) {
    self.from = from
    self.to = to
    self.equals = equals
  }

  /// Keeps everything.
  public static let all = CubeFilter()

  /// Whether a key passes.
  public func matches(_ key: CubeKey) -> Bool {
    if let from, key.day < from { return false }
    if let to, key.day > to { return false }
    for condition in equals where condition.dimension.value(of: key) != condition.value { return false }
    return true
  }
}

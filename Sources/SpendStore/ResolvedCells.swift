import SpendModel

/// One chunk of an import with every store id already assigned: the rows the writer inserts, in
/// insertion order, and nothing left to look up.
///
/// Made by `ImportResolver.resolve` (on any thread); written by `ImportWriter.add(_:)` on the
/// writer's. Its cells are sorted by primary key and equal keys summed, its daily rows likewise.
public struct ResolvedCells: Sendable {
  /// Labels first met in this chunk.
  var labels: [LabelRow] = []
  /// Series first met in this chunk.
  var series: [SeriesRow] = []
  /// The billing periods of the chunk's cells (and those declared).
  var periods: [PeriodRow] = []
  /// The cells, sorted by (period, day, series), equal keys summed.
  var cells: [CellRow] = []
  /// The daily rollup of the cells, sorted by its primary key.
  var daily: [DailyRow] = []
  /// The number of cells handed to the resolver (before equal keys were summed).
  public internal(set) var received = 0
}

/// A new `label` row.
struct LabelRow: Sendable {
  var id: Int64
  var text: String
}

/// A new `series` row.
struct SeriesRow: Sendable {
  var id: Int64
  var ids: SeriesIDs
  /// The series' tags as stored (`SeriesTags`).
  var tags: String
}

/// A billing period of a chunk and its id.
struct PeriodRow: Sendable {
  var id: Int64
  /// The payer's label id.
  var payer: Int64
  var period: BillingPeriod
  /// Whether the store held the period when the import began (it is then replaced).
  var stored: Bool
}

/// One row of the `cell` table.
struct CellRow: Sendable {
  var period: Int64
  var day: Int32
  var series: Int64
  var costs: StoredCosts
}

/// One row of the `daily` table.
struct DailyRow: Sendable {
  var key: DailyKey
  var costs: StoredCosts
}

/// A cell's four cost bases as the store keeps them (`StoredMoney` each), in column order.
struct StoredCosts: Sendable {
  var unblended: StoredMoney
  var amortized: StoredMoney
  var netUnblended: StoredMoney
  var netAmortized: StoredMoney

  /// Splits every basis.
  ///
  /// - Throws: `StoreError.amountOutOfRange` when one does not fit the store.
  init(_ costs: Costs) throws(StoreError) {
    unblended = try StoredMoney(costs.unblended)
    amortized = try StoredMoney(costs.amortized)
    netUnblended = try StoredMoney(costs.netUnblended)
    netAmortized = try StoredMoney(costs.netAmortized)
  }
}

/// A leaf series as label ids: a cube key without its day and billing period.
struct SeriesIDs: Hashable, Sendable {
  var account: Int64
  var service: Int64
  var usageType: Int64
  var operation: Int64
  var region: Int64
  var resource: Int64
  var lineItemType: Int64
  var currency: Int64
  /// The resolver's number for the series' tag set (stored inline as `SeriesTags` text).
  var tagSet: Int64

  /// One word for the hasher instead of nine: the fields folded by multiply-xor (equal keys still
  /// compare field by field).
  func hash(into hasher: inout Hasher) {
    var word = IDFold.mix(IDFold.seed, account)
    word = IDFold.mix(word, service)
    word = IDFold.mix(word, usageType)
    word = IDFold.mix(word, operation)
    word = IDFold.mix(word, region)
    word = IDFold.mix(word, resource)
    word = IDFold.mix(word, lineItemType)
    word = IDFold.mix(word, currency)
    hasher.combine(IDFold.mix(word, tagSet))
  }
}

/// The grain of the `daily` table: a cell without operation, resource and tags.
struct DailyKey: Hashable, Comparable, Sendable {
  var period: Int64
  var day: Int32
  var currency: Int64
  var service: Int64
  var account: Int64
  var usageType: Int64
  var region: Int64
  var lineItemType: Int64

  func hash(into hasher: inout Hasher) {
    var word = IDFold.mix(IDFold.seed, period)
    word = IDFold.mix(word, Int64(day))
    word = IDFold.mix(word, currency)
    word = IDFold.mix(word, service)
    word = IDFold.mix(word, account)
    word = IDFold.mix(word, usageType)
    word = IDFold.mix(word, region)
    hasher.combine(IDFold.mix(word, lineItemType))
  }

  static func < (lhs: DailyKey, rhs: DailyKey) -> Bool {
    if lhs.period != rhs.period { return lhs.period < rhs.period }
    if lhs.day != rhs.day { return lhs.day < rhs.day }
    if lhs.currency != rhs.currency { return lhs.currency < rhs.currency }
    if lhs.service != rhs.service { return lhs.service < rhs.service }
    if lhs.account != rhs.account { return lhs.account < rhs.account }
    if lhs.usageType != rhs.usageType { return lhs.usageType < rhs.usageType }
    if lhs.region != rhs.region { return lhs.region < rhs.region }
    return lhs.lineItemType < rhs.lineItemType
  }
}

/// Folds small integer ids into one 64-bit word for hashing.
enum IDFold {
  /// The starting word.
  static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// `word` with `id` mixed in.
  @inline(__always)
  static func mix(_ word: UInt64, _ id: Int64) -> UInt64 {
    let mixed = (word ^ UInt64(bitPattern: id)) &* 0xFF51_AFD7_ED55_8CCD
    return mixed ^ (mixed >> 29)
  }
}

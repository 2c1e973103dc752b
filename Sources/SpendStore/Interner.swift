import SpendModel

/// A leaf series as label ids: a cube key without its day and billing period.
struct SeriesIDs: Hashable {
  var account: Int64
  var service: Int64
  var usageType: Int64
  var operation: Int64
  var region: Int64
  var resource: Int64
  var lineItemType: Int64
  var currency: Int64
  /// The interner's number for the series' tag set (stored inline as `SeriesTags` text).
  var tagSet: Int64

  /// One word for the hasher instead of nine: the fields folded by multiply-xor (equal keys still
  /// compare field by field).
  func hash(into hasher: inout Hasher) {
    var word = IDFold.seed
    for id in [account, service, usageType, operation, region, resource, lineItemType, currency, tagSet] {
      word = IDFold.mix(word, id)
    }
    hasher.combine(word)
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

/// A tag set as label ids (key, value, key, value, …), hashed as one word.
struct TagPairs: Hashable {
  var ids: [Int64]

  func hash(into hasher: inout Hasher) { hasher.combine(ids.reduce(IDFold.seed, IDFold.mix)) }
}

/// Finds or creates the ids of labels and series inside one write transaction.
///
/// It loads the stored labels and series once when made, so that finding an id is a dictionary
/// lookup and only new values reach SQLite (as inserts, never as lookups that miss). A series'
/// tags are stored inline (`SeriesTags`); here each distinct tag set gets a number of this
/// import's own, so that a series key stays nine integers. Memory grows with the number of
/// distinct labels and series in the store, not with bills.
///
/// Its caches are valid only for the transaction it was made in: create one per import and drop
/// it afterwards (a rolled-back id must not be reused).
final class Interner {
  private let connection: Connection
  private var labels: [String: Int64] = [:]
  /// Tag set numbers by their pairs of label ids (key, value, … in key order); 0 is no tags.
  private var tagSets: [TagPairs: Int64] = [TagPairs(ids: []): 0]
  /// Each tag set number's stored text.
  private var tagTexts: [String] = [SeriesTags.none]
  private var series: [SeriesIDs: Int64] = [:]
  private let addLabel: Statement
  private let addSeries: Statement

  private static let seriesColumns =
    "account, service, usage_type, operation, region, resource, line_item_type, currency, tags"

  init(connection: Connection) throws(StoreError) {
    self.connection = connection
    addLabel = try connection.prepare("INSERT INTO label (text) VALUES (?)")
    addSeries = try connection.prepare(
      "INSERT INTO series (\(Interner.seriesColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    try loadStored()
  }

  // MARK: - Loading

  /// Reads every stored label and series into the caches.
  ///
  /// A stored tag set is looked up in key order (`Tags.keyPrecedes`) whatever order its text has:
  /// stores written before that order was fixed hold keys that are not NFC in Swift `String` order,
  /// and their series must stay the ones the same cells find now.
  private func loadStored() throws(StoreError) {
    let allLabels = try connection.prepare("SELECT id, text FROM label")
    var texts: [Int64: String] = [:]
    while try allLabels.step() {
      let text = allLabels.text(at: 1)
      labels[text] = allLabels.int64(at: 0)
      texts[allLabels.int64(at: 0)] = text
    }
    let allSeries = try connection.prepare("SELECT id, \(Interner.seriesColumns) FROM series")
    while try allSeries.step() {
      let text = allSeries.text(at: 9)
      guard let stored = SeriesTags.ids(of: text) else {
        throw .corrupt("series tags '\(text)' are not readable")
      }
      let pairs = Interner.inKeyOrder(stored, texts: texts)
      let ids = SeriesIDs(
        account: allSeries.int64(at: 1), service: allSeries.int64(at: 2), usageType: allSeries.int64(at: 3),
        operation: allSeries.int64(at: 4), region: allSeries.int64(at: 5), resource: allSeries.int64(at: 6),
        lineItemType: allSeries.int64(at: 7), currency: allSeries.int64(at: 8), tagSet: tagSet(pairs))
      series[ids] = allSeries.int64(at: 0)
    }
  }

  /// Label id pairs (key, value, …) sorted by their key texts in `Tags.keyPrecedes` order.
  private static func inKeyOrder(_ pairs: [Int64], texts: [Int64: String]) -> [Int64] {
    let keyed = stride(from: 0, to: pairs.count - 1, by: 2).map { (key: pairs[$0], value: pairs[$0 + 1]) }
    func precedes(_ lhs: (key: Int64, value: Int64), _ rhs: (key: Int64, value: Int64)) -> Bool {
      Tags.keyPrecedes(texts[lhs.key] ?? "", texts[rhs.key] ?? "")
    }
    guard zip(keyed, keyed.dropFirst()).contains(where: { !precedes($0, $1) }) else { return pairs }
    return keyed.sorted(by: precedes).flatMap { [$0.key, $0.value] }
  }

  // MARK: - Interning

  /// The id of a label, created if new.
  func label(_ text: String) throws(StoreError) -> Int64 {
    if let id = labels[text] { return id }
    try addLabel.bind(text, at: 1)
    try addLabel.runAndReset()
    let id = connection.lastInsertRowID
    labels[text] = id
    return id
  }

  /// This import's number for a tag set given as label ids (key, value, key, value, … sorted by
  /// key text, `Tags.keyPrecedes`); 0 for no tags. Nothing is written: the set is stored with the
  /// series that use it.
  func tagSet(_ pairs: [Int64]) -> Int64 {
    let key = TagPairs(ids: pairs)
    if let number = tagSets[key] { return number }
    let number = Int64(tagTexts.count)
    tagTexts.append(SeriesTags.text(of: pairs))
    tagSets[key] = number
    return number
  }

  /// The id of a series, created if new.
  func series(_ ids: SeriesIDs) throws(StoreError) -> Int64 {
    if let id = series[ids] { return id }
    let values = [
      ids.account, ids.service, ids.usageType, ids.operation, ids.region, ids.resource, ids.lineItemType,
      ids.currency,
    ]
    for (offset, value) in values.enumerated() { try addSeries.bind(value, at: Int32(offset + 1)) }
    try addSeries.bind(tagTexts[Int(ids.tagSet)], at: 9)
    try addSeries.runAndReset()
    let id = connection.lastInsertRowID
    series[ids] = id
    return id
  }
}

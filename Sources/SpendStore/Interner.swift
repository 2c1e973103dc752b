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

/// Finds or creates the ids of labels, tag sets and series inside one write transaction.
///
/// It loads the stored labels, tag set signatures and series once when made, so that finding an
/// id is a dictionary lookup and only new values reach SQLite (as inserts, never as lookups that
/// miss). Memory grows with the number of distinct labels and series in the store, not with bills.
///
/// Its caches are valid only for the transaction it was made in: create one per import and drop
/// it afterwards (a rolled-back id must not be reused).
final class Interner {
  private let connection: Connection
  private var labels: [String: Int64] = [:]
  /// Tag sets by their pairs of label ids (flattened key, value, key, value, … in key-text order).
  private var tagSets: [TagPairs: Int64] = [:]
  private var series: [SeriesIDs: Int64] = [:]
  private let addLabel: Statement
  private let addTagSet: Statement
  private let addTagPair: Statement
  private let addSeries: Statement

  private static let seriesColumns =
    "account, service, usage_type, operation, region, resource, line_item_type, currency, tag_set"

  init(connection: Connection) throws(StoreError) {
    self.connection = connection
    addLabel = try connection.prepare("INSERT INTO label (text) VALUES (?)")
    addTagSet = try connection.prepare("INSERT INTO tag_set (signature) VALUES (?)")
    addTagPair = try connection.prepare("INSERT INTO tag_pair (tag_set, key, value) VALUES (?, ?, ?)")
    addSeries = try connection.prepare(
      "INSERT INTO series (\(Interner.seriesColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    try loadStored()
  }

  // MARK: - Loading

  /// Reads every stored label, tag set signature and series into the caches.
  private func loadStored() throws(StoreError) {
    let allLabels = try connection.prepare("SELECT id, text FROM label")
    while try allLabels.step() { labels[allLabels.text(at: 1)] = allLabels.int64(at: 0) }
    let allTagSets = try connection.prepare("SELECT id, signature FROM tag_set")
    while try allTagSets.step() {
      tagSets[TagPairs(ids: Interner.pairs(ofSignature: allTagSets.text(at: 1)))] = allTagSets.int64(at: 0)
    }
    let allSeries = try connection.prepare("SELECT id, \(Interner.seriesColumns) FROM series")
    while try allSeries.step() {
      let ids = SeriesIDs(
        account: allSeries.int64(at: 1), service: allSeries.int64(at: 2), usageType: allSeries.int64(at: 3),
        operation: allSeries.int64(at: 4), region: allSeries.int64(at: 5), resource: allSeries.int64(at: 6),
        lineItemType: allSeries.int64(at: 7), currency: allSeries.int64(at: 8), tagSet: allSeries.int64(at: 9))
      series[ids] = allSeries.int64(at: 0)
    }
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

  /// The id of a tag set given as label ids (key, value, key, value, … sorted by key text); 0 for
  /// no tags.
  func tagSet(_ pairs: [Int64]) throws(StoreError) -> Int64 {
    if pairs.isEmpty { return 0 }
    let key = TagPairs(ids: pairs)
    if let id = tagSets[key] { return id }
    try addTagSet.bind(Interner.signature(of: pairs), at: 1)
    try addTagSet.runAndReset()
    let id = connection.lastInsertRowID
    var position = 0
    while position + 1 < pairs.count {
      try addTagPair.bind(id, at: 1)
      try addTagPair.bind(pairs[position], at: 2)
      try addTagPair.bind(pairs[position + 1], at: 3)
      try addTagPair.runAndReset()
      position += 2
    }
    tagSets[key] = id
    return id
  }

  // MARK: - Signatures

  /// A tag set's stored signature: `key=value` label ids joined by commas, in key-text order.
  static func signature(of pairs: [Int64]) -> String {
    var text = ""
    var position = 0
    while position + 1 < pairs.count {
      if position > 0 { text += "," }
      text += String(pairs[position])
      text += "="
      text += String(pairs[position + 1])
      position += 2
    }
    return text
  }

  /// The label id pairs of a stored signature (the inverse of `signature(of:)`).
  static func pairs(ofSignature signature: String) -> [Int64] {
    var pairs: [Int64] = []
    for pair in signature.split(separator: ",") {
      for id in pair.split(separator: "=") { pairs.append(Int64(id) ?? 0) }
    }
    return pairs
  }

  /// The id of a series, created if new.
  func series(_ ids: SeriesIDs) throws(StoreError) -> Int64 {
    if let id = series[ids] { return id }
    let values = [
      ids.account, ids.service, ids.usageType, ids.operation, ids.region, ids.resource, ids.lineItemType,
      ids.currency, ids.tagSet,
    ]
    for (offset, value) in values.enumerated() { try addSeries.bind(value, at: Int32(offset + 1)) }
    try addSeries.runAndReset()
    let id = connection.lastInsertRowID
    series[ids] = id
    return id
  }
}

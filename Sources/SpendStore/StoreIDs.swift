import SpendModel

/// The ids of an import's labels, tag sets, series and billing periods: those stored when the
/// import began, and those it creates, numbered in Swift from the stored maximum up.
///
/// The import holds the write lock from `BEGIN IMMEDIATE` to its commit, so nobody else can take
/// an id meanwhile, and a rolled-back import's ids are never seen again (the next import loads the
/// store afresh). Finding an id is a dictionary lookup; memory grows with the distinct labels and
/// series in the store, not with bills. Guarded by `ImportResolver`'s lock.
struct StoreIDs: Sendable {
  /// A payer label id and month index.
  struct PeriodKey: Hashable, Sendable {
    var payer: Int64
    var month: Int32
  }

  private(set) var labels: [String: Int64] = [:]
  /// Tag set numbers by their stored text (`SeriesTags`); 0 is no tags. Numbers are this import's
  /// own: a tag set is stored with the series that use it.
  private var tagSets: [TagSetKey: Int64] = [TagSetKey(pairs: []): 0]
  /// Each tag set number's text.
  private(set) var tagTexts: [String] = [SeriesTags.none]
  private var series: [SeriesIDs: Int64] = [:]
  /// Period ids, and whether the store held the period when the import began.
  private var periods: [PeriodKey: (id: Int64, stored: Bool)] = [:]
  private var nextLabel: Int64 = 1
  private var nextSeries: Int64 = 1
  private var nextPeriod: Int64 = 1

  private static let seriesColumns =
    "account, service, usage_type, operation, region, resource, line_item_type, currency, tags"

  // MARK: - Loading

  /// Reads every stored label, series and period.
  init(connection: Connection) throws(StoreError) {
    let allLabels = try connection.prepare("SELECT id, text FROM label")
    var texts: [Int64: String] = [:]
    while try allLabels.step() {
      let text = allLabels.text(at: 1)
      labels[text] = allLabels.int64(at: 0)
      texts[allLabels.int64(at: 0)] = text
      nextLabel = max(nextLabel, allLabels.int64(at: 0) + 1)
    }
    let allSeries = try connection.prepare("SELECT id, \(StoreIDs.seriesColumns) FROM series")
    while try allSeries.step() {
      let text = allSeries.text(at: 9)
      guard let stored = SeriesTags.ids(of: text) else {
        throw .corrupt("series tags '\(text)' are not readable")
      }
      let pairs = StoreIDs.inKeyOrder(stored, texts: texts)
      let ids = SeriesIDs(
        account: allSeries.int64(at: 1), service: allSeries.int64(at: 2), usageType: allSeries.int64(at: 3),
        operation: allSeries.int64(at: 4), region: allSeries.int64(at: 5), resource: allSeries.int64(at: 6),
        lineItemType: allSeries.int64(at: 7), currency: allSeries.int64(at: 8),
        tagSet: tagSet(TagSetKey(pairs: pairs)))
      let id = allSeries.int64(at: 0)
      series[ids] = id
      nextSeries = max(nextSeries, id + 1)
    }
    let allPeriods = try connection.prepare("SELECT id, payer, month FROM period")
    while try allPeriods.step() {
      let id = allPeriods.int64(at: 0)
      let text = allPeriods.text(at: 2)
      guard let month = Month(iso: text) else { throw .corrupt("period month '\(text)' is not a month") }
      periods[PeriodKey(payer: allPeriods.int64(at: 1), month: month.index)] = (id, true)
      nextPeriod = max(nextPeriod, id + 1)
    }
  }

  /// Label id pairs (key, value, …) sorted by their key texts in `Tags.keyPrecedes` order.
  ///
  /// A stored tag set is looked up in key order whatever order its text has: stores written before
  /// that order was fixed hold keys that are not NFC in Swift `String` order, and their series must
  /// stay the ones the same cells find now.
  private static func inKeyOrder(_ pairs: [Int64], texts: [Int64: String]) -> [Int64] {
    let keyed = stride(from: 0, to: pairs.count - 1, by: 2).map { (key: pairs[$0], value: pairs[$0 + 1]) }
    func precedes(_ lhs: (key: Int64, value: Int64), _ rhs: (key: Int64, value: Int64)) -> Bool {
      Tags.keyPrecedes(texts[lhs.key] ?? "", texts[rhs.key] ?? "")
    }
    guard zip(keyed, keyed.dropFirst()).contains(where: { !precedes($0, $1) }) else { return pairs }
    return keyed.sorted(by: precedes).flatMap { [$0.key, $0.value] }
  }

  // MARK: - Finding or numbering

  /// The id of a label; a new one is appended to `created`.
  mutating func label(_ text: String, created: inout [LabelRow]) -> Int64 {
    if let id = labels[text] { return id }
    let id = nextLabel
    nextLabel += 1
    labels[text] = id
    created.append(LabelRow(id: id, text: text))
    return id
  }

  /// The number of a tag set.
  mutating func tagSet(_ key: TagSetKey) -> Int64 {
    if let number = tagSets[key] { return number }
    let number = Int64(tagTexts.count)
    tagTexts.append(key.text)
    tagSets[key] = number
    return number
  }

  /// The id of a series; a new one is appended to `created`.
  mutating func series(_ ids: SeriesIDs, created: inout [SeriesRow]) -> Int64 {
    if let id = series[ids] { return id }
    let id = nextSeries
    nextSeries += 1
    series[ids] = id
    created.append(SeriesRow(id: id, ids: ids, tags: tagTexts[Int(ids.tagSet)]))
    return id
  }

  /// Room for `more` tag sets, the table grown at most once.
  mutating func reserve(tagSets more: Int) {
    let needed = tagSets.count + more
    if tagSets.capacity < needed { tagSets.reserveCapacity(max(needed, tagSets.capacity * 2)) }
  }

  /// The id of a billing period whose payer has label id `payer`, and whether it was stored.
  mutating func period(payer: Int64, month: Month) -> (id: Int64, stored: Bool) {
    let key = PeriodKey(payer: payer, month: month.index)
    if let known = periods[key] { return known }
    let new = (id: nextPeriod, stored: false)
    nextPeriod += 1
    periods[key] = new
    return new
  }
}

/// A tag set as its stored text, hashed by its label ids folded into one word (computed once, off
/// the resolver's lock); equal keys compare by text.
struct TagSetKey: Hashable, Sendable {
  /// The stored text (`SeriesTags`).
  var text: String
  private var fold: UInt64

  /// The key of label id pairs (key, value, key, value, … in key-text order).
  init(pairs: [Int64]) {
    text = SeriesTags.text(of: pairs)
    fold = pairs.reduce(IDFold.seed, IDFold.mix)
  }

  func hash(into hasher: inout Hasher) { hasher.combine(fold) }

  static func == (lhs: TagSetKey, rhs: TagSetKey) -> Bool { lhs.fold == rhs.fold && lhs.text == rhs.text }
}

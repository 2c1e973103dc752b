import SpendModel

/// Turns stored ids back into text: labels, tag sets and periods, each looked up once.
final class LabelReader {
  private let connection: Connection
  private var labels: [Int64: String] = [:]
  private var tagSets: [Int64: Tags] = [0: Tags()]
  private var periods: [Int64: BillingPeriod] = [:]
  private let findLabel: Statement
  private let findTagPairs: Statement

  init(connection: Connection) throws(StoreError) {
    self.connection = connection
    findLabel = try connection.prepare("SELECT text FROM label WHERE id = ?")
    findTagPairs = try connection.prepare("SELECT key, value FROM tag_pair WHERE tag_set = ?")
  }

  /// Reads every label at once (cheaper than one by one when most will be needed).
  func loadAllLabels() throws(StoreError) {
    let statement = try connection.prepare("SELECT id, text FROM label")
    while try statement.step() { labels[statement.int64(at: 0)] = statement.text(at: 1) }
  }

  /// The text of a label.
  func label(_ id: Int64) throws(StoreError) -> String {
    if let text = labels[id] { return text }
    try findLabel.bind(id, at: 1)
    defer { findLabel.reset() }
    guard try findLabel.step() else { throw .corrupt("label \(id) is missing") }
    let text = findLabel.text(at: 0)
    labels[id] = text
    return text
  }

  /// The tags of a tag set (0 is no tags).
  func tags(_ id: Int64) throws(StoreError) -> Tags {
    if let tags = tagSets[id] { return tags }
    try findTagPairs.bind(id, at: 1)
    var ids: [(Int64, Int64)] = []
    while try findTagPairs.step() { ids.append((findTagPairs.int64(at: 0), findTagPairs.int64(at: 1))) }
    findTagPairs.reset()
    guard !ids.isEmpty else { throw .corrupt("tag set \(id) is missing") }
    var pairs: [(String, String)] = []
    for (key, value) in ids { pairs.append((try label(key), try label(value))) }
    let tags = Tags(pairs)
    tagSets[id] = tags
    return tags
  }

  /// The billing period of a period id.
  func period(_ id: Int64) throws(StoreError) -> BillingPeriod {
    if periods.isEmpty { try loadPeriods() }
    guard let period = periods[id] else { throw .corrupt("period \(id) is missing") }
    return period
  }

  private func loadPeriods() throws(StoreError) {
    let statement = try connection.prepare("SELECT id, payer, month FROM period")
    var raw: [(Int64, Int64, String)] = []
    while try statement.step() {
      raw.append((statement.int64(at: 0), statement.int64(at: 1), statement.text(at: 2)))
    }
    for (id, payer, monthText) in raw {
      guard let month = Month(iso: monthText) else { throw .corrupt("period \(id) has month '\(monthText)'") }
      periods[id] = BillingPeriod(payer: try label(payer), month: month)
    }
  }
}

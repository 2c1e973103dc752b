import SpendModel

/// Turns stored ids back into text: labels, series tags and periods, each looked up once.
final class LabelReader {
  private let connection: Connection
  private var labels: [Int64: String] = [:]
  private var tagSets: [String: Tags] = [:]
  private var periods: [Int64: BillingPeriod] = [:]
  private let findLabel: Statement

  init(connection: Connection) throws(StoreError) {
    self.connection = connection
    findLabel = try connection.prepare("SELECT text FROM label WHERE id = ?")
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

  /// The tags of a series' `tags` text (`{"key id":value id,…}`, see `SeriesTags`).
  func tags(_ text: String) throws(StoreError) -> Tags {
    if let tags = tagSets[text] { return tags }
    guard let ids = SeriesTags.ids(of: text) else { throw .corrupt("series tags '\(text)' are not readable") }
    var pairs: [(String, String)] = []
    var position = 0
    while position + 1 < ids.count {
      pairs.append((try label(ids[position]), try label(ids[position + 1])))
      position += 2
    }
    let tags = Tags(pairs)
    tagSets[text] = tags
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

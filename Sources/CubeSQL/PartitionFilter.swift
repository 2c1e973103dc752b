import SpendModel

/// The partition predicate that lets Athena read only the months asked for: `year`/`month` for
/// the legacy CUR Athena integration (`year=2024/month=3`), `billing_period` for CUR 2.0 and FOCUS
/// Data Exports (`BILLING_PERIOD=2024-03`). Partitions are billing periods, so a range prunes to
/// the billing periods that its first and last day fall in.
struct PartitionFilter {
  /// The WHERE predicate, nil when there is no range or no partition column.
  let predicate: String?
  /// What was pruned by, for the SQL's comment.
  let summary: String

  init(columns: SourceColumns, from: Day?, to: Day?, dialect d: SQLDialect) {
    let yearMonth = columns.exact("year").flatMap { year in columns.exact("month").map { (year, $0) } }
    let billingPeriod = columns.exact("billing_period")
    guard from != nil || to != nil else {
      predicate = nil
      if let (year, month) = yearMonth {
        summary = "none (no --from/--to); the table is partitioned by \(year), \(month)."
      } else if let billingPeriod {
        summary = "none (no --from/--to); the table is partitioned by \(billingPeriod)."
      } else {
        summary = "none (no --from/--to)."
      }
      return
    }
    if let (year, month) = yearMonth {
      predicate = PartitionFilter.yearMonth(year: year, month: month, from: from, to: to, dialect: d)
      summary = "\(year), \(month) (legacy CUR Athena integration partitions)."
    } else if let billingPeriod {
      var parts: [String] = []
      let name = d.identifier(billingPeriod)
      if let from { parts.append("\(name) >= \(d.literal(from.month.description))") }
      if let to { parts.append("\(name) <= \(d.literal(to.month.description))") }
      predicate = parts.joined(separator: " AND ")
      summary = "\(billingPeriod) (Data Exports partitions, YYYY-MM)."
    } else {
      predicate = nil
      summary = "none: no year/month or billing_period column; every row is scanned, then filtered by day."
    }
  }

  /// `year`/`month` pairs, months unpadded as the CUR Athena integration writes them.
  private static func yearMonth(year: String, month: String, from: Day?, to: Day?, dialect d: SQLDialect)
    -> String
  {
    let y = d.identifier(year)
    let m = d.identifier(month)
    guard let from, let to else {
      if let from { return "\(y) >= \(d.literal(String(from.month.year)))" }
      return "\(y) <= \(d.literal(String(to?.month.year ?? 0)))"
    }
    var byYear: [(Int, [Int])] = []
    var current = from.month
    while current <= to.month {
      if byYear.last?.0 == current.year {
        byYear[byYear.count - 1].1.append(current.month)
      } else {
        byYear.append((current.year, [current.month]))
      }
      current = current.next
    }
    let terms = byYear.map { entry in
      let months = entry.1.map { d.literal(String($0)) }.joined(separator: ", ")
      return "(\(y) = \(d.literal(String(entry.0))) AND \(m) IN (\(months)))"
    }
    return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
  }
}

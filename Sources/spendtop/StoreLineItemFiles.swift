import Dashboard
import Foundation
import SpendModel
import SpendStore

/// The bill files a store's line items are read from: the import registry's files whose billing
/// periods are still stored and overlap the days on screen, those still on disk (the store keeps
/// only sums; line items come from the bills, if they are still where they were imported from).
enum StoreLineItemFiles {
  /// Why no line items can be read from the store's bills.
  enum Failure: Error, CustomStringConvertible {
    /// The store has no stored import for these months.
    case noImport(months: [Month])
    /// The files imported for these months are gone from their paths.
    case moved(months: [Month], paths: [String])

    var description: String {
      switch self {
      case .noImport(let months):
        return "the store has no imported bills for \(Self.names(months))"
      case .moved(let months, let paths):
        return "the bills imported for \(Self.names(months)) are no longer at \(paths.joined(separator: ", "))"
      }
    }

    private static func names(_ months: [Month]) -> String { months.map(\.description).joined(separator: ", ") }
  }

  /// The files of the store at `path` holding `days`, those that exist, registry order.
  ///
  /// - Throws: `StoreError` when the store cannot be read, `Failure` when no file is left.
  static func paths(store path: String, days: ClosedRange<Day>) throws -> [String] {
    let store = try SpendStore.open(at: path, creating: false)
    return try paths(records: try store.listImports(), days: days) {
      FileManager.default.fileExists(atPath: $0)
    }
  }

  /// The files of `records` whose stored periods overlap `days` and that `exists` admits.
  static func paths(
    records: [ImportRecord], days: ClosedRange<Day>, exists: (String) -> Bool
  ) throws(Failure) -> [String] {
    let months = Set(monthsOf(days))
    var imported: [String] = []
    for record in records {
      let holds = zip(record.file.billingPeriods, record.periodStatus).contains { period, status in
        status == .stored && months.contains(period.month)
      }
      if holds && !imported.contains(record.file.path) { imported.append(record.file.path) }
    }
    let wanted = monthsOf(days)
    guard !imported.isEmpty else { throw .noImport(months: wanted) }
    let existing = imported.filter(exists)
    guard !existing.isEmpty else { throw .moved(months: wanted, paths: imported) }
    return existing
  }

  /// The calendar months `days` touch, in order.
  private static func monthsOf(_ days: ClosedRange<Day>) -> [Month] {
    var months = [days.lowerBound.month]
    while let last = months.last, last < days.upperBound.month { months.append(last.next) }
    return months
  }
}

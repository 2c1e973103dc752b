import SpendModel

/// Refuses bills that would be counted twice: the same file given under two names, or two
/// files holding the same line items of one billing period (a bill and an earlier snapshot of it).
///
/// Loose parts of one period (`…-1.csv`, `…-2.csv`) hold different line items and are summed;
/// two versions of one bill repeat theirs (`identity/LineItemId` + `identity/TimeInterval`), and
/// summing them double counts. Formats without line item identities (FOCUS, Cost Explorer) are
/// checked only for identical files.
public enum BillOverlap {
  /// Checks the files of one read, in plan order.
  ///
  /// Any identity in common counts, whatever the payer (which a query may not read): an identity
  /// carries its time interval, so files sharing one share its billing period.
  ///
  /// - Throws: `BillImportError.overlappingBills` naming the first two files (in plan order) that
  ///   share line items.
  public static func check(_ summaries: [ImportSummary]) throws(BillImportError) {
    for (position, first) in summaries.enumerated() {
      guard let firstSample = first.lineItemSample, !firstSample.hashes.isEmpty else { continue }
      for second in summaries[(position + 1)...] {
        guard let secondSample = second.lineItemSample else { continue }
        let shared = firstSample.shared(with: secondSample)
        guard shared.count > 0 else { continue }
        throw .overlappingBills(
          first: first.path, second: second.path, period: sharedPeriod(first, second), repeated: shared.count,
          exact: shared.exact, firstLastDay: first.dayRange.map { "\($0.upperBound)" } ?? "no rows",
          secondLastDay: second.dayRange.map { "\($0.upperBound)" } ?? "no rows")
      }
    }
  }

  /// The first billing period both files hold (payer × month, else the month), for messages.
  private static func sharedPeriod(_ first: ImportSummary, _ second: ImportSummary) -> String {
    if let period = first.payerPeriods.first(where: second.payerPeriods.contains) {
      return period.description
    }
    if let month = first.billingPeriods.first(where: second.billingPeriods.contains) { return "\(month)" }
    return "\(first.billingPeriods.first.map { "\($0)" } ?? "?")"
  }

  /// Checks that no two planned files have the same bytes (compared only between files of equal
  /// size, so most plans read nothing).
  ///
  /// - Throws: `BillImportError.duplicateBill` naming the first such pair.
  static func checkIdentical(_ sources: [BillSource]) throws(BillImportError) {
    var bySize: [Int64: [BillSource]] = [:]
    for source in sources where source.byteCount > 0 {
      for earlier in bySize[source.byteCount, default: []]
      where FileSystem.sameContents(earlier.path, source.path) {
        throw .duplicateBill(first: earlier.path, second: source.path)
      }
      bySize[source.byteCount, default: []].append(source)
    }
  }
}

extension PayerPeriod: CustomStringConvertible {
  /// `123456789012:2026-11`, or `2026-11` when the bill names no payer.
  public var description: String { payer.isEmpty ? "\(month)" : "\(payer):\(month)" }
}

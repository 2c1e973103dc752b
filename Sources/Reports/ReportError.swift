import SpendModel

/// Why a report cannot be made or written.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The bills hold no line items (after the currency filter).
  case noData
  /// Several currencies and none chosen.
  case mixedCurrencies([String])
  /// The requested period reaches past the data.
  case periodOutsideData(period: ReportPeriod, data: ClosedRange<Day>)
  /// The period compared against has no row at all on any of its days (not imported, or
  /// forgotten): a gap, not $0 of spend, so there is nothing to compare with.
  case comparedPeriodIsGap(period: ReportPeriod)
  /// A snapshot file is not valid JSON or not a spendtop snapshot.
  case invalidSnapshot(path: String, line: Int, column: Int, reason: String)
  /// A comparison asks for a dimension the snapshot did not keep.
  case snapshotLacksDimension(path: String, dimension: String, kept: [String])
  /// Snapshot and bills are in different currencies or bases.
  case snapshotMismatch(path: String, reason: String)
  /// A file could not be read.
  case unreadable(path: String, reason: String)
  /// A file could not be written (nothing was replaced).
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .noData:
      return "the bills hold no line items to report on"
    case .mixedCurrencies(let codes):
      return "the data holds several currencies (\(codes.joined(separator: ", "))); "
        + "choose one with --currency \(codes.first ?? "USD")"
    case .periodOutsideData(let period, let data):
      return "no data for \(period) (the bills cover \(data.lowerBound)..\(data.upperBound))"
    case .comparedPeriodIsGap(let period):
      return "no data at all for \(period), the period compared against (not imported, or forgotten): "
        + "a gap, not $0 of spend; compare with another period with --against"
    case .invalidSnapshot(let path, let line, let column, let reason):
      return "\(path):\(line):\(column): not a spendtop snapshot: \(reason)"
    case .snapshotLacksDimension(let path, let dimension, let kept):
      return "\(path): the snapshot has no '\(dimension)' (it kept \(kept.joined(separator: ", "))); "
        + "compare by those or save a snapshot --by \(dimension)"
    case .snapshotMismatch(let path, let reason):
      return "\(path): \(reason)"
    case .unreadable(let path, let reason):
      return "\(path): cannot read: \(reason)"
    case .cannotWrite(let path, let reason):
      return "\(path): cannot write: \(reason)"
    }
  }
}

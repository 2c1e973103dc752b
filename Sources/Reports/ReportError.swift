import SpendModel

/// Why a report cannot be made or written.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The bills hold no line items (after the currency filter).
  case noData
  /// Several currencies and none chosen.
  case mixedCurrencies([String])
  /// The requested period reaches past the data.
  case periodOutsideData(period: ReportPeriod, data: ClosedRange<Day>)
  /// One side of a comparison is not wholly inside the data: `side` says which and how the user
  /// gave it.
  case comparedPeriodOutsideData(side: ComparedSide, period: ReportPeriod, data: ClosedRange<Day>)
  /// The period compared against has no row at all on any of its days (not imported, or
  /// forgotten): a gap, not $0 of spend, so there is nothing to compare with.
  case comparedPeriodIsGap(period: ReportPeriod)
  /// The period reported on has no row at all on any of its days: a gap, not $0 of spend.
  case reportedPeriodIsGap(period: ReportPeriod)
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
    case .comparedPeriodOutsideData(let side, let period, let data):
      let cover = "the bills cover \(data.lowerBound)..\(data.upperBound)"
      let missing = Self.uncovered(period, data)
      let noData =
        missing == [period]
        ? "no data for \(period)"
        : "no data for \(missing.map(\.description).joined(separator: " and ")), part of \(period)"
      switch side {
      case .period(let typed): return "--period \(typed): \(noData) (\(cover))"
      case .against(let typed): return "--against \(typed): \(noData) (\(cover))"
      case .defaultAgainst(let name):
        return "the default comparison, \(name) (\(period)), has no data (\(cover)); give --against"
      }
    case .comparedPeriodIsGap(let period):
      return "no data at all for \(period), the period compared against (not imported, or forgotten): "
        + "a gap, not $0 of spend; compare with another period with --against"
    case .reportedPeriodIsGap(let period):
      return "no data at all for \(period), the period reported on (not imported, or forgotten): "
        + "a gap, not $0 of spend; choose another --period"
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

  /// The parts of `period` outside `data`: before its first day, after its last, or all of it.
  static func uncovered(_ period: ReportPeriod, _ data: ClosedRange<Day>) -> [ReportPeriod] {
    if period.end < data.lowerBound || period.start > data.upperBound { return [period] }
    var parts: [ReportPeriod] = []
    if period.start < data.lowerBound {
      parts.append(ReportPeriod(start: period.start, end: data.lowerBound.advanced(by: -1)))
    }
    if period.end > data.upperBound {
      parts.append(ReportPeriod(start: data.upperBound.advanced(by: 1), end: period.end))
    }
    return parts
  }
}

/// Which side of `report compare` a period is, with the text the user typed for it.
public enum ComparedSide: Equatable, Sendable {
  /// `--period TEXT`.
  case period(String)
  /// `--against TEXT`.
  case against(String)
  /// The default comparison, named (`the 7 days before`, `the month before`).
  case defaultAgainst(String)
}

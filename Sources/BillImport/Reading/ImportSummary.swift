import SpendModel

/// What one file's import found: for the store's import registry and for people.
public struct ImportSummary: Sendable {
  /// The file as given (or as resolved from its manifest).
  public var path: String
  /// The manifest that listed the file, if any.
  public var manifest: String?
  /// The format detected from the header.
  public var format: BillFormat
  /// Data rows read (not counting the header, blank lines or skipped rows).
  public var rowsRead: Int
  /// Rows that could not be read and were skipped (only with `skipBadRows`).
  public var skippedRows: [BadRow]
  /// Rows not counted as data for a stated reason (e.g. a Cost Explorer total row), by reason.
  public var ignoredRows: [String: Int]
  /// Billing periods present.
  public var billingPeriods: [Month]
  /// Totals per line item type (or FOCUS charge category), every basis.
  public var totalsByLineItemType: [String: Costs]
  /// Currencies present.
  public var currencies: [String]
  /// Bases the file's columns could not state, filled from another basis (e.g. net = non-net).
  public var defaultedBases: [CostBasis: String]
  /// Notes about the file: tolerated quirks (a header longer than its rows, an assumed currency).
  public var notes: [String]
  /// The first and last day with data, nil for a header-only file.
  public var dayRange: ClosedRange<Day>?
  /// Billing periods present as payer × month, sorted.
  public var payerPeriods: [PayerPeriod] = []
  /// Totals per line item type and currency, every basis.
  public var totalsByLineItemTypeAndCurrency: [LineItemCurrency: Costs] = [:]
  /// A bounded sample of the file's line item identities (nil when the format has none), for
  /// `BillOverlap`.
  var lineItemSample: LineItemSample?

  /// Whether rows were skipped, so totals are incomplete.
  public var isComplete: Bool { skippedRows.isEmpty }

  /// The unblended total over every line item type.
  public var total: Costs { totalsByLineItemType.values.reduce(.zero, +) }
}

/// A billing period as the file states it: payer account and month.
public struct PayerPeriod: Hashable, Comparable, Sendable {
  /// The payer account ("" when the file has none).
  public var payer: String
  /// The billing period's month.
  public var month: Month

  /// Creates a period.
  public init(payer: String, month: Month) {
    self.payer = payer
    self.month = month
  }

  /// Ordered by payer, then month.
  public static func < (lhs: PayerPeriod, rhs: PayerPeriod) -> Bool {
    (lhs.payer, lhs.month) < (rhs.payer, rhs.month)
  }
}

/// One file imported: its own cells and summary.
public struct FileImport: Sendable {
  /// The file's cells, labels numbered (what the store imports).
  public var cells: CompactCube
  /// What was read.
  public var summary: ImportSummary

  /// The file's cells as a cube with string keys (made on each call).
  public var cube: Cube { cells.cube() }
}

/// Everything imported from a set of paths, the cells kept compact.
public struct BillCells: Sendable {
  /// All files' cells, appended (a key may repeat across files; rollups sum equal keys).
  public var cells: CompactCube
  /// One summary per file read, in the order the files were planned.
  public var summaries: [ImportSummary]
  /// Manifests that list no report files (see `ImportPlan.emptyManifests`).
  public var emptyManifests: [String] = []

  /// Every skipped row.
  public var skippedRows: [BadRow] { summaries.flatMap(\.skippedRows) }
}

/// Everything imported from a set of paths.
public struct BillImport: Sendable {
  /// All files' cells, merged.
  public var cube: Cube
  /// One summary per file read, in the order the files were planned.
  public var summaries: [ImportSummary]
  /// Manifests that list no report files (see `ImportPlan.emptyManifests`).
  public var emptyManifests: [String] = []

  /// Whether no row was skipped anywhere.
  public var isComplete: Bool { summaries.allSatisfy(\.isComplete) }

  /// Every skipped row.
  public var skippedRows: [BadRow] { summaries.flatMap(\.skippedRows) }
}

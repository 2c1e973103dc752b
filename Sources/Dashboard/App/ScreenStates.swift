import SpendModel

/// How Explorer rows are ordered.
public enum SortKey: String, CaseIterable, Sendable {
  /// Cost in the period, change against the previous period, or name.
  case cost, change, name
}

/// The Explorer: a drill-down path, a grouping, sort, a regex filter and the cursor.
public struct ExplorerState: Sendable {
  /// The drill-down so far (breadcrumbs).
  public var filters: [DimensionFilter] = []
  /// The dimension rows are grouped by.
  public var groupBy: Dimension = .service
  /// Cursor per level, so that going back returns to the row you came from.
  public var cursorStack: [Int] = []
  /// The cursor (an index into `visible`).
  public var cursor = 0
  /// The sort key.
  public var sort: SortKey = .cost
  /// Whether the sort is ascending.
  public var ascending = false
  /// The regex filter as typed (`!` prefix inverts), empty for none.
  public var pattern = ""
  /// The computed breakdown for the current level.
  public var breakdown: Breakdown?
  /// Indices into `breakdown.rows` after filtering and sorting.
  public var visible: [Int] = []
  /// The line items of the resource drilled into, once read.
  public var lineItems: LineItemTable?
  /// The cursor in the line items.
  public var lineItemCursor = 0

  /// The drill-down order (ncdu style).
  public static let hierarchy: [Dimension] = [.service, .usageType, .operation, .region, .resource]

  /// The selected row.
  public var selectedRow: BreakdownRow? {
    guard let breakdown, visible.indices.contains(cursor) else { return nil }
    return breakdown.rows[visible[cursor]]
  }
}

/// The Anomalies screen: list cursor, the open detail, filter.
public struct AnomaliesState: Sendable {
  /// The cursor in the list.
  public var cursor = 0
  /// The anomaly whose detail is open.
  public var detail: String?
  /// The regex filter as typed.
  public var pattern = ""
}

/// The Ledger screen: incident cursor, the open incident, its line cursor.
public struct LedgerState: Sendable {
  /// The cursor in the incident list.
  public var cursor = 0
  /// The incident whose lines are open.
  public var open: String?
  /// The cursor in its lines.
  public var lineCursor = 0
  /// The regex filter as typed.
  public var pattern = ""
  /// The name of the next line entered in the form, until its save answers.
  public var nextDraft = 0
}

/// The triage form: verdict and reason.
public struct TriageForm: Sendable, Equatable {
  /// The anomaly judged.
  public var anomalyID: String
  /// The chosen verdict.
  public var verdict: TriageVerdict
  /// The reason being typed.
  public var reason: TextInput
  /// Why it cannot be saved yet, shown inside the form (cleared when the reason changes).
  public var problem: String?
}

/// The add / edit form for an incident cost line.
public struct LineForm: Sendable, Equatable {
  /// The fields, in order.
  public static let fields = ["category", "description", "amount", "note"]
  /// The incident.
  public var incidentID: String
  /// The line edited, nil when adding.
  public var index: Int?
  /// One input per field.
  public var values: [TextInput]
  /// The field with the cursor.
  public var focus = 0
  /// A validation problem to show.
  public var problem: String?
}

import IncidentLedger
import SpendModel
import SpikeDetector

/// Everything the dashboard shows, in plain model types: the cube, anomalies and incidents.
///
/// The composition root fills it from bills or the store (and the detector and ledger); tests
/// build it in code. The dashboard never reads files itself.
public struct DashboardData: Sendable {
  /// The costs.
  public let cube: Cube
  /// The first and last day with costs (computed once: the cube can be large).
  public let dayRange: ClosedRange<Day>?
  /// Detected anomalies, any order.
  public var anomalies: [AnomalyItem]
  /// Ledger incidents, any order.
  public var incidents: [IncidentItem]
  /// Where the data came from (paths, or the store), for the status bar.
  public var sources: [String]
  /// Things the loader wants the user to know (skipped files, missing detector input), after a
  /// note for each gap in the data (days with no rows at all, see `gaps`).
  public var notes: [String]
  /// The days with at least one row: a day of `dayRange` without any is a gap (not imported, or
  /// forgotten), not $0 of spend.
  public let daysWithData: Set<Day>

  /// Creates the data.
  public init(
    cube: Cube, anomalies: [AnomalyItem] = [], incidents: [IncidentItem] = [], sources: [String] = [],
    notes: [String] = []
  ) {
    self.cube = cube
    var days = Set<Day>()
    for row in cube.rows { days.insert(row.key.day) }
    daysWithData = days
    if let first = days.min(), let last = days.max() { dayRange = first...last } else { dayRange = nil }
    self.anomalies = anomalies
    self.incidents = incidents
    self.sources = sources
    self.notes = []
    self.notes = gaps.map(DashboardData.gapNote) + notes
  }

  /// No data yet.
  public static let empty = DashboardData(cube: Cube())

  /// "Today": the last day with data (never the wall clock), nil for an empty cube.
  public var today: Day? { dayRange?.upperBound }

  // MARK: - Gaps

  /// Whether any day of `days` has a row.
  public func hasData(in days: ClosedRange<Day>) -> Bool { days.contains { daysWithData.contains($0) } }

  /// The runs of days inside `dayRange` with no row at all, in order (as `detect` names them).
  public var gaps: [ClosedRange<Day>] {
    guard let dayRange else { return [] }
    var runs: [ClosedRange<Day>] = []
    var start: Day?
    for day in dayRange {
      if !daysWithData.contains(day) {
        start = start ?? day
      } else if let first = start {
        runs.append(first...day.advanced(by: -1))
        start = nil
      }
    }
    return runs
  }

  /// `no data at all for 2026-09-01 … 2026-09-30 (not imported, or forgotten): a gap, not $0`.
  static func gapNote(_ gap: ClosedRange<Day>) -> String {
    let span =
      gap.lowerBound == gap.upperBound ? "\(gap.lowerBound)" : "\(gap.lowerBound) … \(gap.upperBound)"
    return "no data at all for \(span) (not imported, or forgotten): a gap, not $0"
  }
}

// MARK: - Anomalies

/// A triage decision: the verdict and why.
public struct Triage: Sendable, Equatable {
  /// The verdict.
  public var verdict: TriageVerdict
  /// The reason given.
  public var reason: String

  /// Creates a triage decision.
  public init(verdict: TriageVerdict, reason: String) {
    self.verdict = verdict
    self.reason = reason
  }
}

/// One day of an anomaly's series: what it cost and what was expected.
public struct AnomalyPoint: Sendable, Equatable {
  /// The day.
  public var day: Day
  /// The cost that day.
  public var actual: Money
  /// The baseline for that day.
  public var expected: Money

  /// Creates a point.
  public init(day: Day, actual: Money, expected: Money) {
    self.day = day
    self.actual = actual
    self.expected = expected
  }
}

/// A child series that explains part of an anomaly.
public struct AnomalyContributor: Sendable, Equatable {
  /// The dimension (`usage-type`, `region`, …).
  public var dimension: String
  /// The value (`USE1-NodeUsage:cache.r6g.large`).
  public var value: String
  /// Actual minus expected over the anomaly.
  public var impact: Money
  /// Share of the positive impact, 0…1.
  public var share: Double

  /// Creates a contributor.
  public init(dimension: String, value: String, impact: Money, share: Double) {
    self.dimension = dimension
    self.value = value
    self.impact = impact
    self.share = share
  }
}

/// A detected anomaly as the dashboard shows it.
public struct AnomalyItem: Sendable, Equatable, Identifiable {
  /// A stable id (used to persist triage).
  public var id: String
  /// `spike`, `step`, `drift`, `new`, `calendar`.
  public var kind: String
  /// The first anomalous day.
  public var start: Day
  /// The last day it was seen.
  public var end: Day
  /// The series it fired on, e.g. `AmazonElastiCache · USE1-NodeUsage:cache.r6g.large`.
  public var series: String
  /// The one-line root cause.
  public var rootCause: String
  /// Cost over the anomaly.
  public var actual: Money
  /// Baseline over the anomaly.
  public var expected: Money
  /// The daily series around it.
  public var points: [AnomalyPoint]
  /// Who explains it, largest first.
  public var contributors: [AnomalyContributor]
  /// The triage decision, if any.
  public var triage: Triage?
  /// The detector's event, when the item came from the detector (opening an incident needs it).
  public var detected: Anomaly?

  /// Creates an anomaly.
  public init(
    id: String, kind: String, start: Day, end: Day, series: String, rootCause: String, actual: Money,
    expected: Money, points: [AnomalyPoint] = [], contributors: [AnomalyContributor] = [],
    triage: Triage? = nil, detected: Anomaly? = nil
  ) {
    self.id = id
    self.kind = kind
    self.start = start
    self.end = end
    self.series = series
    self.rootCause = rootCause
    self.actual = actual
    self.expected = expected
    self.points = points
    self.contributors = contributors
    self.triage = triage
    self.detected = detected
  }

  /// Actual minus expected.
  public var impact: Money { actual - expected }

  /// Impact relative to expected, nil when nothing was expected.
  public var impactRatio: Double? { impact.ratio(to: expected) }
}

// MARK: - Incidents

/// One cost line of an incident.
public struct IncidentLine: Sendable, Equatable {
  /// The category (`aws-overage`, `engineering-time`, …).
  public var category: String
  /// What the line is.
  public var description: String
  /// The amount, nil when it cannot be computed (bills missing).
  public var amount: Money?
  /// `bill`, `computed` or `entered`.
  public var source: String
  /// The formula with its inputs, e.g. `4 people × 40 h × $180.29/h`.
  public var formula: String
  /// Assumptions in words, as the file holds them.
  public var note: String
  /// Where the line is kept: the file (and which of its lines), or this session only.
  public var storage: LineStorage

  /// Creates a line.
  public init(
    category: String, description: String, amount: Money?, source: String, formula: String, note: String = "",
    storage: LineStorage
  ) {
    self.category = category
    self.description = description
    self.amount = amount
    self.source = source
    self.formula = formula
    self.note = note
    self.storage = storage
  }

  /// Whether the line is in the incident's file as shown.
  public var isSaved: Bool { if case .saved = storage { return true } else { return false } }
}

/// Where a cost line shown in the dashboard is kept.
public enum LineStorage: Sendable, Equatable {
  /// Line `index` (0-based) of the incident's file, as the file holds it.
  case saved(index: Int)
  /// Entered in this session and being saved: `index` is the file line it replaces (nil: a new
  /// line), `draft` names it until the save answers.
  case saving(index: Int?, draft: Int)
  /// Entered in this session and not saved (kept for the session only), with the reason.
  case unsaved(index: Int?, reason: String)

  /// The file line the line is, or replaces; nil for a new line.
  public var index: Int? {
    switch self {
    case .saved(let index): return index
    case .saving(let index, _), .unsaved(let index, _): return index
    }
  }
}

/// A ledger incident as the dashboard shows it.
public struct IncidentItem: Sendable, Equatable, Identifiable {
  /// The id (`INC-2026-10-redis`).
  public var id: String
  /// The title.
  public var title: String
  /// First day of the window.
  public var start: Day
  /// Last day of the window.
  public var end: Day
  /// `open`, `resolved`, …
  public var status: String
  /// The cost lines.
  public var lines: [IncidentLine]
  /// The incident as its file holds it (for exports); nil when it was built in code.
  public var stored: Incident?

  /// Creates an incident.
  public init(
    id: String, title: String, start: Day, end: Day, status: String, lines: [IncidentLine],
    stored: Incident? = nil
  ) {
    self.id = id
    self.title = title
    self.start = start
    self.end = end
    self.status = status
    self.lines = lines
    self.stored = stored
  }

  /// The sum of all known amounts, unsaved lines included (see `unsavedTotal`).
  public var total: Money { lines.reduce(.zero) { $0 + ($1.amount ?? .zero) } }

  /// How many lines are not (yet) in the file.
  public var unsavedCount: Int { lines.filter { !$0.isSaved }.count }
  /// How many lines have no amount (bill-derived lines without bills, or over a gap): the total
  /// is then a lower bound.
  public var missingCount: Int { lines.filter { $0.amount == nil }.count }

  /// Totals per category in first-seen order.
  public var categoryTotals: [(category: String, total: Money)] {
    var order: [String] = []
    var sums: [String: Money] = [:]
    for line in lines {
      if sums[line.category] == nil { order.append(line.category) }
      sums[line.category, default: .zero] += line.amount ?? .zero
    }
    return order.map { ($0, sums[$0] ?? .zero) }
  }

  /// Whether the incident is still open.
  public var isOpen: Bool { status != "resolved" && status != "closed" }
}

// MARK: - Line items

/// A resource's line items as read from the source files on demand (the cube keeps only sums).
public struct LineItemTable: Sendable, Equatable {
  /// The resource.
  public var resource: String
  /// The column headers shown, as the files name them.
  public var columns: [String]
  /// The rows, one value per column.
  public var rows: [[String]]
  /// Files read.
  public var files: Int
  /// Whether rows were left out after the limit.
  public var truncated: Bool
  /// The period's days the rows were chosen for (nil: not limited to a period).
  public var days: ClosedRange<Day>?

  /// The cost column's header spellings (`lineItem/UnblendedCost`, its Athena and 2.0 spellings,
  /// FOCUS `BilledCost`), as `normalized` writes them.
  public static let costSpellings = ["lineitemunblendedcost", "billedcost"]

  /// A header for comparing spellings: lowercased, without `/` and `_`.
  public static func normalized(_ header: String) -> String {
    String(header.lowercased().filter { $0 != "/" && $0 != "_" })
  }

  /// The index of the cost column, if the files have one.
  public var costColumn: Int? {
    columns.firstIndex { LineItemTable.costSpellings.contains(LineItemTable.normalized($0)) }
  }

  /// The sum of the cost column (zero without one; text that is not an amount counts nothing).
  public var total: Money {
    guard let costColumn else { return .zero }
    return rows.reduce(.zero) { sum, row in
      sum + ((row.indices.contains(costColumn) ? try? Money(parsing: row[costColumn]) : nil) ?? .zero)
    }
  }

  /// Creates a table.
  public init(
    resource: String, columns: [String], rows: [[String]], files: Int, truncated: Bool,
    days: ClosedRange<Day>? = nil
  ) {
    self.resource = resource
    self.columns = columns
    self.rows = rows
    self.files = files
    self.truncated = truncated
    self.days = days
  }
}

import SpendFormats
import SpendModel

/// Renders a period comparison as Markdown, plain text or JSON.
///
/// Rows come largest move first; with a `limit`, the rest are summed into one "N more" line so
/// that the columns still add up to the totals.
public struct ComparisonRenderer: Sendable {
  /// The comparison.
  public var comparison: PeriodComparison
  /// How many rows to show; nil for all.
  public var limit: Int?
  /// Cells of the widest bar.
  public var barWidth: Int

  /// Creates a renderer.
  public init(comparison: PeriodComparison, limit: Int? = nil, barWidth: Int = 12) {
    self.comparison = comparison
    self.limit = limit
    self.barWidth = barWidth
  }

  // MARK: - Markdown

  /// A Markdown document, ending with a newline.
  public func markdown() -> String {
    let text = AmountText(currency: comparison.currency)
    let (now, before) = headings
    var out = "# Spend comparison: \(now) against \(before)\n\n"
    out += AmountText.basisSentence(comparison.basis, currency: comparison.currency) + " "
    out += lengthSentence(text) + "\n\n"
    for note in comparison.notes { out += "Note: \(note)\n\n" }
    let names = comparison.dimensions
    out += "| " + (names + [now, before, "Δ$", "Δ%", ""]).joined(separator: " | ") + " |\n"
    out += "|" + String(repeating: "---|", count: names.count) + "---:|---:|---:|---:|---|\n"
    let (shown, rest) = split
    let bars = bars(for: shown)
    for (row, bar) in zip(shown, bars) {
      let cells =
        row.values.map { "`\($0.isEmpty ? "(none)" : $0)`" } + amounts(row.change, text) + [
          bar.isEmpty ? "" : "`\(bar)`"
        ]
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    if let rest {
      let label = ["\(rest.count) more"] + Array(repeating: "", count: names.count - 1)
      out += "| " + (label + amounts(rest.change, text) + [""]).joined(separator: " | ") + " |\n"
    }
    let totalLabel = ["**Total**"] + Array(repeating: "", count: names.count - 1)
    out +=
      "| "
      + (totalLabel + amounts(comparison.total, text).map { "**\($0)**" } + [""]).joined(separator: " | ")
      + " |\n"
    return out
  }

  // MARK: - Text

  /// Aligned plain text, ending with a newline.
  public func text() -> String {
    let text = AmountText(currency: comparison.currency)
    let (now, before) = headings
    var out = "Spend comparison \(comparison.period) against \(againstName)\n"
    out += AmountText.basisSentence(comparison.basis, currency: comparison.currency) + "\n"
    out += lengthSentence(text) + "\n\n"
    for note in comparison.notes { out += "Note: \(note)\n" }
    if !comparison.notes.isEmpty { out += "\n" }
    var rows = [comparison.dimensions + [now, before, "Δ$", "Δ%", ""]]
    let (shown, rest) = split
    for (row, bar) in zip(shown, bars(for: shown)) {
      rows.append(row.values.map { $0.isEmpty ? "(none)" : $0 } + amounts(row.change, text) + [bar])
    }
    let blanks = Array(repeating: "", count: comparison.dimensions.count - 1)
    if let rest { rows.append(["\(rest.count) more"] + blanks + amounts(rest.change, text) + [""]) }
    rows.append(["Total"] + blanks + amounts(comparison.total, text) + [""])
    let first = comparison.dimensions.count
    return out + TextTable.render(rows, rightAligned: Set(first..<(first + 4)))
  }

  // MARK: - JSON

  /// `{"dimensions", "basis", "currency", "period", "against": {"start", "end", "snapshot"},
  /// "total": {"current", "previous", "delta", "deltaPercent"}, "rows": [{DIM: value, …, "current",
  /// "previous", "delta", "deltaPercent"}], "notes": […]}` with every row (the limit applies to tables
  /// only).
  public func json() -> String {
    var against = [JSONValue.Member]()
    if case .object(let members) = ReportJSON.period(comparison.against) { against = members }
    against.append(.init("snapshot", comparison.againstSnapshot.map(JSONValue.string) ?? .null))
    let value = JSONValue.object([
      .init("dimensions", .array(comparison.dimensions.map(JSONValue.string))),
      .init("basis", .string(comparison.basis.rawValue)),
      .init("currency", .string(comparison.currency)),
      .init("period", ReportJSON.period(comparison.period)),
      .init("against", .object(against)),
      .init("total", .object(ReportJSON.changeMembers(comparison.total))),
      .init(
        "rows",
        .array(
          comparison.rows.map { row in
            .object(
              zip(comparison.dimensions, row.values).map { .init($0, .string($1)) }
                + ReportJSON.changeMembers(row.change))
          })),
      .init("notes", .array(comparison.notes.map(JSONValue.string))),
    ])
    return value.rendered()
  }

  // MARK: - Helpers

  private var againstName: String {
    comparison.againstSnapshot.map { "\(comparison.against) (snapshot \($0))" }
      ?? comparison.against.description
  }

  private var headings: (String, String) {
    let now = AmountText.span(comparison.period)
    var before = AmountText.span(comparison.against)
    if before == now { before += " (snapshot)" }
    return (now, before)
  }

  private func lengthSentence(_ text: AmountText) -> String {
    let days = (comparison.period.dayCount, comparison.against.dayCount)
    var sentence =
      "\(comparison.period) (\(Self.days(days.0))) against \(againstName) (\(Self.days(days.1)))."
    if days.0 != days.1 {
      let total = comparison.total
      sentence += " The periods differ in length: per day \(text.money(total.current.divided(by: days.0)))"
      sentence += " against \(text.money(total.previous.divided(by: days.1)))."
    }
    return sentence
  }

  /// `1 day`, `30 days`.
  private static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

  private var split: (shown: [PeriodComparison.Row], rest: (count: Int, change: SpendChange)?) {
    guard let limit, comparison.rows.count > limit else { return (comparison.rows, nil) }
    let rest = comparison.rows.dropFirst(limit)
    let change = rest.reduce(SpendChange(current: .zero, previous: .zero)) {
      SpendChange(current: $0.current + $1.change.current, previous: $0.previous + $1.change.previous)
    }
    return (Array(comparison.rows.prefix(limit)), (rest.count, change))
  }

  private func bars(for rows: [PeriodComparison.Row]) -> [String] {
    Charts.deltaBars(rows.map { GroupChange(service: "", group: nil, change: $0.change) }, width: barWidth)
  }

  private func amounts(_ change: SpendChange, _ text: AmountText) -> [String] {
    [
      text.money(change.current), text.money(change.previous), text.signed(change.delta),
      AmountText.percent(change.deltaPercent),
    ]
  }
}

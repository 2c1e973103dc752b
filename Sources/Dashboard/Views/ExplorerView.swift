import SpendModel

/// The Explorer: ncdu-style rows sorted by cost, with change, share bar and sparkline; the
/// drill-down path as breadcrumbs; grouping, sort and filter shown in its header.
struct ExplorerView {
  let state: DashboardState

  var theme: Theme { state.theme }

  func render(into screen: inout Screen, in rect: Rect) {
    guard let breakdown = state.explorer.breakdown, let period = state.period else { return }
    let explorer = state.explorer
    let inner = rect.inset(dx: 1)
    let sortText = "sort \(explorer.sort.rawValue) \(explorer.ascending ? "↑" : "↓")"
    let filterText = explorer.pattern.isEmpty ? "" : "  /\(explorer.pattern)"
    // Line items are the bill's own lines: no grouping or sort of ours applies to them.
    let settings =
      explorer.lineItems.map { "\(Format.count($0.rows.count, "line item")) as billed" }
      ?? "by \(explorer.groupBy.name)  \(sortText)\(filterText)"
    let settingsWidth = min(TextWidth.of(settings), inner.width / 2)
    let (crumbsRect, settingsRect) = inner.row(0).splitLeft(inner.width - settingsWidth - 1, gap: 1)
    var steps = ["All"] + explorer.filters.map(crumb)
    if let lineItems = explorer.lineItems { steps.append("line items of \(lineItems.resource)") }
    Breadcrumbs(steps: steps, style: theme[.muted], current: theme[.accent]).render(
      into: &screen, in: crumbsRect)
    screen.put(settings, in: settingsRect, style: theme[.muted], alignRight: true)

    let change = breakdown.total - breakdown.previousTotal
    let totalsRow = inner.row(1)
    let tableRect = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
    var x = screen.put(
      "\(period.label)  ", x: totalsRow.x, y: totalsRow.y, style: theme[.muted], limit: totalsRow.right)
    if let lineItems = explorer.lineItems {
      // The resource's own line items in this period: their sum, as billed.
      x = screen.put(
        Format.billedDollars(lineItems.total), x: x, y: totalsRow.y, style: theme[.title],
        limit: totalsRow.right)
      screen.put(
        "  the line items' cost as billed", x: x, y: totalsRow.y,
        style: theme[.muted], limit: totalsRow.right)
      renderLineItems(lineItems, &screen, in: tableRect)
      return
    }
    // A gap's total is unknown, not $0.00.
    let total = period.isGap(in: state.data) ? "–" : breakdown.total.dollars()
    x = screen.put(total, x: x, y: totalsRow.y, style: theme[.title], limit: totalsRow.right)
    let none = period.noComparison(in: state.data)
    var comparison = "  \(none ?? "")"  // nothing before the data, or a gap: no `(new) vs Jul`
    if none == nil {
      x = screen.put(
        "  \(Format.arrow(change)) \(Format.signedDollars(change)) "
          + "(\(Format.percentChange(breakdown.total, from: breakdown.previousTotal)))",
        x: x, y: totalsRow.y, style: change.units > 0 ? theme[.increase] : theme[.decrease],
        limit: totalsRow.right)
      comparison = " vs \(period.previousLabel)"
    }
    let rows = breakdown.rows.count == 1 ? "1 row" : "\(breakdown.rows.count) rows"
    screen.put(
      "\(comparison) · \(explorer.visible.count) of \(rows)", x: x, y: totalsRow.y, style: theme[.muted],
      limit: totalsRow.right)

    guard !explorer.visible.isEmpty else {
      let why =
        breakdown.rows.isEmpty
        ? "no costs here in \(period.label)" : "no row matches /\(explorer.pattern)/ (Esc clears)"
      screen.put(why, in: tableRect.row(1), style: theme[.muted])
      return
    }
    table(breakdown, width: tableRect.width).render(into: &screen, in: tableRect)
  }

  private func table(_ breakdown: Breakdown, width: Int) -> Table {
    let explorer = state.explorer
    let total = breakdown.total
    let largest = breakdown.rows.map(\.cost).max() ?? .zero
    let wide = width >= 100
    var columns = [
      Table.Column(explorer.groupBy.name, .flexible(weight: 3, minimum: 12), cutsMiddle: true),
      Table.Column("Cost", .fixed(11), alignRight: true),
      Table.Column("Δ prev", .fixed(9), alignRight: true),
      Table.Column("Share", .fixed(6), alignRight: true),
      Table.Column("", .flexible(weight: 1, minimum: 6)),
      Table.Column("Trend", .fixed(wide ? 24 : 12)),
    ]
    if wide { columns.insert(Table.Column("Δ %", .fixed(8), alignRight: true), at: 3) }
    let compared = state.period?.noComparison(in: state.data) == nil
    let rows: [[Table.Content]] = explorer.visible.map { index in
      let row = breakdown.rows[index]
      let share = row.cost.ratio(to: total) ?? 0
      let heat = theme[.text].withForeground(theme.heatColor(row.cost.ratio(to: largest) ?? 0))
      let changeStyle = !compared ? theme[.muted] : row.change.units > 0 ? theme[.increase] : theme[.decrease]
      var cells: [Table.Content] = [
        .text(label(for: explorer.groupBy, value: row.values.first ?? "", blank: row.blankLabel)),
        .text(row.cost.dollars(), heat),
        .text(compared ? Format.signedCompact(row.change) : "–", changeStyle),
        .text(Format.percent(share * 100)),
        .bar(share, fill: theme[.chart]),
        .spark(row.daily.map(\.doubleValue), theme[.chart]),
      ]
      if wide {
        let percent = compared ? Format.percentChange(row.cost, from: row.previous) : "–"
        cells.insert(.text(percent, changeStyle), at: 3)
      }
      return cells
    }
    return Table(
      columns: columns, rows: rows, selected: explorer.cursor, header: theme[.columnHeader],
      body: theme[.text],
      selection: theme[.selection], barEmpty: theme[.barEmpty])
  }

  /// The line items of a resource as the files wrote them, but the cost in dollars like every other
  /// amount (exact: sub-cent digits stay), right-aligned.
  private func renderLineItems(_ table: LineItemTable, _ screen: inout Screen, in rect: Rect) {
    guard !table.rows.isEmpty else {
      screen.put(
        "no line items for \(table.resource) in this period in \(Format.count(table.files, "file"))",
        in: rect.row(1), style: theme[.muted])
      return
    }
    let costColumn = table.costColumn
    let rows = table.rows.map { row in
      row.enumerated().map { index, text in
        index == costColumn ? (try? Money(parsing: text)).map(Format.billedDollars) ?? text : text
      }
    }
    // Each column as wide as its content (capped); the widest column takes what is left.
    let natural = table.columns.indices.map { index in
      max(
        TextWidth.of(LineItemColumnName.short(table.columns[index])),
        rows.prefix(200).map { TextWidth.of($0[index]) }.max() ?? 4)
    }
    let flexible = natural.indices.max { natural[$0] < natural[$1] } ?? 0
    let columns = table.columns.enumerated().map { index, name in
      Table.Column(
        LineItemColumnName.short(name),
        index == flexible ? .flexible(weight: 1, minimum: 8) : .fixed(min(natural[index], 24)),
        alignRight: index == costColumn)
    }
    Table(
      columns: columns, rows: rows.map { $0.map { .text($0) } },
      selected: state.explorer.lineItemCursor,
      header: theme[.columnHeader], body: theme[.text], selection: theme[.selection],
      barEmpty: theme[.barEmpty]
    ).render(into: &screen, in: rect)
  }

  /// A breadcrumb: drill-down steps show their value; a group-by that became a filter keeps its
  /// dimension (`tag:team=web`), so the context stays readable.
  private func crumb(_ filter: DimensionFilter) -> String {
    let value = label(for: filter.dimension, value: filter.value, blank: filter.blankLabel)
    return [.service, .usageType, .resource].contains(filter.dimension)
      ? value : "\(filter.dimension.name)=\(value)"
  }

  /// A dimension value for people: `blank` for empty (`(none)`, or what the row's line items are,
  /// `(Tax)`), account aliases applied.
  private func label(for dimension: Dimension, value: String, blank: String = "(none)") -> String {
    if value.isEmpty { return blank }
    if dimension == .account || dimension == .payerAccount { return state.accountName(value) }
    return value
  }
}

/// Column headers without their `lineItem/` (or `line_item_`) prefix.
enum LineItemColumnName {
  static func short(_ name: String) -> String {
    if let slash = name.lastIndex(of: "/") { return String(name[name.index(after: slash)...]) }
    return name.hasPrefix("line_item_") ? String(name.dropFirst(10)) : name
  }
}

import SpendModel

/// The Ledger: incidents with their totals and category breakdown; Enter lists an incident's
/// cost lines with formulas; `a`/`e` add or edit a line; `x` exports the postmortem document.
struct LedgerView {
  let state: DashboardState

  var theme: Theme { state.theme }

  /// Rows kept for the category totals under the incident list.
  static func summaryHeight(_ size: Size) -> Int { size.height >= 30 ? 10 : 8 }

  func render(into screen: inout Screen, in rect: Rect) {
    let inner = rect.inset(dx: 1)
    let incidents = LedgerUpdate.visible(state)
    guard !incidents.isEmpty || state.ledger.open != nil else {
      screen.put("No incidents in the ledger.", in: inner.row(1), style: theme[.text])
      screen.put(
        "Incidents come from the ledger folder (see spendtop info).", in: inner.row(2), style: theme[.muted])
      return
    }
    if let incident = LedgerUpdate.selected(state), state.ledger.open != nil {
      renderLines(incident, &screen, in: inner)
      return
    }
    screen.put(IncidentItem.headline(incidents), in: inner.row(0), style: theme[.muted])
    let (listRect, summaryRect) = Rect(
      x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1
    )
    .splitBottom(LedgerView.summaryHeight(state.size))
    let rows: [[Table.Content]] = incidents.map {
      [
        .text($0.id, theme[.accent]), .text($0.title), .text("\($0.start)…\($0.end)", theme[.muted]),
        .text($0.status, $0.isOpen ? theme[.warning] : theme[.muted]),
        .text(Self.listTotal($0), theme[.increase]),
      ]
    }
    Table(
      columns: [
        Table.Column("Id", .flexible(weight: 1, minimum: 8)),
        Table.Column("Title", .flexible(weight: 2, minimum: 10)),
        Table.Column("Window", .fixed(21)), Table.Column("Status", .fixed(8)),
        Table.Column("Total", .fixed(10), alignRight: true),
      ], rows: rows, selected: state.ledger.cursor, header: theme[.columnHeader], body: theme[.text],
      selection: theme[.selection], barEmpty: theme[.barEmpty]
    ).render(into: &screen, in: listRect)
    guard let incident = LedgerUpdate.selected(state) else { return }
    let inside = Box(title: "By category: \(incident.id)", border: theme[.border], titleStyle: theme[.title])
      .render(into: &screen, in: summaryRect)
    let total = incident.total
    let categoryRows: [[Table.Content]] = incident.categoryTotals.map {
      [
        .text($0.category), .text($0.total.dollars(decimals: 0), theme[.increase]),
        .bar($0.total.ratio(to: total) ?? 0, fill: theme[.chart]),
      ]
    }
    Table(
      columns: [
        Table.Column("Category", .fixed(18)), Table.Column("Amount", .fixed(10), alignRight: true),
        Table.Column("", .flexible(weight: 1, minimum: 4)),
      ], rows: categoryRows, selected: nil, header: theme[.columnHeader], body: theme[.text],
      selection: theme[.selection],
      barEmpty: theme[.barEmpty]
    ).render(into: &screen, in: inside)
  }

  /// A line's description, marked when the line is not (yet) in the file.
  static func marked(_ line: IncidentLine) -> String {
    switch line.storage {
    case .saved: return line.description
    case .saving: return "(saving) " + line.description
    case .unsaved: return "(not saved) " + line.description
    }
  }

  /// An incident's total in the list: `≥` when amounts are missing, `*` when lines are not saved.
  private static func listTotal(_ incident: IncidentItem) -> String {
    (incident.missingCount == 0 ? "" : "≥") + incident.total.dollars(decimals: 0)
      + (incident.unsavedCount == 0 ? "" : "*")
  }

  private func renderLines(_ incident: IncidentItem, _ screen: inout Screen, in rect: Rect) {
    // The total keeps its room: a long title is cut, never the amount.
    let unsaved = incident.unsavedCount
    let missing = incident.missingCount
    // Like `spendtop ledger show`: with amounts missing, the total is what is known.
    let known = incident.total.dollars()
    let total =
      (missing == 0 ? "  total \(known)" : "  total ≥ \(known) (\(missing) missing)")
      + (unsaved == 0 ? "" : " (\(unsaved) not saved)")
    var x = screen.put(incident.id + "  ", x: rect.x, y: rect.y, style: theme[.accent], limit: rect.right)
    let room = max(rect.right - total.count - x, 0)
    x = screen.put(TextWidth.truncate(incident.title, to: room), x: x, y: rect.y, style: theme[.title])
    screen.put(total, x: x, y: rect.y, style: theme[.increase], limit: rect.right)
    let wide = rect.width >= 100
    var columns = [
      Table.Column("Category", .fixed(17)), Table.Column("Description", .flexible(weight: 2, minimum: 10)),
      Table.Column("Amount", .fixed(12), alignRight: true),
      // A long calculation (an override with what it overrides) loses its middle, not its result.
      Table.Column("Formula", .flexible(weight: 4, minimum: 10), cutsMiddle: true),
    ]
    if wide { columns.insert(Table.Column("Source", .fixed(8)), at: 3) }
    let rows: [[Table.Content]] = incident.lines.map { line in
      var cells: [Table.Content] = [
        .text(line.category, theme[.muted]),
        .text(LedgerView.marked(line), line.isSaved ? theme[.text] : theme[.warning]),
        .text(line.amount?.dollars() ?? "missing", line.amount == nil ? theme[.warning] : theme[.increase]),
        .text(line.formula, theme[.muted]),
      ]
      if wide { cells.insert(.text(line.source), at: 3) }
      return cells
    }
    Table(
      columns: columns, rows: rows, selected: state.ledger.lineCursor, header: theme[.columnHeader],
      body: theme[.text],
      selection: theme[.selection], barEmpty: theme[.barEmpty]
    ).render(into: &screen, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1))
  }
}

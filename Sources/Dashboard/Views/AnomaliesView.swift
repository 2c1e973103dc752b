import SpendModel

/// The Anomalies screen: a list (kind, start, impact $ and %, triage, series) with the selected
/// anomaly's root cause below; Enter opens a detail with actual vs expected and contributors.
struct AnomaliesView {
  let state: DashboardState

  var theme: Theme { state.theme }

  func render(into screen: inout Screen, in rect: Rect) {
    let inner = rect.inset(dx: 1)
    if let anomaly = AnomaliesUpdate.selected(state), state.anomalies.detail != nil {
      renderDetail(anomaly, &screen, in: inner)
      return
    }
    let list = AnomaliesUpdate.visible(state)
    let hidden = state.data.anomalies.count - list.count
    let impact = list.reduce(Money.zero) { $0 + $1.impact }
    var summary = "\(list.count) anomalies · impact \(impact.dollars(decimals: 0))"
    if hidden > 0 { summary += " · \(hidden) hidden by the filter" }
    if !state.anomalies.pattern.isEmpty { summary += " · /\(state.anomalies.pattern)" }
    screen.put(summary, in: inner.row(0), style: theme[.muted])
    guard !list.isEmpty else {
      let why =
        state.data.anomalies.isEmpty
        ? "No anomalies detected in this data." : "None match the filter."
      screen.put(why, in: inner.row(2), style: theme[.text])
      return
    }
    let tableRect = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 6)
    let wide = inner.width >= 100
    var columns = [
      Table.Column("Kind", .fixed(8)), Table.Column("Start", .fixed(10)),
      Table.Column("Impact", .fixed(10), alignRight: true), Table.Column("%", .fixed(8), alignRight: true),
      Table.Column("Triage", .fixed(12)),
      Table.Column("Series", .flexible(weight: 1, minimum: 12), cutsMiddle: true),
    ]
    if wide { columns.insert(Table.Column("Days", .fixed(4), alignRight: true), at: 2) }
    let rows: [[Table.Content]] = list.map { anomaly in
      var cells: [Table.Content] = [
        .text(anomaly.kind, theme[.anomaly]), .text(anomaly.start.description),
        .text(Format.signedCompact(anomaly.impact), theme[.increase]),
        .text(anomaly.impactRatio.map(Format.relative) ?? "new", theme[.increase]),
        .text(
          anomaly.triage?.verdict.label ?? "untriaged",
          anomaly.triage == nil ? theme[.warning] : theme[.muted]),
        .text(anomaly.series),
      ]
      if wide { cells.insert(.text(String(anomaly.start.distance(to: anomaly.end) + 1)), at: 2) }
      return cells
    }
    Table(
      columns: columns, rows: rows, selected: state.anomalies.cursor, header: theme[.columnHeader],
      body: theme[.text],
      selection: theme[.selection], barEmpty: theme[.barEmpty]
    ).render(into: &screen, in: tableRect)
    guard let selected = AnomaliesUpdate.selected(state) else { return }
    let cause = Rect(x: inner.x, y: inner.bottom - 5, width: inner.width, height: 5)
    let inside = Box(title: "Root cause", border: theme[.border], titleStyle: theme[.title]).render(
      into: &screen, in: cause)
    screen.put(selected.rootCause, in: inside.row(0), style: theme[.text])
    let top = selected.contributors.prefix(2).map {
      "\($0.value) \(Format.signedCompact($0.impact)) (\(Format.percent($0.share * 100)))"
    }
    screen.put(top.joined(separator: " · "), in: inside.row(1), style: theme[.muted])
    let triage =
      selected.triage.map { "\($0.verdict.label): \($0.reason)" }
      ?? "untriaged · t to triage · Enter for detail"
    screen.put(triage, in: inside.row(2), style: selected.triage == nil ? theme[.warning] : theme[.muted])
  }

  private func renderDetail(_ anomaly: AnomalyItem, _ screen: inout Screen, in rect: Rect) {
    var x = screen.put("\(anomaly.kind) ", x: rect.x, y: rect.y, style: theme[.anomaly], limit: rect.right)
    screen.put(anomaly.series, x: x, y: rect.y, style: theme[.title], limit: rect.right)
    let line = rect.row(1)
    x = screen.put(
      "\(anomaly.start) → \(anomaly.end)  actual \(anomaly.actual.dollars(decimals: 0))  "
        + "expected \(anomaly.expected.dollars(decimals: 0))  ",
      x: line.x, y: line.y, style: theme[.muted], limit: line.right)
    screen.put(
      "impact \(Format.signedDollars(anomaly.impact, decimals: 0))", x: x, y: line.y, style: theme[.increase],
      limit: line.right)
    screen.put(anomaly.rootCause, in: rect.row(2), style: theme[.text])
    let body = Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: rect.height - 4)
    let chartHeight = max(7, body.height * 45 / 100)
    let (chartRect, rest) = body.splitTop(chartHeight)
    let inside = Box(
      title: "Actual (bars) vs expected (╌)", border: theme[.border], titleStyle: theme[.title]
    ).render(into: &screen, in: chartRect)
    if let first = anomaly.points.first?.day {
      DailyChart(
        values: anomaly.points.map(\.actual), firstDay: first, marked: Set(anomaly.start...anomaly.end),
        reference: anomaly.points.map(\.expected), bar: theme[.chart], mark: theme[.anomaly],
        axis: theme[.muted],
        referenceStyle: theme[.forecast]
      ).render(into: &screen, in: inside)
    }
    let contributors = Box(title: "Contributors", border: theme[.border], titleStyle: theme[.title]).render(
      into: &screen, in: rest)
    let rows: [[Table.Content]] = anomaly.contributors.map {
      [
        .text($0.dimension, theme[.muted]), .text($0.value),
        .text(Format.signedDollars($0.impact, decimals: 0), theme[.increase]),
        .text(Format.percent($0.share * 100)), .bar($0.share, fill: theme[.anomaly]),
      ]
    }
    Table(
      columns: [
        Table.Column("Dimension", .fixed(11)), Table.Column("Value", .flexible(weight: 2, minimum: 12)),
        Table.Column("Impact", .fixed(10), alignRight: true),
        Table.Column("Share", .fixed(6), alignRight: true),
        Table.Column("", .flexible(weight: 1, minimum: 4)),
      ], rows: rows, selected: nil, header: theme[.columnHeader], body: theme[.text],
      selection: theme[.selection],
      barEmpty: theme[.barEmpty]
    ).render(into: &screen, in: contributors)
    let triage =
      anomaly.triage.map { "Triage: \($0.verdict.label), \($0.reason)" } ?? "Untriaged: t to triage, Esc back"
    screen.put(triage, in: rect.row(-1), style: anomaly.triage == nil ? theme[.warning] : theme[.muted])
  }
}

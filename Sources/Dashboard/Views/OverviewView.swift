import SpendModel

/// The Overview: period total and change, month to date and forecast, the daily chart with
/// anomalies marked, top movers and open incidents.
struct OverviewView {
  let state: DashboardState

  var theme: Theme { state.theme }

  func render(into screen: inout Screen, in rect: Rect) {
    guard let model = state.overview else { return }
    let inner = rect.inset(dx: 1)
    renderFigures(model, &screen, in: inner.splitTop(2).top)
    let rest = inner.splitTop(3).rest
    let chartHeight = max(6, rest.height * 45 / 100)
    let (chartRect, lower) = rest.splitTop(chartHeight)
    renderChart(model, &screen, in: chartRect)
    let leftWidth = lower.width * 60 / 100
    let (moversRect, incidentsRect) = lower.splitLeft(leftWidth, gap: 1)
    renderMovers(model, &screen, in: moversRect)
    renderIncidents(&screen, in: incidentsRect)
  }

  private func renderFigures(_ model: OverviewModel, _ screen: inout Screen, in rect: Rect) {
    var x = screen.put(
      model.period.label + "  ", x: rect.x, y: rect.y, style: theme[.muted], limit: rect.right)
    // A gap's total is unknown, not $0.00.
    let total = model.period.isGap(in: state.data) ? "–" : model.total.dollars()
    x = screen.put(total, x: x, y: rect.y, style: theme[.title], limit: rect.right)
    if let none = model.period.noComparison(in: state.data) {
      // Nothing before the data, or a gap: a comparison would read `(new) vs Jul $0.00`.
      screen.put("  \(none)", x: x, y: rect.y, style: theme[.muted], limit: rect.right)
    } else {
      renderChange(model, &screen, x: x, in: rect.row(0))
    }
    renderMonth(model, &screen, in: rect.row(1))
  }

  /// The change against the previous period: `▼ -$43,855.99 (-87.9%) vs Oct 1–28 $49,919.08`.
  private func renderChange(_ model: OverviewModel, _ screen: inout Screen, x start: Int, in row: Rect) {
    let change = model.total - model.previousTotal
    let changeStyle = change.units > 0 ? theme[.increase] : theme[.decrease]
    let changeText =
      "  \(Format.arrow(change)) \(Format.signedDollars(change)) "
      + "(\(Format.percentChange(model.total, from: model.previousTotal)))"
    let x = screen.put(changeText, x: start, y: row.y, style: changeStyle, limit: row.right)
    screen.put(
      " vs \(model.period.previousLabel) \(model.previousTotal.dollars())", x: x, y: row.y,
      style: theme[.muted], limit: row.right)
  }

  /// Month to date and the month-end forecast (a warning over the budget).
  private func renderMonth(_ model: OverviewModel, _ screen: inout Screen, in row: Rect) {
    let y = row.y
    var x = screen.put("Month to date ", x: row.x, y: y, style: theme[.muted], limit: row.right)
    x = screen.put(
      model.monthToDate.dollars(), x: x, y: y, style: theme[.text].adding(.bold), limit: row.right)
    x = screen.put(
      "  Forecast \(Period.shortDay(model.month.lastDay)) ", x: x, y: y, style: theme[.muted],
      limit: row.right)
    let overBudget = state.config.monthlyBudget.map { model.forecast > $0 } ?? false
    x = screen.put(
      model.forecast.dollars(decimals: 0), x: x, y: y,
      style: overBudget ? theme[.warning] : theme[.text].adding(.bold), limit: row.right)
    x = screen.put(
      " (90%: \(model.forecastBand.low.dollars(decimals: 0))–\(model.forecastBand.high.dollars(decimals: 0)))",
      x: x, y: y,
      style: theme[.forecast], limit: row.right)
    if overBudget, let budget = state.config.monthlyBudget {
      screen.put(
        "  over budget \(budget.dollars(decimals: 0))", x: x, y: y, style: theme[.warning], limit: row.right)
    }
  }

  private func renderChart(_ model: OverviewModel, _ screen: inout Screen, in rect: Rect) {
    let marked = anomalyDays()
    let shown = min(model.daily.count, max(rect.width - 10, 1))
    let title = "Daily spend, last \(shown) days" + (marked.isEmpty ? "" : "  ▲ anomaly")
    let inside = Box(title: title, border: theme[.border], titleStyle: theme[.title]).render(
      into: &screen, in: rect)
    DailyChart(
      values: model.daily, firstDay: model.firstDay, marked: marked, bar: theme[.chart],
      mark: theme[.anomaly],
      axis: theme[.muted], referenceStyle: theme[.forecast]
    ).render(into: &screen, in: inside)
  }

  private func anomalyDays() -> Set<Day> {
    var days: Set<Day> = []
    for anomaly in state.data.anomalies {
      for day in anomaly.start...anomaly.end { days.insert(day) }
    }
    return days
  }

  private func renderMovers(_ model: OverviewModel, _ screen: inout Screen, in rect: Rect) {
    let none = model.period.noComparison(in: state.data)
    let inside = Box(
      title: none.map { "Top movers (\($0))" } ?? "Top movers vs \(model.period.previousLabel)",
      border: theme[.border], titleStyle: theme[.title]
    )
    .render(into: &screen, in: rect)
    let wide = inside.width >= 50
    var columns = [
      Table.Column("Service · usage type", .flexible(weight: 1, minimum: 10), cutsMiddle: true),
      Table.Column("Change", .fixed(10), alignRight: true), Table.Column("%", .fixed(7), alignRight: true),
    ]
    if wide { columns.append(Table.Column("Now", .fixed(9), alignRight: true)) }
    let movers = model.movers.filter { !$0.change.isZero }
    let rows: [[Table.Content]] = movers.prefix(max(inside.height - 1, 0)).map { row in
      let style = none != nil ? theme[.muted] : row.change.units > 0 ? theme[.increase] : theme[.decrease]
      // Nothing to compare with: no change to show, rather than `new` on every row.
      var cells: [Table.Content] = [
        .text(OverviewView.shortName(row.values, blank: row.blankLabel)),
        .text(none == nil ? Format.signedCompact(row.change) : "–", style),
        .text(none == nil ? Format.percentChange(row.cost, from: row.previous) : "–", style),
      ]
      if wide { cells.append(.text(row.cost.compactDollars())) }
      return cells
    }
    Table(
      columns: columns, rows: rows, selected: nil, header: theme[.columnHeader], body: theme[.text],
      selection: theme[.selection], barEmpty: theme[.barEmpty]
    ).render(into: &screen, in: inside)
  }

  /// `ElastiCache · NodeUsage:cache.r6g.xlarge`: service without `Amazon`/`AWS`, usage type
  /// without its region prefix, so that two movers of one service stay apart in a narrow column; an
  /// empty usage type shows as `blank` (`(Tax)`).
  static func shortName(_ values: [String], blank: String = "(none)") -> String {
    guard values.count == 2 else { return values.joined(separator: " · ") }
    var service = Substring(values[0])
    for prefix in ["Amazon", "AWS"] where service.hasPrefix(prefix) && service.count > prefix.count {
      service = service.dropFirst(prefix.count)
    }
    var usage = Substring(values[1])
    if let dash = usage.firstIndex(of: "-"), usage[..<dash].count <= 5,
      usage[..<dash].allSatisfy({ $0.isUppercase || $0.isNumber })
    {
      usage = usage[usage.index(after: dash)...]
    }
    return "\(service) · \(usage.isEmpty ? Substring(blank) : usage)"
  }

  private func renderIncidents(_ screen: inout Screen, in rect: Rect) {
    let open = state.data.incidents.filter(\.isOpen).sorted { $0.start > $1.start }
    let inside = Box(title: "Open incidents", border: theme[.border], titleStyle: theme[.title]).render(
      into: &screen, in: rect)
    guard !inside.isEmpty else { return }
    var y = inside.y
    if open.isEmpty {
      screen.put("none open", in: inside.row(0), style: theme[.muted])
      y += 1
    }
    for incident in open where y < inside.bottom - 2 {
      let total = incident.total.compactDollars()
      let nameWidth = inside.width - TextWidth.of(total) - 1
      screen.put(
        incident.title, in: Rect(x: inside.x, y: y, width: nameWidth, height: 1), style: theme[.text])
      screen.put(
        total, in: Rect(x: inside.right - TextWidth.of(total), y: y, width: TextWidth.of(total), height: 1),
        style: theme[.increase])
      screen.put(
        "\(incident.id) · \(Period.shortDay(incident.start))–\(Period.shortDay(incident.end))",
        in: Rect(x: inside.x, y: y + 1, width: inside.width, height: 1), style: theme[.muted])
      y += 2
    }
    let anomalies = state.data.anomalies
    let untriaged = anomalies.filter { $0.triage == nil }.count
    if y < inside.bottom {
      let none = state.loading == nil ? "no anomalies detected" : "anomalies: still loading…"
      let summary = anomalies.isEmpty ? none : "\(anomalies.count) anomalies (\(untriaged) untriaged)"
      screen.put(summary, in: inside.row(-1), style: untriaged > 0 ? theme[.anomaly] : theme[.muted])
    }
  }
}

import SpendModel

/// Draws what floats over a screen: help, the command palette, prompts and forms.
struct OverlayView {
  let state: DashboardState

  var theme: Theme { state.theme }

  func render(into screen: inout Screen, content: Rect) {
    guard let overlay = state.overlay, screen.size.width >= DashboardApp.minimumSize.width,
      screen.size.height >= DashboardApp.minimumSize.height
    else { return }
    let statusRow = screen.bounds.row(-1)
    switch overlay {
    case .help(let scroll): renderHelp(scroll: scroll, &screen, in: content)
    case .palette(let input):
      prompt(":", input, &screen, in: statusRow)
      renderSuggestions(Palette.suggestions(for: input.text, state: state), &screen, above: statusRow)
    case .filter(let input):
      prompt("/", input, &screen, in: statusRow)
    case .triage(let form): renderTriage(form, &screen, in: content)
    case .lineForm(let form): renderLineForm(form, &screen, in: content)
    }
  }

  // MARK: - Help

  /// The help text, generated from the live keymap: one section per context.
  static func helpLines(_ keymap: Keymap) -> [(keys: String, summary: String, isHeading: Bool)] {
    var lines: [(String, String, Bool)] = []
    for context in KeyContext.allCases {
      let bindings = keymap.bindings.filter { $0.context == context }
      guard !bindings.isEmpty else { continue }
      if !lines.isEmpty { lines.append(("", "", false)) }
      lines.append((context.rawValue, "", true))
      for binding in bindings {
        lines.append((binding.sequences.map(\.label).joined(separator: " "), binding.summary, false))
      }
    }
    lines.append(("", "", false))
    lines.append(("Palette", "", true))
    lines.append((":", "overview · explorer · anomalies · ledger", false))
    lines.append(("", "group DIM · basis B · period P · theme NAME", false))
    lines.append(("", "sort KEY · filter RE · top · export · quit", false))
    lines.append(("", "(Tab completes)", false))
    return lines
  }

  /// How far the help can scroll at the state's size: its last line at the bottom of the box
  /// (the box fills the content area between the header and status rows, inside its border).
  static func helpScrollLimit(_ state: DashboardState) -> Int {
    max(helpLines(state.keymap).count - (state.size.height - 4), 0)
  }

  private func renderHelp(scroll: Int, _ screen: inout Screen, in rect: Rect) {
    let width = min(72, rect.width - 4)
    let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y, width: width, height: rect.height)
    screen.fill(box, style: theme[.text])
    let inside = Box(
      title: "Keys (Esc closes, j/k scroll, gg/G top/end)", border: theme[.accent], titleStyle: theme[.title]
    ).render(into: &screen, in: box)
    let lines = OverlayView.helpLines(state.keymap)
    let first = min(scroll, max(lines.count - inside.height, 0))
    for (row, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
      let y = inside.y + row
      if line.isHeading {
        screen.put(
          line.keys, in: Rect(x: inside.x + 1, y: y, width: inside.width - 1, height: 1),
          style: theme[.columnHeader])
      } else {
        screen.put(line.keys, in: Rect(x: inside.x + 2, y: y, width: 16, height: 1), style: theme[.accent])
        screen.put(
          line.summary, in: Rect(x: inside.x + 19, y: y, width: inside.width - 19, height: 1),
          style: theme[.text])
      }
    }
  }

  // MARK: - Prompts

  private func prompt(_ sigil: String, _ input: TextInput, _ screen: inout Screen, in rect: Rect) {
    screen.fill(rect, style: theme[.input])
    let x = screen.put(sigil + input.text, x: rect.x, y: rect.y, style: theme[.input], limit: rect.right)
    screen.put("▏", x: x, y: rect.y, style: theme[.input].adding(.bold), limit: rect.right)
  }

  private func renderSuggestions(_ suggestions: [Palette.Suggestion], _ screen: inout Screen, above row: Rect)
  {
    let shown = Array(suggestions.prefix(8))
    guard !shown.isEmpty else { return }
    let width = min(64, row.width)
    let box = Rect(x: row.x, y: row.y - shown.count - 2, width: width, height: shown.count + 2)
    screen.fill(box, style: theme[.text])
    let inside = Box(title: "Tab completes", border: theme[.border], titleStyle: theme[.muted]).render(
      into: &screen, in: box)
    for (index, suggestion) in shown.enumerated() {
      let rowRect = inside.row(index)
      let (name, summary) = rowRect.splitLeft(22, gap: 1)
      screen.put(suggestion.completion, in: name, style: index == 0 ? theme[.selection] : theme[.accent])
      screen.put(suggestion.summary, in: summary, style: theme[.muted])
    }
  }

  // MARK: - Forms

  private func renderTriage(_ form: TriageForm, _ screen: inout Screen, in rect: Rect) {
    let width = min(64, rect.width - 4)
    let box = Rect(
      x: rect.x + (rect.width - width) / 2, y: rect.y + rect.height / 2 - 4, width: width, height: 8)
    screen.fill(box, style: theme[.text])
    let inside = Box(title: "Triage", border: theme[.accent], titleStyle: theme[.title]).render(
      into: &screen, in: box)
    let series = state.data.anomalies.first { $0.id == form.anomalyID }?.series ?? form.anomalyID
    screen.put(series, in: inside.row(0), style: theme[.muted])
    var x = screen.put("Verdict  ", x: inside.x, y: inside.y + 2, style: theme[.text], limit: inside.right)
    for verdict in TriageVerdict.allCases {
      let style = verdict == form.verdict ? theme[.selection] : theme[.muted]
      x = screen.put(" \(verdict.label) ", x: x, y: inside.y + 2, style: style, limit: inside.right) + 1
    }
    screen.put("Reason   ", in: Rect(x: inside.x, y: inside.y + 3, width: 9, height: 1), style: theme[.text])
    let field = Rect(x: inside.x + 9, y: inside.y + 3, width: inside.width - 9, height: 1)
    screen.fill(field, style: theme[.input])
    let end = screen.put(form.reason.text, x: field.x, y: field.y, style: theme[.input], limit: field.right)
    screen.put("▏", x: end, y: field.y, style: theme[.input], limit: field.right)
    if let problem = form.problem { screen.put(problem, in: inside.row(4), style: theme[.error]) }
    screen.put("Tab verdict · Enter save · Esc cancel", in: inside.row(-1), style: theme[.muted])
  }

  private func renderLineForm(_ form: LineForm, _ screen: inout Screen, in rect: Rect) {
    let width = min(72, rect.width - 4)
    // The problem wraps inside the form's border, and the form grows by its extra lines, as far
    // as the content area allows.
    let problem = form.problem.map { TextWidth.wrap($0, to: width - 2) } ?? []
    let height = min(10 + max(problem.count - 1, 0), rect.height)
    let box = Rect(
      x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width,
      height: height)
    screen.fill(box, style: theme[.text])
    let title =
      form.index == nil ? "Add cost line to \(form.incidentID)" : "Edit cost line of \(form.incidentID)"
    let inside = Box(title: title, border: theme[.accent], titleStyle: theme[.title]).render(
      into: &screen, in: box)
    for (index, name) in LineForm.fields.enumerated() {
      let y = inside.y + index
      screen.put(
        name, in: Rect(x: inside.x, y: y, width: 12, height: 1),
        style: index == form.focus ? theme[.accent] : theme[.text])
      let field = Rect(x: inside.x + 12, y: y, width: inside.width - 12, height: 1)
      screen.fill(field, style: theme[.input])
      let end = screen.put(
        form.values[index].text, x: field.x, y: y, style: theme[.input], limit: field.right)
      if index == form.focus { screen.put("▏", x: end, y: y, style: theme[.input], limit: field.right) }
    }
    screen.put(
      "categories: " + LedgerUpdate.categories.joined(separator: " "), in: inside.row(5), style: theme[.muted]
    )
    for (offset, line) in problem.prefix(max(inside.height - 7, 0)).enumerated() {
      screen.put(line, in: inside.row(6 + offset), style: theme[.error])
    }
    screen.put("Tab next field · Enter save · Esc cancel", in: inside.row(-1), style: theme[.muted])
  }
}

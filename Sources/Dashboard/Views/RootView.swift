import SpendModel

/// Draws the whole frame: header with tabs and cost basis, the current screen, overlays, status bar.
struct RootView {
  let state: DashboardState
  let size: Size

  var theme: Theme { state.theme }

  func render() -> Screen {
    var screen = Screen(size: size, style: theme[.text])
    guard size.width >= DashboardApp.minimumSize.width, size.height >= DashboardApp.minimumSize.height else {
      renderTooSmall(&screen)
      return screen
    }
    renderHeader(&screen)
    let content = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
    if !state.loaded {
      renderLoading(&screen, in: content)
    } else if state.data.cube.isEmpty {
      renderEmpty(&screen, in: content)
    } else {
      switch state.screen {
      case .overview: OverviewView(state: state).render(into: &screen, in: content)
      case .explorer: ExplorerView(state: state).render(into: &screen, in: content)
      case .anomalies: AnomaliesView(state: state).render(into: &screen, in: content)
      case .ledger: LedgerView(state: state).render(into: &screen, in: content)
      }
    }
    renderStatus(&screen, in: screen.bounds.row(-1))
    OverlayView(state: state).render(into: &screen, content: content)
    renderMessage(&screen)
    return screen
  }

  // MARK: - Layout shared with update (mouse, paging)

  /// Tab labels as drawn, with their first column.
  static func tabs() -> [(screen: ScreenID, label: String, x: Int)] {
    var x = 10
    var result: [(ScreenID, String, Int)] = []
    for screen in ScreenID.allCases {
      let label = " \(screen.rawValue) \(screen.title) "
      result.append((screen, label, x))
      x += TextWidth.of(label) + 1
    }
    return result
  }

  /// The tab under a column of the header, if any.
  static func tab(atColumn x: Int) -> ScreenID? {
    tabs().first { x >= $0.x && x < $0.x + TextWidth.of($0.label) }?.screen
  }

  /// The row of the current list's header, nil when the screen has no list.
  static func listTop(for state: DashboardState) -> Int? {
    switch state.screen {
    case .overview: return nil
    case .explorer: return 3
    case .anomalies: return state.anomalies.detail == nil ? 2 : nil
    case .ledger: return 2
    }
  }

  /// How many list rows fit on the current screen.
  static func listRows(for state: DashboardState) -> Int {
    switch state.screen {
    case .overview, .explorer: return max(state.size.height - 5, 1)
    case .anomalies: return max(state.size.height - 9, 1)
    case .ledger: return max(state.size.height - 4 - LedgerView.summaryHeight(state.size), 1)
    }
  }

  // MARK: - Parts

  private func renderHeader(_ screen: inout Screen) {
    let bar = screen.bounds.row(0)
    screen.fill(bar, style: theme[.headerBar])
    screen.put(" spendtop", x: 0, y: 0, style: theme[.headerBar].adding(.bold))
    var end = 10
    for tab in RootView.tabs() {
      let style = tab.screen == state.screen ? theme[.tabActive] : theme[.tabInactive]
      end = screen.put(tab.label, x: tab.x, y: 0, style: style, limit: size.width)
    }
    // The basis is always visible; the period joins it when there is room.
    let basisText = "basis: \(state.basis.label) "
    let periodText = state.period.map { " \($0.label) " } ?? ""
    let fitsPeriod = size.width - TextWidth.of(basisText + periodText) > end + 1
    let x = size.width - TextWidth.of(basisText) - (fitsPeriod ? TextWidth.of(periodText) : 0)
    if x > end {
      let basisEnd = screen.put("basis: ", x: x, y: 0, style: theme[.headerBar])
      let accent = theme[.headerBar].withForeground(theme[.accent].foreground).adding(.bold)
      let labelEnd = screen.put(state.basis.label, x: basisEnd, y: 0, style: accent)
      if fitsPeriod { screen.put(" " + periodText, x: labelEnd, y: 0, style: theme[.headerBar]) }
    }
  }

  private func renderStatus(_ screen: inout Screen, in rect: Rect) {
    let keymap = state.keymap
    var hints: [(String, String)] = [
      (keymap.label(for: .help), "help"), (keymap.label(for: .palette), "cmd"),
    ]
    switch state.screen {
    case .overview: hints += [("Enter", "explore"), ("Tab", "next")]
    case .explorer:
      hints += [
        ("Enter", "drill"), ("h", "up"), ("/", "filter"), ("b", "group"), ("s", "sort"), ("c", "basis"),
      ]
    case .anomalies: hints += [("Enter", "detail"), ("t", "triage"), ("/", "filter")]
    case .ledger: hints += [("Enter", "lines"), ("a", "add"), ("e", "edit"), ("x", "export")]
    }
    hints.append((keymap.label(for: .quit), "quit"))
    var note = state.today.map { "today \($0)" } ?? ""
    if let loading = state.loading, state.loaded {
      note = "loading \(loading.item) \(Int(loading.fraction * 100))%"
    }
    StatusBar(hints: hints, note: note, style: theme[.statusBar], keyStyle: theme[.key]).render(
      into: &screen, in: rect)
  }

  /// The status message in place of the key hints. One that does not fit on the bottom row wraps
  /// upward over the rows above it (as lazygit's popups wrap, nothing is cut), until the next key
  /// clears it; at most half the screen, the rest cut with `…`.
  private func renderMessage(_ screen: inout Screen) {
    guard let message = state.message else { return }
    let style = message.isError ? theme[.error] : theme[.statusBar].adding(.bold)
    var lines = TextWidth.wrap(message.text, to: size.width - 2)
    let most = max(size.height / 2, 1)
    if lines.count > most {
      lines = Array(lines.prefix(most))
      lines[most - 1] = TextWidth.truncate(lines[most - 1] + " …", to: size.width - 2)
    }
    let top = size.height - lines.count
    for (offset, line) in lines.enumerated() {
      let row = screen.bounds.row(top + offset)
      screen.fill(row, style: style)
      screen.put(" " + line, in: row, style: style)
    }
  }

  private func renderTooSmall(_ screen: inout Screen) {
    let minimum = DashboardApp.minimumSize
    let lines = [
      "spendtop needs \(minimum.width)×\(minimum.height)", "this terminal is \(size.width)×\(size.height)",
      "enlarge it, or press q",
    ]
    let top = max((size.height - lines.count) / 2, 0)
    for (offset, line) in lines.enumerated() {
      let text = TextWidth.truncate(line, to: size.width)
      screen.put(
        text, x: max((size.width - TextWidth.of(text)) / 2, 0), y: top + offset,
        style: offset == 0 ? theme[.warning] : theme[.text])
    }
  }

  private func renderLoading(_ screen: inout Screen, in rect: Rect) {
    let width = min(56, rect.width - 4)
    let box = Rect(x: (rect.width - width) / 2, y: rect.y + rect.height / 2 - 3, width: width, height: 6)
    let inside = Box(title: "Loading", border: theme[.border], titleStyle: theme[.title]).render(
      into: &screen, in: box)
    let progress = state.loading ?? LoadProgress(item: "starting", done: 0, total: 0)
    screen.put("Reading " + progress.item, in: inside.row(0), style: theme[.text])
    let bar = inside.row(2).splitLeft(inside.width - 6, gap: 1)
    ShareBar(fraction: progress.fraction, fill: theme[.chart], empty: theme[.barEmpty]).render(
      into: &screen, in: bar.left)
    screen.put(
      progress.total > 0 ? "\(Int(progress.fraction * 100))%" : "…", in: bar.rest, style: theme[.muted],
      alignRight: true)
  }

  private func renderEmpty(_ screen: inout Screen, in rect: Rect) {
    let lines = [
      "No cost data.", "",
      "Open bills:      spendtop PATH...   (CUR, CUR 2.0, FOCUS, Cost Explorer CSV)",
      "Or import them:  spendtop import PATH...  then run spendtop again",
    ]
    for (offset, line) in lines.enumerated() {
      screen.put(
        line, in: Rect(x: 2, y: rect.y + 1 + offset, width: rect.width - 4, height: 1),
        style: offset == 0 ? theme[.title] : theme[.text])
    }
  }
}

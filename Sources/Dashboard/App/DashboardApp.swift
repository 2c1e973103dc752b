import SpendModel

/// The dashboard program: `update` applies a `Msg` to the state and returns effects to run;
/// `view` draws the state into a `Screen`. Both are pure, so tests drive them without a terminal.
public enum DashboardApp {
  /// The smallest terminal the screens are laid out for.
  public static let minimumSize = Size(width: 60, height: 16)

  /// The effects to run at start-up: load the given paths (or the store when there are none).
  public static func start(paths: [String]) -> [Effect] { [.load(paths: paths)] }

  /// Applies a message to the state.
  ///
  /// - Returns: the effects the runtime must run (IO); their results come back as messages.
  public static func update(_ state: inout DashboardState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .key(let key):
      state.message = nil
      return handle(key, &state)
    case .resize(let size):
      state.size = size
      return []
    case .mouse(let event):
      return handleMouse(event, &state)
    case .tick:
      return []
    case .loadProgress(let progress):
      state.loading = progress
      return []
    case .loaded(let data):
      state.data = data
      state.loading = nil
      state.loaded = true
      if let note = data.notes.first { state.message = StatusMessage(text: note, isError: false) }
      recompute(&state)
      return []
    case .loadFailed(let problem):
      state.loading = nil
      state.loaded = true
      state.message = StatusMessage(text: problem, isError: true)
      return []
    case .lineItems(let table):
      guard
        state.explorer.selectedRow?.values.first == table.resource || state.explorer.lineItems != nil
          || state.explorer.groupBy == .resource
      else { return [] }
      state.explorer.lineItems = table
      state.explorer.lineItemCursor = 0
      state.message = StatusMessage(
        text: "\(Format.count(table.rows.count, "line item")) from \(Format.count(table.files, "file"))"
          + (table.truncated ? " (first rows only)" : ""),
        isError: false)
      return []
    case .effectDone(let text):
      state.message = StatusMessage(text: text, isError: false)
      return []
    case .incidentOpened(let opened):
      let incident = LedgerItems.item(for: opened, cube: state.data.cube)
      state.data.incidents.removeAll { $0.id == incident.id }
      state.data.incidents.append(incident)
      go(to: .ledger, &state)
      state.ledger.open = incident.id
      state.ledger.lineCursor = 0
      state.message = StatusMessage(text: "opened \(incident.id) in the ledger", isError: false)
      return []
    case .effectFailed(let text):
      state.message = StatusMessage(text: text, isError: true)
      return []
    case .incidentLineSaved(let draft, let incident):
      LedgerUpdate.saved(incident, draft: draft, &state)
      return []
    case .incidentLineNotSaved(let incidentID, let draft, let reason):
      LedgerUpdate.notSaved(incidentID, draft: draft, reason: reason, &state)
      return []
    }
  }

  /// Draws the state at `size`.
  public static func view(_ state: DashboardState, size: Size) -> Screen {
    RootView(state: state, size: size).render()
  }

  // MARK: - Keys

  private static func handle(_ key: Key, _ state: inout DashboardState) -> [Effect] {
    if let overlay = state.overlay {
      // Keys pending when an overlay opens were already cleared below; only the help sets some (`gg`).
      return handleOverlay(overlay, key, &state)
    }
    let typed = state.pendingKeys + [key]
    state.pendingKeys = []
    switch state.keymap.match(typed, on: state.screen) {
    case .action(let action): return perform(action, &state)
    case .pending:
      state.pendingKeys = typed
      return []
    case .none:
      // A sequence broken off: the last key counts on its own (`g` then `j` moves down).
      guard typed.count > 1 else { return [] }
      return handle(key, &state)
    }
  }

  /// Runs an action as if its key had been pressed.
  static func perform(_ action: Action, _ state: inout DashboardState) -> [Effect] {
    switch action {
    case .quit: return [.quit]
    case .help: state.overlay = .help(scroll: 0)
    case .palette: state.overlay = .palette(TextInput())
    case .nextScreen: go(to: ScreenID(rawValue: state.screen.rawValue % 4 + 1) ?? .overview, &state)
    case .previousScreen: go(to: ScreenID(rawValue: (state.screen.rawValue + 2) % 4 + 1) ?? .overview, &state)
    case .overview: go(to: .overview, &state)
    case .explorer: go(to: .explorer, &state)
    case .anomalies: go(to: .anomalies, &state)
    case .ledger: go(to: .ledger, &state)
    case .back: back(&state)
    case .basis:
      let all = CostBasis.allCases
      state.basis = all[((all.firstIndex(of: state.basis) ?? 0) + 1) % all.count]
      recompute(&state)
    case .previousPeriod, .nextPeriod: shiftPeriod(by: action == .nextPeriod ? 1 : -1, &state)
    case .periodKind: cyclePeriodKind(&state)
    case .theme: cycleTheme(&state)
    case .redraw: break
    case .filter: state.overlay = .filter(TextInput())
    default: return performOnScreen(action, &state)
    }
    return []
  }

  private static func performOnScreen(_ action: Action, _ state: inout DashboardState) -> [Effect] {
    switch state.screen {
    case .overview:
      if action == .open { go(to: .explorer, &state) }
      return []
    case .explorer: return ExplorerUpdate.perform(action, &state)
    case .anomalies: return AnomaliesUpdate.perform(action, &state)
    case .ledger: return LedgerUpdate.perform(action, &state)
    }
  }

  // MARK: - Navigation

  static func go(to screen: ScreenID, _ state: inout DashboardState) {
    guard screen != state.screen else { return }
    state.history.append(state.screen)
    if state.history.count > 50 { state.history.removeFirst() }
    state.screen = screen
  }

  private static func back(_ state: inout DashboardState) {
    switch state.screen {
    case .explorer where state.explorer.lineItems != nil:
      state.explorer.lineItems = nil
      return
    case .explorer where !state.explorer.filters.isEmpty:
      ExplorerUpdate.up(&state)
      return
    case .explorer where !state.explorer.pattern.isEmpty:
      state.explorer.pattern = ""
      ExplorerUpdate.refilter(&state)
      return
    case .anomalies where state.anomalies.detail != nil:
      state.anomalies.detail = nil
      return
    case .ledger where state.ledger.open != nil:
      state.ledger.open = nil
      return
    default:
      break
    }
    if let previous = state.history.popLast() { state.screen = previous }
  }

  // MARK: - Period and theme

  private static func shiftPeriod(by months: Int, _ state: inout DashboardState) {
    guard let today = state.today, let range = state.data.dayRange else { return }
    var month: Month
    if case .month(let current) = state.periodMode ?? .month(today.month) {
      month = current
    } else {
      month = today.month
    }
    month = months > 0 ? month.next : month.previous
    guard month >= range.lowerBound.month, month <= today.month else {
      state.message = StatusMessage(text: "no data for \(month)", isError: true)
      return
    }
    state.periodMode = .month(month)
    recompute(&state)
  }

  private static func cyclePeriodKind(_ state: inout DashboardState) {
    guard let today = state.today else { return }
    switch state.periodMode ?? .month(today.month) {
    case .month: state.periodMode = .lastDays(7)
    case .lastDays(7): state.periodMode = .lastDays(30)
    case .lastDays: state.periodMode = nil
    }
    recompute(&state)
  }

  /// Switches to the next theme that can be used. A broken one (a bad file, a missing base) is
  /// skipped; the first time it is, the message says which and why.
  private static func cycleTheme(_ state: inout DashboardState) {
    let names = state.themes.names
    guard !names.isEmpty else { return }
    let start = names.firstIndex(of: state.theme.name) ?? names.count - 1
    var skipped: [String] = []
    for step in 1...names.count {
      let name = names[(start + step) % names.count]
      do {
        state.theme = try state.themes.theme(named: name).resolved(for: state.colorDepth)
        let why = skipped.isEmpty ? "" : " (skipped \(skipped.joined(separator: "; ")))"
        state.message = StatusMessage(text: "theme \(name)\(why)", isError: !skipped.isEmpty)
        return
      } catch {
        if state.reportedBrokenThemes.insert(name).inserted {
          skipped.append("broken theme \(name): \(error)")
        }
      }
    }
    state.message = StatusMessage(text: "no usable theme to switch to", isError: true)
  }

  /// Switches to a theme by name, reporting problems in the status bar.
  static func setTheme(_ name: String, _ state: inout DashboardState) {
    do {
      state.theme = try state.themes.theme(named: name).resolved(for: state.colorDepth)
      state.message = StatusMessage(text: "theme \(name)", isError: false)
    } catch {
      state.message = StatusMessage(text: error.description, isError: true)
    }
  }

  // MARK: - Mouse

  private static func handleMouse(_ event: MouseEvent, _ state: inout DashboardState) -> [Effect] {
    guard state.overlay == nil else { return [] }
    switch event {
    case .wheelUp: return perform(.up, &state)
    case .wheelDown: return perform(.down, &state)
    case .press(let x, let y):
      if y == 0, let tab = RootView.tab(atColumn: x) {
        go(to: tab, &state)
        return []
      }
      let listTop = RootView.listTop(for: state)
      guard let listTop, y > listTop else { return [] }
      let row = y - listTop - 1
      setCursor(row, &state)
      return []
    }
  }

  private static func setCursor(_ visibleRow: Int, _ state: inout DashboardState) {
    let height = RootView.listRows(for: state)
    switch state.screen {
    case .explorer:
      let offset = Table.scrollOffset(
        selected: state.explorer.cursor, count: state.explorer.visible.count, visibleRows: height)
      let target = offset + visibleRow
      if target < state.explorer.visible.count { state.explorer.cursor = target }
    case .anomalies where state.anomalies.detail == nil:
      let count = AnomaliesUpdate.visible(state).count
      let offset = Table.scrollOffset(selected: state.anomalies.cursor, count: count, visibleRows: height)
      if offset + visibleRow < count { state.anomalies.cursor = offset + visibleRow }
    default:
      break
    }
  }

  // MARK: - Derived data

  /// Recomputes everything derived from data, basis and period.
  static func recompute(_ state: inout DashboardState) {
    guard let today = state.today, let period = state.period else {
      state.overview = nil
      state.explorer.breakdown = nil
      state.explorer.visible = []
      return
    }
    state.overview = OverviewModel(data: state.data, today: today, period: period, basis: state.basis)
    // Line items read for other days are not this period's: back to the resource list.
    if let days = state.explorer.lineItems?.days, days != period.days { state.explorer.lineItems = nil }
    ExplorerUpdate.rebuild(&state)
  }
}

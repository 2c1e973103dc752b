import SpendModel

/// The `:` command palette: commands with arguments, suggestions as you type, Tab completes.
enum Palette {
  /// A suggestion: what Tab completes to and what it does.
  struct Suggestion: Equatable {
    /// The full command text.
    var completion: String
    /// One line on what it does.
    var summary: String
  }

  /// Every command with its argument choices for the current state.
  static func commands(_ state: DashboardState) -> [(name: String, arguments: [String], summary: String)] {
    [
      ("overview", [], "show the Overview"),
      ("explorer", [], "show the Explorer"),
      ("anomalies", [], "show the Anomalies"),
      ("ledger", [], "show the Ledger"),
      ("help", [], "show the keys"),
      ("group", ExplorerUpdate.groupChoices(state).map(\.name), "group the Explorer by a dimension"),
      ("basis", CostBasis.allCases.map(\.rawValue), "sum a cost basis"),
      ("period", periodChoices(state), "a month (YYYY-MM), 7d, 30d or month"),
      ("theme", state.themes.names, "switch the theme"),
      ("sort", SortKey.allCases.map(\.rawValue), "sort the Explorer"),
      ("filter", [], "regex filter of the current list (empty clears)"),
      ("top", [], "back to the top of the Explorer (clear breadcrumbs)"),
      ("export", [], "export the selected incident to markdown"),
      ("quit", [], "leave spendtop"),
    ]
  }

  private static func periodChoices(_ state: DashboardState) -> [String] {
    guard let range = state.data.dayRange else { return ["7d", "30d", "month"] }
    var months: [String] = []
    var month = range.lowerBound.month
    while month <= range.upperBound.month {
      months.append(month.description)
      month = month.next
    }
    return months.reversed() + ["7d", "30d", "month"]
  }

  /// Commands (and arguments) that start with what was typed.
  static func suggestions(for text: String, state: DashboardState) -> [Suggestion] {
    let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let word = parts.first?.lowercased() ?? ""
    let all = commands(state)
    if parts.count < 2 {
      return all.filter { $0.name.hasPrefix(word) }.map {
        Suggestion(
          completion: $0.arguments.isEmpty && $0.name != "filter" ? $0.name : $0.name + " ",
          summary: $0.summary)
      }
    }
    guard let command = all.first(where: { $0.name == word }) else { return [] }
    let argument = parts[1].lowercased()
    return command.arguments.filter { $0.lowercased().hasPrefix(argument) }.map {
      Suggestion(completion: command.name + " " + $0, summary: command.summary)
    }
  }

  /// Runs a command line.
  static func run(_ text: String, _ state: inout DashboardState) -> [Effect] {
    let parts = text.trimmingSpaces.split(separator: " ", maxSplits: 1).map(String.init)
    guard let word = parts.first?.lowercased() else { return [] }
    let argument = parts.count > 1 ? parts[1].trimmingSpaces : ""
    let names = commands(state).map(\.name)
    let prefixed = names.filter { $0.hasPrefix(word) }
    let name = names.contains(word) ? word : (prefixed.count == 1 ? prefixed[0] : word)
    func fail(_ problem: String) -> [Effect] {
      state.message = StatusMessage(text: problem, isError: true)
      return []
    }
    switch name {
    case "overview", "explorer", "anomalies", "ledger":
      DashboardApp.go(to: ScreenID.allCases.first { $0.title.lowercased() == name } ?? .overview, &state)
    case "help": state.overlay = .help(scroll: 0)
    case "quit", "q": return [.quit]
    case "group":
      guard let dimension = Dimension(name: argument), dimension != .day else {
        let choices = ExplorerUpdate.groupChoices(state).map(\.name).joined(separator: ", ")
        if argument.isEmpty { return fail("group by what? e.g. :group account (\(choices))") }
        return fail("unknown dimension '\(argument)'; use one of \(choices)")
      }
      DashboardApp.go(to: .explorer, &state)
      ExplorerUpdate.setGroup(dimension, &state)
    case "basis":
      guard let basis = CostBasis(rawValue: argument.lowercased()) else {
        return fail("basis must be one of " + CostBasis.allCases.map(\.rawValue).joined(separator: ", "))
      }
      state.basis = basis
      DashboardApp.recompute(&state)
    case "period":
      guard let mode = periodMode(argument, state: state) else {
        return fail("period must be YYYY-MM within the data, 7d, 30d or month")
      }
      state.periodMode = mode
      DashboardApp.recompute(&state)
    case "theme":
      guard !argument.isEmpty else {
        return fail("theme name? one of " + state.themes.names.joined(separator: ", "))
      }
      DashboardApp.setTheme(argument, &state)
    case "sort":
      guard let key = SortKey(rawValue: argument.lowercased()) else {
        return fail("sort by cost, change or name")
      }
      state.explorer.sort = key
      state.explorer.ascending = key == .name
      ExplorerUpdate.refilter(&state)
    case "filter":
      if let problem = PatternMatcher.problem(in: argument) { return fail(problem) }
      DashboardApp.applyFilter(argument, &state)
    case "top":
      state.explorer.filters = []
      state.explorer.cursorStack = []
      state.explorer.groupBy = .service
      state.explorer.cursor = 0
      DashboardApp.go(to: .explorer, &state)
      ExplorerUpdate.rebuild(&state)
    case "export":
      guard LedgerUpdate.selected(state) != nil else {
        return fail("no incident to export (open the Ledger)")
      }
      return LedgerUpdate.export(&state)
    default:
      let names = commands(state).map(\.name).joined(separator: ", ")
      return fail("unknown command '\(word)': try \(names)")
    }
    return []
  }

  private static func periodMode(_ text: String, state: DashboardState) -> PeriodMode? {
    switch text.lowercased() {
    case "7d": return .lastDays(7)
    case "30d": return .lastDays(30)
    case "month", "": return state.today.map { .month($0.month) }
    default:
      guard let month = Month(iso: text), let range = state.data.dayRange,
        month >= range.lowerBound.month, month <= range.upperBound.month
      else { return nil }
      return .month(month)
    }
  }
}

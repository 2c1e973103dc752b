import SpendModel

/// The Explorer's part of `update`: drill down and up, group, sort, filter, move.
enum ExplorerUpdate {
  static func perform(_ action: Action, _ state: inout DashboardState) -> [Effect] {
    switch action {
    case .up, .down, .top, .bottom, .pageUp, .pageDown:
      let page = RootView.listRows(for: state)
      if let lineItems = state.explorer.lineItems {
        state.explorer.lineItemCursor = ListMotion.move(
          state.explorer.lineItemCursor, action, count: lineItems.rows.count, page: page)
      } else {
        state.explorer.cursor = ListMotion.move(
          state.explorer.cursor, action, count: state.explorer.visible.count, page: page)
      }
    case .open: return drill(&state)
    case .back:
      if state.explorer.lineItems != nil {
        state.explorer.lineItems = nil
      } else {
        up(&state)
      }
    case .groupBy: cycleGroup(&state)
    case .sort:
      let keys = SortKey.allCases
      state.explorer.sort = keys[((keys.firstIndex(of: state.explorer.sort) ?? 0) + 1) % keys.count]
      state.explorer.ascending = state.explorer.sort == .name
      refilter(&state)
    case .reverseSort:
      state.explorer.ascending.toggle()
      refilter(&state)
    case .nextMatch, .previousMatch:
      var explorer = state.explorer
      if let lineItems = explorer.lineItems {
        let texts = lineItems.rows.map { $0.joined(separator: " ") }
        ListSearch.jump(&explorer.lineItemCursor, in: texts, forward: action == .nextMatch, &state)
      } else if let breakdown = explorer.breakdown {
        let texts = explorer.visible.map { breakdown.rows[$0].name }
        ListSearch.jump(&explorer.cursor, in: texts, forward: action == .nextMatch, &state)
      }
      state.explorer = explorer
    default: break
    }
    return []
  }

  /// Enters the selected row: it becomes a breadcrumb and rows group by the next dimension. On a
  /// resource at the bottom of the hierarchy, asks for its line items from the source files.
  static func drill(_ state: inout DashboardState) -> [Effect] {
    guard state.explorer.lineItems == nil, let row = state.explorer.selectedRow, let value = row.values.first
    else {
      return []
    }
    var explorer = state.explorer
    let filtered = Set(explorer.filters.map(\.dimension.name) + [explorer.groupBy.name])
    guard let next = ExplorerState.hierarchy.first(where: { !filtered.contains($0.name) }) else {
      guard explorer.groupBy == .resource, !value.isEmpty, !state.data.sources.isEmpty else {
        let why = value.isEmpty ? "has no resource ID" : "has no source files to read line items from"
        state.message = StatusMessage(text: "\(row.name) \(why)", isError: false)
        return []
      }
      guard let period = state.period else { return [] }
      state.message = StatusMessage(text: "reading the line items of \(value)…", isError: false)
      let scope = LineItemScope(
        cube: state.data.cube, resource: value, filters: explorer.filters, period: period)
      return [.readLineItems(scope: scope, paths: state.data.sources)]
    }
    explorer.filters.append(DimensionFilter(explorer.groupBy, value))
    explorer.cursorStack.append(explorer.cursor)
    explorer.groupBy = next
    explorer.cursor = 0
    explorer.pattern = ""
    state.explorer = explorer
    rebuild(&state)
    return []
  }

  /// Leaves the last breadcrumb and returns to the row it came from.
  static func up(_ state: inout DashboardState) {
    guard let last = state.explorer.filters.popLast() else { return }
    state.explorer.groupBy = last.dimension
    state.explorer.pattern = ""
    rebuild(&state)
    let cursor = state.explorer.cursorStack.popLast() ?? 0
    state.explorer.cursor = min(cursor, max(state.explorer.visible.count - 1, 0))
  }

  /// Groups by the next dimension at this level (tags included).
  static func cycleGroup(_ state: inout DashboardState) {
    let choices = groupChoices(state)
    let current = choices.firstIndex(of: state.explorer.groupBy) ?? -1
    setGroup(choices[(current + 1) % choices.count], &state)
  }

  /// Groups by `dimension` at this level.
  static func setGroup(_ dimension: Dimension, _ state: inout DashboardState) {
    state.explorer.groupBy = dimension
    state.explorer.cursor = 0
    rebuild(&state)
  }

  /// The dimensions offered for grouping: the plain ones (not day), then every tag key in the data.
  static func groupChoices(_ state: DashboardState) -> [Dimension] {
    let filtered = Set(state.explorer.filters.map(\.dimension.name))
    var tagKeys: Set<String> = []
    for row in state.data.cube.rows { for pair in row.key.tags { tagKeys.insert(pair.key) } }
    let plain: [Dimension] = [
      .service, .usageType, .operation, .region, .resource, .account, .payerAccount, .lineItemType, .month,
    ]
    return (plain + tagKeys.sorted().map { Dimension.tag($0) }).filter { !filtered.contains($0.name) }
  }

  /// Recomputes the breakdown of the current level, and the label of an empty usage type among
  /// the breadcrumbs (what it selects in this period, as its row reads).
  static func rebuild(_ state: inout DashboardState) {
    guard let period = state.period else { return }
    let filters = state.explorer.filters
    for (index, filter) in filters.enumerated() where filter.dimension == .usageType && filter.value.isEmpty {
      state.explorer.filters[index].blankLabel = BlankUsageLabel.of(
        state.data.cube, filters: Array(filters[...index]), period: period)
    }
    state.explorer.breakdown = Breakdown(
      cube: state.data.cube, by: [state.explorer.groupBy], filters: state.explorer.filters, period: period,
      basis: state.basis)
    refilter(&state)
  }

  /// Names in case-insensitive order that does not depend on the locale (`AmazonCloudWatch` before
  /// `AWSLambda`); names equal but for case in code-point order, so the order is total.
  static func nameOrder(_ lhs: String, _ rhs: String) -> Bool {
    let (left, right) = (lhs.lowercased(), rhs.lowercased())
    return left != right ? left < right : lhs < rhs
  }

  /// Re-applies the regex filter and the sort.
  static func refilter(_ state: inout DashboardState) {
    guard let breakdown = state.explorer.breakdown else { return }
    let matcher = PatternMatcher(state.explorer.pattern)
    var indices = breakdown.rows.indices.filter { matcher.matches(breakdown.rows[$0].name) }
    let rows = breakdown.rows
    let ascending = state.explorer.ascending
    switch state.explorer.sort {
    case .cost: indices.sort { ascending ? rows[$0].cost < rows[$1].cost : rows[$0].cost > rows[$1].cost }
    case .change:
      indices.sort { ascending ? rows[$0].change < rows[$1].change : rows[$0].change > rows[$1].change }
    case .name:
      indices.sort {
        ascending ? nameOrder(rows[$0].name, rows[$1].name) : nameOrder(rows[$1].name, rows[$0].name)
      }
    }
    state.explorer.visible = indices
    state.explorer.cursor = min(state.explorer.cursor, max(indices.count - 1, 0))
  }
}

/// Cursor movement shared by every list.
enum ListMotion {
  /// The new cursor after a motion action in a list of `count` rows with `page` rows visible.
  static func move(_ cursor: Int, _ action: Action, count: Int, page: Int) -> Int {
    guard count > 0 else { return 0 }
    let step = max(page - 1, 1)
    switch action {
    case .up: return max(cursor - 1, 0)
    case .down: return min(cursor + 1, count - 1)
    case .top: return 0
    case .bottom: return count - 1
    case .pageUp: return max(cursor - step, 0)
    case .pageDown: return min(cursor + step, count - 1)
    default: return cursor
    }
  }
}

/// A `/` filter: a regex, smart-case (case-insensitive unless it has a capital), `!` inverts.
struct PatternMatcher {
  private let regex: Regex<AnyRegexOutput>?
  private let inverted: Bool

  /// A matcher for the text as typed; an empty or invalid pattern matches everything.
  init(_ pattern: String) {
    inverted = pattern.hasPrefix("!")
    let body = inverted ? String(pattern.dropFirst()) : pattern
    let compiled = body.isEmpty ? nil : try? Regex(body)
    regex = body.contains(where: \.isUppercase) ? compiled : compiled?.ignoresCase()
  }

  /// Whether the pattern compiles (an empty one does).
  static func problem(in pattern: String) -> String? {
    let body = pattern.hasPrefix("!") ? String(pattern.dropFirst()) : pattern
    guard !body.isEmpty else { return nil }
    do {
      _ = try Regex(body)
      return nil
    } catch {
      return "bad regex /\(body)/: \(error)"
    }
  }

  /// Whether a name passes.
  func matches(_ name: String) -> Bool {
    guard let regex else { return true }
    return name.contains(regex) != inverted
  }
}

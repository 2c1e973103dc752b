/// `n` / `N`: jumping to the next or previous row that matches the last `/` search.
enum ListSearch {
  /// The row after (or before) `cursor` whose text matches `pattern`, wrapping round; nil when none does.
  static func step(from cursor: Int, in texts: [String], pattern: String, forward: Bool) -> Int? {
    guard !texts.isEmpty else { return nil }
    let matcher = PatternMatcher(pattern)
    let count = texts.count
    for offset in 1...count {
      let index = ((forward ? cursor + offset : cursor - offset) % count + count) % count
      if matcher.matches(texts[index]) { return index }
    }
    return nil
  }

  /// Moves `cursor` to the next (or previous) match of `state.lastSearch` among `texts`, saying so in the
  /// status bar when there is no search yet or nothing matches.
  static func jump(_ cursor: inout Int, in texts: [String], forward: Bool, _ state: inout DashboardState) {
    let pattern = state.lastSearch
    guard !pattern.isEmpty else {
      state.message = StatusMessage(text: "no search yet: / to search", isError: false)
      return
    }
    guard let index = step(from: cursor, in: texts, pattern: pattern, forward: forward) else {
      state.message = StatusMessage(text: "no match for /\(pattern)/", isError: true)
      return
    }
    if forward ? index <= cursor : index >= cursor {
      state.message = StatusMessage(
        text: "search hit \(forward ? "bottom, continuing at top" : "top, continuing at bottom")", isError: false)
    }
    cursor = index
  }
}

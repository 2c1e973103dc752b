/// Something the user can ask for; keys map to actions, and help lists them.
public enum Action: String, CaseIterable, Sendable {
  /// Moving in a list.
  case up, down, top, bottom
  case pageUp = "page-up"
  case pageDown = "page-down"
  /// Drilling, going back, filtering and stepping through matches.
  case open, back, filter
  case nextMatch = "next-match"
  case previousMatch = "previous-match"
  /// Overlays and screens.
  case help, palette
  case nextScreen = "next-screen"
  case previousScreen = "previous-screen"
  /// Going to a screen, or leaving.
  case overview, explorer, anomalies, ledger, quit
  /// What is summed and how rows are grouped and ordered.
  case basis
  case groupBy = "group-by"
  case sort
  case reverseSort = "reverse-sort"
  /// The period shown.
  case previousPeriod = "previous-period"
  case nextPeriod = "next-period"
  case periodKind = "period-kind"
  /// Theme, triage, ledger lines, export, redraw.
  case theme, triage
  case openIncident = "open-incident"
  case addLine = "add-line"
  case editLine = "edit-line"
  case export, redraw
}

/// Where a binding applies.
public enum KeyContext: String, CaseIterable, Sendable {
  /// Every screen.
  case global = "Everywhere"
  /// Every list (the Explorer, Anomalies, Ledger).
  case lists = "Lists"
  /// One screen only.
  case explorer = "Explorer"
  case anomalies = "Anomalies"
  case ledger = "Ledger"
}

/// Keys pressed one after the other that together make one binding (`g g`), or a single key.
public struct KeySequence: Hashable, Sendable {
  /// The keys, in order (never empty).
  public var keys: [Key]

  /// A sequence of the keys given.
  public init(_ keys: [Key]) { self.keys = keys }

  /// The name shown in help: the key labels run together (`gg`, `Ctrl-L`).
  public var label: String { keys.map(\.label).joined() }
}

/// Whether keys typed so far run a binding, start one, or neither.
public enum KeyMatch: Equatable, Sendable {
  /// A complete binding.
  case action(Action)
  /// The start of a longer sequence: wait for the next key.
  case pending
  /// Nothing bound.
  case none
}

/// One key binding: keys, the action, where it applies, and what help says about it.
public struct KeyBinding: Sendable {
  /// The key sequences (the first is shown first in help).
  public var sequences: [KeySequence]
  /// The action.
  public var action: Action
  /// Where it applies.
  public var context: KeyContext
  /// One line for help.
  public var summary: String

  /// A binding of single keys.
  public init(keys: [Key], action: Action, context: KeyContext, summary: String) {
    self.init(sequences: keys.map { KeySequence([$0]) }, action: action, context: context, summary: summary)
  }

  /// A binding of key sequences.
  public init(sequences: [KeySequence], action: Action, context: KeyContext, summary: String) {
    self.sequences = sequences
    self.action = action
    self.context = context
    self.summary = summary
  }
}

/// The live key bindings. Help is generated from this, so it never goes stale.
public struct Keymap: Sendable {
  /// All bindings, in help order.
  public var bindings: [KeyBinding]

  /// The action for a single key on a screen: the screen's own bindings win over list and global ones.
  public func action(for key: Key, on screen: ScreenID) -> Action? {
    if case .action(let action) = match([key], on: screen) { return action }
    return nil
  }

  /// What the keys typed so far mean on a screen: a binding (the screen's own win over list and
  /// global ones), the start of a longer sequence, or nothing.
  public func match(_ typed: [Key], on screen: ScreenID) -> KeyMatch {
    let order: [KeyContext] = [screen.keyContext, .lists, .global].compactMap { $0 }
    for context in order {
      let scoped = bindings.filter { $0.context == context }
      if let binding = scoped.first(where: { $0.sequences.contains(KeySequence(typed)) }) {
        return .action(binding.action)
      }
      let starts = scoped.contains { binding in
        binding.sequences.contains { $0.keys.count > typed.count && $0.keys.starts(with: typed) }
      }
      if starts { return .pending }
    }
    return .none
  }

  /// The first key label of an action (for hints), `?` if unbound.
  public func label(for action: Action) -> String {
    bindings.first { $0.action == action }?.sequences.first?.label ?? "?"
  }

  /// The default bindings (k9s / ncdu / vim conventions).
  public static let standard = Keymap(bindings: [
    KeyBinding(
      keys: [.character("?"), .function(1)], action: .help, context: .global, summary: "help (this screen)"),
    KeyBinding(keys: [.character(":")], action: .palette, context: .global, summary: "command palette"),
    KeyBinding(keys: [.tab], action: .nextScreen, context: .global, summary: "next screen"),
    KeyBinding(keys: [.backTab], action: .previousScreen, context: .global, summary: "previous screen"),
    KeyBinding(keys: [.character("1")], action: .overview, context: .global, summary: "Overview"),
    KeyBinding(keys: [.character("2")], action: .explorer, context: .global, summary: "Explorer"),
    KeyBinding(keys: [.character("3")], action: .anomalies, context: .global, summary: "Anomalies"),
    KeyBinding(keys: [.character("4")], action: .ledger, context: .global, summary: "Ledger"),
    KeyBinding(keys: [.escape], action: .back, context: .global, summary: "back one level / close"),
    KeyBinding(keys: [.character("c")], action: .basis, context: .global, summary: "next cost basis"),
    KeyBinding(keys: [.character("<")], action: .previousPeriod, context: .global, summary: "previous month"),
    KeyBinding(keys: [.character(">")], action: .nextPeriod, context: .global, summary: "next month"),
    KeyBinding(
      keys: [.character("p")], action: .periodKind, context: .global, summary: "period: month / 7 / 30 days"),
    KeyBinding(keys: [.character("T")], action: .theme, context: .global, summary: "next theme"),
    KeyBinding(keys: [.control("l")], action: .redraw, context: .global, summary: "redraw"),
    KeyBinding(keys: [.character("q"), .control("c")], action: .quit, context: .global, summary: "quit"),
    KeyBinding(keys: [.character("k"), .up], action: .up, context: .lists, summary: "up"),
    KeyBinding(keys: [.character("j"), .down], action: .down, context: .lists, summary: "down"),
    KeyBinding(
      sequences: [KeySequence([.character("g"), .character("g")]), KeySequence([.home])], action: .top,
      context: .lists, summary: "first row"),
    KeyBinding(keys: [.character("G"), .end], action: .bottom, context: .lists, summary: "last row"),
    KeyBinding(keys: [.pageUp, .control("b")], action: .pageUp, context: .lists, summary: "page up"),
    KeyBinding(keys: [.pageDown, .control("f")], action: .pageDown, context: .lists, summary: "page down"),
    KeyBinding(
      keys: [.enter, .character("l"), .right], action: .open, context: .lists, summary: "open / drill down"),
    KeyBinding(
      keys: [.character("h"), .left, .backspace], action: .back, context: .lists, summary: "up one level"),
    KeyBinding(
      keys: [.character("/")], action: .filter, context: .lists, summary: "regex filter (/!re inverts)"),
    KeyBinding(keys: [.character("n")], action: .nextMatch, context: .lists, summary: "next match of the last /"),
    KeyBinding(keys: [.character("N")], action: .previousMatch, context: .lists, summary: "previous match of the last /"),
    KeyBinding(
      keys: [.character("b")], action: .groupBy, context: .explorer, summary: "group by next dimension"),
    KeyBinding(
      keys: [.character("s")], action: .sort, context: .explorer, summary: "sort by cost / change / name"),
    KeyBinding(keys: [.character("r")], action: .reverseSort, context: .explorer, summary: "reverse sort"),
    KeyBinding(keys: [.character("t")], action: .triage, context: .anomalies, summary: "triage the anomaly"),
    KeyBinding(
      keys: [.character("i")], action: .openIncident, context: .anomalies,
      summary: "open an incident in the ledger from the anomaly"),
    KeyBinding(keys: [.character("a")], action: .addLine, context: .ledger, summary: "add a cost line"),
    KeyBinding(keys: [.character("e")], action: .editLine, context: .ledger, summary: "edit the cost line"),
    KeyBinding(keys: [.character("x")], action: .export, context: .ledger, summary: "export to markdown"),
  ])
}

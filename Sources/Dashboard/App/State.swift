import SpendModel

/// The dashboard's screens, in tab order.
public enum ScreenID: Int, CaseIterable, Sendable {
  /// The screens; the raw value is the number key.
  case overview = 1
  case explorer, anomalies, ledger

  /// The tab title.
  public var title: String {
    switch self {
    case .overview: return "Overview"
    case .explorer: return "Explorer"
    case .anomalies: return "Anomalies"
    case .ledger: return "Ledger"
    }
  }

  /// The screen's own key bindings.
  var keyContext: KeyContext? {
    switch self {
    case .overview: return nil
    case .explorer: return .explorer
    case .anomalies: return .anomalies
    case .ledger: return .ledger
    }
  }
}

/// A line of text typed into a prompt, with the cursor at its end.
public struct TextInput: Sendable, Equatable {
  /// The text so far.
  public var text: String = ""

  /// Creates an input.
  public init(text: String = "") { self.text = text }

  /// Applies a key; returns false when the key is not an editing key.
  mutating func edit(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      text.append(character)
    case .backspace:
      if !text.isEmpty { text.removeLast() }
    case .control("u"):
      text = ""
    case .control("w"):
      while text.last == " " { text.removeLast() }
      while let last = text.last, last != " " { text.removeLast() }
    default:
      return false
    }
    return true
  }
}

/// What floats over the current screen and takes the keys first.
public enum Overlay: Sendable, Equatable {
  /// Help, scrolled to a line.
  case help(scroll: Int)
  /// The `:` command palette.
  case palette(TextInput)
  /// The `/` filter prompt.
  case filter(TextInput)
  /// The triage form for an anomaly.
  case triage(TriageForm)
  /// The cost line form of the ledger.
  case lineForm(LineForm)
}

/// A message in the status bar until the next key.
public struct StatusMessage: Sendable, Equatable {
  /// The text.
  public var text: String
  /// Whether it reports a problem.
  public var isError: Bool
}

/// The complete state of the dashboard. `update` changes it; `view` draws it.
public struct DashboardState: Sendable {
  // MARK: Environment
  /// The terminal size.
  public var size: Size
  /// The settings.
  public var config: DashboardConfig
  /// The key bindings.
  public var keymap: Keymap = .standard
  /// All themes, for switching at runtime.
  public var themes: ThemeCatalog
  /// How many colours the terminal shows.
  public var colorDepth: ColorDepth
  /// The current theme, resolved for `colorDepth`.
  public var theme: Theme

  // MARK: Data
  /// What is shown.
  public var data: DashboardData = .empty
  /// Loading progress; nil when not loading.
  public var loading: LoadProgress?
  /// Whether data has arrived at least once.
  public var loaded = false

  // MARK: Navigation
  /// The current screen.
  public var screen: ScreenID = .overview
  /// Screens visited before, for Esc.
  public var history: [ScreenID] = []
  /// What floats on top.
  public var overlay: Overlay?
  /// The status message.
  public var message: StatusMessage?
  /// The cost basis summed everywhere.
  public var basis: CostBasis = .unblended
  /// The period; nil means "the month of today".
  public var periodMode: PeriodMode?
  /// Keys typed so far of a longer binding (the first `g` of `gg`).
  public var pendingKeys: [Key] = []
  /// The last `/` pattern applied, which `n` / `N` step through (kept after Esc clears the filter).
  public var lastSearch = ""
  /// Broken themes `T` has said it skips (it says so once per theme, then skips them quietly).
  public var reportedBrokenThemes: Set<String> = []

  // MARK: Screens
  /// The Overview's numbers.
  public var overview: OverviewModel?
  /// The Explorer.
  public var explorer = ExplorerState()
  /// The Anomalies screen.
  public var anomalies = AnomaliesState()
  /// The Ledger screen.
  public var ledger = LedgerState()

  /// Creates a state before any data arrives.
  public init(size: Size, config: DashboardConfig, themes: ThemeCatalog, theme: Theme, colorDepth: ColorDepth)
  {
    self.size = size
    self.config = config
    self.themes = themes
    self.colorDepth = colorDepth
    self.theme = theme.resolved(for: colorDepth)
  }

  /// "Today": the last day in the data.
  public var today: Day? { data.today }

  /// The period in force, resolved against today.
  public var period: Period? {
    guard let today else { return nil }
    return Period(periodMode ?? .month(today.month), today: today)
  }

  /// An account ID with its alias from the config (`prod (111122223333)`).
  public func accountName(_ id: String) -> String {
    guard let alias = config.accountAliases[id] else { return id }
    return "\(alias) (\(id))"
  }
}

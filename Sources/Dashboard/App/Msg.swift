import IncidentLedger
import SpendModel
import SpikeDetector

/// A key press, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
  /// A printable character (`j`, `G`, `/`, `é`).
  case character(Character)
  /// Arrow and paging keys.
  case up, down, left, right, pageUp, pageDown, home, end
  /// Editing and control keys (`backTab` is Shift-Tab).
  case enter, escape, backspace, tab, backTab, delete
  /// Ctrl plus a letter (`control("l")`).
  case control(Character)
  /// F1–F12.
  case function(Int)

  /// The name shown in help and hints: `j`, `↓`, `PgDn`, `Enter`, `Ctrl-L`.
  public var label: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .backspace: return "Backspace"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .delete: return "Del"
    case .control(let character): return "Ctrl-" + String(character).uppercased()
    case .function(let number): return "F\(number)"
    }
  }
}

/// A mouse event (only when mouse support is on).
public enum MouseEvent: Sendable, Equatable {
  /// A left-button press at a cell.
  case press(x: Int, y: Int)
  /// Wheel up.
  case wheelUp
  /// Wheel down.
  case wheelDown
}

/// How far loading has got.
public struct LoadProgress: Sendable, Equatable {
  /// What is being read now (a file name).
  public var item: String
  /// Units done (bytes or files).
  public var done: Int
  /// Units in all, 0 when unknown.
  public var total: Int

  /// Creates progress.
  public init(item: String, done: Int, total: Int) {
    self.item = item
    self.done = done
    self.total = total
  }

  /// Done as a fraction 0…1 (0 when the total is unknown).
  public var fraction: Double { total > 0 ? min(Double(done) / Double(total), 1) : 0 }
}

/// Everything that can happen to the dashboard: input, resize, time, and effect results.
public enum Msg: Sendable {
  /// A key was pressed.
  case key(Key)
  /// The terminal changed size.
  case resize(Size)
  /// A mouse event.
  case mouse(MouseEvent)
  /// Time passed (the backend ticks about ten times a second).
  case tick
  /// Loading moved on.
  case loadProgress(LoadProgress)
  /// Loading finished.
  case loaded(DashboardData)
  /// Loading failed.
  case loadFailed(String)
  /// Line items arrived for the resource the Explorer is on.
  case lineItems(LineItemTable)
  /// An effect finished with a message for the status bar.
  case effectDone(String)
  /// An effect failed.
  case effectFailed(String)
  /// An incident was opened in the ledger (from an anomaly) and saved.
  case incidentOpened(Incident)
  /// A cost line entered in the form (`draft`) was saved: the incident as its file now holds it.
  case incidentLineSaved(draft: Int, incident: Incident)
  /// A cost line entered in the form (`draft`) could not be saved: why.
  case incidentLineNotSaved(incidentID: String, draft: Int, reason: String)
}

/// Work the runtime does for `update`: IO, never done in `update` itself. Results come back as `Msg`s.
public enum Effect: Sendable, Equatable {
  /// Read bills (or the store when `paths` is empty) and answer with progress, then `.loaded`.
  case load(paths: [String])
  /// Read a resource's line items within `scope` from the source files (`paths`) and answer with
  /// `.lineItems`.
  case readLineItems(scope: LineItemScope, paths: [String])
  /// Persist a triage decision.
  case saveTriage(anomalyID: String, verdict: TriageVerdict, reason: String)
  /// Open a new ledger incident from a detected anomaly and answer with `.incidentOpened`.
  case openIncident(Anomaly)
  /// Apply `edit` to cost line `index` of the incident's file (nil appends a line) and answer with
  /// `.incidentLineSaved` or `.incidentLineNotSaved` for `draft`. `loaded` is the incident as the
  /// screen loaded it (`IncidentItem.stored`): when the file no longer holds it, nothing is written.
  case saveIncidentLine(incidentID: String, index: Int?, loaded: Incident?, draft: Int, edit: CostLineEdit)
  /// Write text to a file named like `suggestedName` in the current directory. `incident` is the
  /// dashboard's copy the text was rendered from: the runtime says so when its file no longer holds
  /// it (`ExportMessage`).
  case export(suggestedName: String, text: String, incident: Incident?)
  /// Leave the dashboard.
  case quit
}

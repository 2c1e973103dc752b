import Dashboard
import SpendModel
import SpendStore
import SpikeDetector

/// Loads the dashboard's data from the spend store: the recent months the screens show, the
/// detector's anomalies on them, the triage the store keeps for those anomalies, and the ledger's
/// incidents (bill-derived lines computed from the loaded cube).
///
/// A full load of a large store takes seconds (1.1 M cells: ~3.6 s), so only the last
/// `monthsLoaded` calendar months up to the store's last day are read: the Overview's month and the
/// one before, the Explorer's comparison, and the detector's 8-week baseline plus its 28-day drift lag.
/// Before that, a small SQL rollup of the last two months is sent (`DashboardStorePreview`), so the
/// first frame with data does not wait for the full read.
struct StoreDashboardLoader {
  /// The store file.
  var path: String
  /// The detector's gates (the config's thresholds).
  var detector = DetectorSettings()

  /// Calendar months read, ending with the month of the store's last day.
  static let monthsLoaded = 6

  /// What the dashboard says when the store holds no bills.
  static let emptyNote = "the store is empty: import bills with spendtop import PATH"

  /// Reads the store on the calling thread, sending progress, then `.loaded` or `.loadFailed`.
  func load(send: @Sendable (Msg) -> Void) {
    send(.loadProgress(LoadProgress(item: "opening the store \(path)", done: 0, total: 0)))
    let store: SpendStore
    do {
      store = try SpendStore.open(at: path, creating: false)
    } catch .notFound {
      return send(.loaded(emptyStore))
    } catch {
      return send(.loadFailed(error.description))
    }
    do {
      let periods = try store.periods().filter { $0.days != nil }
      guard let last = periods.compactMap(\.days?.upperBound).max() else {
        return send(.loaded(emptyStore))
      }
      let first = Self.firstDayLoaded(last: last)
      if let preview = try? DashboardStorePreview.data(store: store, last: last, path: path) {
        send(.loaded(preview))
      }
      let cells = periods.filter { ($0.days?.upperBound ?? last) >= first }.reduce(0) { $0 + $1.cells }
      send(
        .loadProgress(
          LoadProgress(
            item: "reading \(first) to \(last) from the store (up to \(cells) cells)", done: 0, total: 0)))
      let cube = try store.loadCube(filter: CubeFilter(from: first, to: last))
      send(.loadProgress(LoadProgress(item: "detecting anomalies", done: 0, total: 0)))
      let detection = AnomalyItems.detect(in: cube, settings: detector)
      let triage = Dictionary(try store.allTriage().map { ($0.anomaly, $0) }, uniquingKeysWith: { $1 })
      let anomalies = detection.items.map { item in
        var item = item
        if let entry = triage[item.id] {
          item.triage = Triage(verdict: entry.verdict, reason: entry.reason)
        }
        return item
      }
      var notes: [String] = []
      if let stored = periods.compactMap(\.days?.lowerBound).min(), stored < first {
        notes.append("store: \(first) to \(last) loaded; older months with spendtop cube/detect/report --db")
      }
      if let note = detection.note { notes.append(note) }
      send(
        .loaded(
          DashboardEffects.withLedger(
            DashboardData(cube: cube, anomalies: anomalies, sources: [path], notes: notes))))
    } catch {
      send(.loadFailed("\(path): \(error)"))
    }
  }

  /// An empty store's data: the note, and the ledger's incidents (which need no bills).
  private var emptyStore: DashboardData {
    DashboardEffects.withLedger(DashboardData(cube: Cube(), sources: [path], notes: [Self.emptyNote]))
  }

  /// The first day of the month `monthsLoaded − 1` months before `last`'s.
  static func firstDayLoaded(last: Day) -> Day {
    var month = last.month
    for _ in 1..<monthsLoaded { month = month.previous }
    return month.firstDay
  }
}

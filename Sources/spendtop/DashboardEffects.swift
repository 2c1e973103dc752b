import BillImport
import Dashboard
import Foundation
import IncidentLedger
import SpendModel
import SpendStore
import SpikeDetector

/// Runs the dashboard's effects: loading data, saving triage and ledger lines, exports.
///
/// Each effect runs on its own thread and reports back through `send`, so the UI stays live.
struct DashboardEffects: Sendable {
  /// Where the dashboard's data comes from.
  enum Source: Sendable {
    /// Bill files named on the command line: read-only, triage kept for the session.
    case files
    /// The spend store at this path: loaded from it, triage saved to it.
    case store(path: String)
    /// No store can be located (no HOME, no XDG_DATA_HOME): the reason.
    case noStore(String)
  }

  /// Where the data comes from.
  var source: Source
  /// The detector's gates (the config's thresholds).
  var detector = DetectorSettings()

  /// Runs one effect.
  func run(_ effect: Effect, send: @escaping @Sendable (Msg) -> Void) {
    Thread.detachNewThread {
      switch effect {
      case .load(let paths):
        if case .store(let path) = source, paths.isEmpty {
          StoreDashboardLoader(path: path, detector: detector).load(send: send)
        } else {
          load(paths, send: send)
        }
      case .readLineItems(let scope, let paths):
        do {
          var files = paths
          if case .store(let path) = source {
            files = try StoreLineItemFiles.paths(store: path, days: scope.days)
          }
          send(.lineItems(try LineItemReader.read(scope: scope, paths: files)))
        } catch {
          send(.effectFailed("cannot read the line items of \(scope.resource): \(error)"))
        }
      case .saveTriage(let anomalyID, let verdict, let reason):
        saveTriage(anomalyID: anomalyID, verdict: verdict, reason: reason, send: send)
      case .openIncident(let anomaly):
        do throws(LedgerError) {
          let stored = try LedgerDashboard.folder.create(Incident.opened(from: anomaly))
          send(.incidentOpened(stored.incident))
        } catch {
          send(.effectFailed("could not open an incident: \(error)"))
        }
      case .saveIncidentLine(let incidentID, let index, let loaded, let draft, let edit):
        do throws(LedgerError) {
          let stored = try LedgerDashboard.save(
            incidentID: incidentID, index: index, loaded: loaded, edit: edit)
          send(.incidentLineSaved(draft: draft, incident: stored.incident))
        } catch {
          send(.incidentLineNotSaved(incidentID: incidentID, draft: draft, reason: error.description))
        }
      case .export(let name, let text, let incident):
        let path = FileManager.default.currentDirectoryPath + "/" + name
        do {
          try text.write(toFile: path, atomically: true, encoding: .utf8)
          switch incident.map({ ExportMessage.text(wrote: path, from: $0, in: LedgerDashboard.folder) }) {
          case .warning(let text)?: send(.effectFailed(text))
          case .done(let text)?: send(.effectDone(text))
          case nil: send(.effectDone("wrote \(path)"))
          }
        } catch {
          send(.effectFailed("could not write \(path): \(error.localizedDescription)"))
        }
      case .quit:
        break
      }
    }
  }

  // MARK: - Triage

  private func saveTriage(
    anomalyID: String, verdict: TriageVerdict, reason: String, send: @escaping @Sendable (Msg) -> Void
  ) {
    switch source {
    case .files, .noStore:
      send(
        .effectFailed(
          "triage kept for this session only: the dashboard is on bill files (to keep it, "
            + "spendtop import PATH, then open spendtop on the store)"))
    case .store(let path):
      // An import holds the store's write lock until it commits: keep trying (each attempt waits
      // out the busy timeout inside SQLite) rather than drop the decision.
      var told = false
      while true {
        do {
          try SpendStore.open(at: path, creating: false)
            .setTriage(anomaly: anomalyID, verdict: verdict, reason: reason)
          return send(.effectDone("triage saved: \(verdict.label)"))
        } catch where error.isBusy {
          if !told {
            send(.effectFailed("the store is busy (an import is writing): the triage is saved when it ends"))
            told = true
          }
        } catch {
          return send(.effectFailed("triage not saved to \(path): \(error)"))
        }
      }
    }
  }

  // MARK: - Loading bills

  private func load(_ paths: [String], send: @escaping @Sendable (Msg) -> Void) {
    guard !paths.isEmpty else {
      var reason = "no bills given"
      if case .noStore(let why) = source { reason = "no spend store (\(why))" }
      let data = DashboardData(cube: Cube(), notes: ["\(reason): open bills with spendtop PATH..."])
      return send(.loaded(Self.withLedger(data)))
    }
    send(.loadProgress(LoadProgress(item: paths.joined(separator: " "), done: 0, total: 0)))
    do {
      let bills = try BillReader.read(paths: paths, options: ImportOptions(skipBadRows: true)) { progress in
        let item = "\(progress.filesDone)/\(progress.filesTotal) files, \(progress.rowsRead) rows"
        send(
          .loadProgress(
            LoadProgress(item: item, done: Int(progress.bytesRead), total: Int(progress.bytesTotal))))
      }
      var notes = bills.emptyManifests.map(EmptyManifest.note)
      if !bills.isComplete {
        notes.append(
          "\(bills.skippedRows.count) unreadable rows skipped: totals are incomplete (see spendtop cube)")
      }
      let detection = AnomalyItems.detect(in: bills.cube, settings: detector)
      if let note = detection.note { notes.append(note) }
      send(
        .loaded(
          Self.withLedger(
            DashboardData(cube: bills.cube, anomalies: detection.items, sources: paths, notes: notes))))
    } catch {
      send(.loadFailed(error.description))
    }
  }

  /// The data with the ledger's incidents (bill-derived lines computed from its cube); a ledger
  /// that cannot be read becomes a note, not a failed load.
  static func withLedger(_ data: DashboardData) -> DashboardData {
    var data = data
    do throws(LedgerError) {
      data.incidents = try LedgerDashboard.incidents(cube: data.cube)
    } catch {
      data.notes.append("ledger: \(error)")
    }
    return data
  }
}

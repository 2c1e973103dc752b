import BillImport
import Dashboard
import Foundation
import IncidentLedger
import SpendModel

/// Runs the dashboard's effects: loading data, saving triage and ledger lines, exports.
///
/// Each effect runs on its own thread and reports back through `send`, so the UI stays live.
struct DashboardEffects: Sendable {
  /// Runs one effect.
  func run(_ effect: Effect, send: @escaping @Sendable (Msg) -> Void) {
    Thread.detachNewThread {
      switch effect {
      case .load(let paths): load(paths, send: send)
      case .readLineItems(let resource, let paths):
        do {
          send(.lineItems(try LineItemReader.read(resource: resource, paths: paths)))
        } catch {
          send(.effectFailed("cannot read the line items of \(resource): \(error)"))
        }
      case .saveTriage:
        send(.effectFailed("triage kept for this session only: the store is not part of this build yet"))
      case .saveIncidentLine(let incidentID, let index, let line):
        do throws(LedgerError) {
          try LedgerDashboard.save(incidentID: incidentID, index: index, line: line)
          send(.effectDone("saved to the ledger: \(incidentID)"))
        } catch {
          send(.effectFailed("line kept for this session only: \(error)"))
        }
      case .export(let name, let text):
        let path = FileManager.default.currentDirectoryPath + "/" + name
        do {
          try text.write(toFile: path, atomically: true, encoding: .utf8)
          send(.effectDone("wrote \(path)"))
        } catch {
          send(.effectFailed("could not write \(path): \(error.localizedDescription)"))
        }
      case .quit:
        break
      }
    }
  }

  private func load(_ paths: [String], send: @escaping @Sendable (Msg) -> Void) {
    guard !paths.isEmpty else {
      send(
        .loaded(
          withLedger(DashboardData(cube: Cube(), notes: ["no store in this build: open bills with spendtop PATH..."]))))
      return
    }
    send(.loadProgress(LoadProgress(item: paths.joined(separator: " "), done: 0, total: 0)))
    do {
      let bills = try BillReader.read(paths: paths, options: ImportOptions(skipBadRows: true)) { progress in
        let item = "\(progress.filesDone)/\(progress.filesTotal) files, \(progress.rowsRead) rows"
        send(
          .loadProgress(
            LoadProgress(item: item, done: Int(progress.bytesRead), total: Int(progress.bytesTotal))))
      }
      var notes: [String] = []
      if !bills.isComplete {
        notes.append(
          "\(bills.skippedRows.count) unreadable rows skipped: totals are incomplete (see spendtop cube)")
      }
      let detection = AnomalyItems.detect(in: bills.cube)
      if let note = detection.note { notes.append(note) }
      send(
        .loaded(
          withLedger(
            DashboardData(cube: bills.cube, anomalies: detection.items, sources: paths, notes: notes))))
    } catch {
      send(.loadFailed(error.description))
    }
  }

  /// The data with the ledger's incidents (bill-derived lines computed from its cube); a ledger
  /// that cannot be read becomes a note, not a failed load.
  private func withLedger(_ data: DashboardData) -> DashboardData {
    var data = data
    do throws(LedgerError) {
      data.incidents = try LedgerDashboard.incidents(cube: data.cube)
    } catch {
      data.notes.append("ledger: \(error)")
    }
    return data
  }
}

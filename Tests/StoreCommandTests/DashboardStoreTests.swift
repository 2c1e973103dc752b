import BillImport
import Dashboard
import Foundation
import SpendModel
import SpendStore
import Synchronization
import Testing

@testable import spendtop

/// The dashboard on the spend store: what it loads, the empty-store note, triage saved and reloaded.
@Suite struct DashboardStoreTests {
  private static let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"

  /// The messages a loader or effect sent, in order.
  private final class Inbox: Sendable {
    private let messages = Mutex<[Msg]>([])
    private let arrived = DispatchSemaphore(value: 0)

    func send(_ msg: Msg) {
      messages.withLock { $0.append(msg) }
      arrived.signal()
    }

    /// Waits for the next message (an effect runs on its own thread); nil after 60 s.
    func next() -> Msg? {
      guard arrived.wait(timeout: .now() + 60) == .success else { return nil }
      return messages.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    var all: [Msg] { messages.withLock { $0 } }
  }

  /// The last data loaded (a store load sends a two-month preview first, then the full data).
  private func loaded(_ messages: [Msg]) -> DashboardData? {
    var last: DashboardData?
    for case .loaded(let data) in messages { last = data }
    return last
  }

  /// The data of every `.loaded`, in order.
  private func allLoaded(_ messages: [Msg]) -> [DashboardData] {
    var all: [DashboardData] = []
    for case .loaded(let data) in messages { all.append(data) }
    return all
  }

  @Test func theStoreLoadsTheSameAnomaliesAsTheFilesAndKeepsTheirTriage() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    #expect(try Spendtop.run(["import", Self.bills, "--db", db, "--quiet"]).status == 0)
    let inbox = Inbox()
    StoreDashboardLoader(path: db).load(send: inbox.send)
    let data = try #require(loaded(inbox.all))
    #expect(inbox.all.contains { if case .loadProgress = $0 { true } else { false } })
    #expect(data.sources == [db])
    let files = try BillFiles.cube(Self.bills)
    #expect(data.today != nil && data.today == files.dayRange?.upperBound)
    // The preview: the last two months by day, service, usage type and line item type, unblended only,
    // summing to the same totals as the files over those days.
    let previews = allLoaded(inbox.all)
    #expect(previews.count == 2)
    if let preview = previews.first, let last = files.dayRange?.upperBound {
      #expect(preview.today == last)
      let window = CubeFilter(from: last.month.previous.firstDay, to: last)
      let expected = try files.rollup(by: [.service, .usageType, .lineItemType], filter: window)
      let got = try preview.cube.rollup(by: [.service, .usageType, .lineItemType], filter: window)
      #expect(got.rows == expected.rows)
      #expect(preview.anomalies.isEmpty)
    }
    #expect(data.cube.count == files.count, "the whole 3-month store is inside the 6-month window")
    let fromFiles = AnomalyItems.detect(in: files)
    #expect(data.anomalies.map(\.id) == fromFiles.items.map(\.id))
    let first = try #require(data.anomalies.first)
    #expect(first.triage == nil)

    let effects = DashboardEffects(source: .store(path: db))
    let saved = Inbox()
    effects.run(.saveTriage(anomalyID: first.id, verdict: .planned, reason: "load test"), send: saved.send)
    guard case .effectDone = try #require(saved.next()) else {
      Issue.record("triage not saved: \(saved.all)")
      return
    }
    let entry = try #require(try SpendStore.open(at: db, creating: false).triage(anomaly: first.id))
    #expect(entry.verdict == .planned && entry.reason == "load test")

    let again = Inbox()
    StoreDashboardLoader(path: db).load(send: again.send)
    let reloaded = try #require(loaded(again.all)?.anomalies.first { $0.id == first.id })
    #expect(reloaded.triage == Triage(verdict: .planned, reason: "load test"))
  }

  @Test func onFilesTriageIsKeptForTheSessionOnly() throws {
    let inbox = Inbox()
    DashboardEffects(source: .files).run(
      .saveTriage(anomalyID: "spike:2026-10-02:a:s:u:r", verdict: .expected, reason: "x"), send: inbox.send)
    guard case .effectFailed(let text) = try #require(inbox.next()) else {
      Issue.record("expected a session-only message, got \(inbox.all)")
      return
    }
    #expect(text.contains("session only"))
  }

  @Test func aMissingOrEmptyStoreSaysHowToImport() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let missing = Inbox()
    StoreDashboardLoader(path: directory.file("none.sqlite")).load(send: missing.send)
    #expect(loaded(missing.all)?.notes == [StoreDashboardLoader.emptyNote])
    let db = directory.file("empty.sqlite")
    _ = try SpendStore.open(at: db, creating: true)
    let empty = Inbox()
    StoreDashboardLoader(path: db).load(send: empty.send)
    let data = try #require(loaded(empty.all))
    #expect(data.notes == [StoreDashboardLoader.emptyNote])
    #expect(data.cube.isEmpty)
    #expect(StoreDashboardLoader.emptyNote.contains("spendtop import PATH"))
  }

  @Test func theLoadedWindowIsTheLastSixCalendarMonths() throws {
    let last = try #require(Day(iso: "2026-11-02"))
    #expect(StoreDashboardLoader.firstDayLoaded(last: last).description == "2026-06-01")
  }
}

/// Bills read at the dashboard's grain, as `spendtop PATH` reads them.
enum BillFiles {
  static func cube(_ path: String) throws -> Cube {
    try BillReader.read(paths: [path], options: ImportOptions(skipBadRows: true)).cube
  }
}

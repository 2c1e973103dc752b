import BillImport
import Dashboard
import Foundation
import SpendModel
import Synchronization
import Testing

@testable import spendtop

/// The Explorer's line items on the store: read from the bill files the import registry names for
/// the period's stored months, or a clear message when those files are gone.
@Suite struct StoreLineItemsTests {
  private static let bills = TestPaths.packageRoot + "/sample-bills/incident-127k"

  /// The one message an effect sends.
  private final class Reply: Sendable {
    private let message = Mutex<Msg?>(nil)
    private let arrived = DispatchSemaphore(value: 0)

    func send(_ msg: Msg) {
      message.withLock { $0 = msg }
      arrived.signal()
    }

    /// Waits for the message; nil after 60 s.
    func wait() -> Msg? {
      guard arrived.wait(timeout: .now() + 60) == .success else { return nil }
      return message.withLock { $0 }
    }
  }

  /// The October scope of the session cache node, as the Explorer builds it, and the cube's cost there.
  private func octoberScope() throws -> (scope: LineItemScope, cost: Money) {
    let cube = try BillReader.read(paths: [Self.bills]).cube
    let october = Period(.month(Month(year: 2026, month: 10)), today: Day(year: 2026, month: 11, day: 28))
    let node = try #require(
      Set(cube.rows.map(\.key.resource)).first { $0.hasSuffix("session-cache-v2-0001-001") })
    let filters = [
      DimensionFilter(.service, "AmazonElastiCache"), DimensionFilter(.usageType, "NodeUsage:cache.r6g.4xlarge"),
    ]
    let cost = cube.rows.filter { row in
      row.key.resource == node && october.days.contains(row.key.day) && filters.allSatisfy { $0.matches(row.key) }
    }.reduce(Money.zero) { $0 + $1.costs[.unblended] }
    return (LineItemScope(cube: cube, resource: node, filters: filters, period: october), cost)
  }

  /// Runs `.readLineItems` on the store at `db` with the paths the dashboard's data names (the store).
  private func readOnStore(_ db: String, scope: LineItemScope) throws -> Msg {
    let reply = Reply()
    DashboardEffects(source: .store(path: db)).run(.readLineItems(scope: scope, paths: [db]), send: reply.send)
    return try #require(reply.wait())
  }

  @Test func aStoresLineItemsComeFromTheImportedBills() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let db = directory.file("spend.sqlite")
    #expect(try Spendtop.run(["import", Self.bills, "--db", db, "--quiet"]).status == 0)
    let (scope, cost) = try octoberScope()
    guard case .lineItems(let table) = try readOnStore(db, scope: scope) else {
      Issue.record("no line items")
      return
    }
    #expect(table.rows.count == 10, "the 4xlarge runs from the October upgrade on")
    #expect(table.total == cost)
    #expect(table.total > .zero)
    #expect(table.files == 1, "only the October bill holds October")
  }

  @Test func billsNoLongerOnDiskAreNamed() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let copy = directory.file("bills")
    try FileManager.default.copyItem(atPath: Self.bills, toPath: copy)
    let db = directory.file("spend.sqlite")
    #expect(try Spendtop.run(["import", copy, "--db", db, "--quiet"]).status == 0)
    try FileManager.default.removeItem(atPath: copy)
    let (scope, _) = try octoberScope()
    guard case .effectFailed(let message) = try readOnStore(db, scope: scope) else {
      Issue.record("line items read from files that are gone")
      return
    }
    #expect(message.contains("the bills imported for 2026-10 are no longer at \(copy)/"))
  }
}

import CSQLite
import SpendModel
import Testing

@testable import SpendStore

@Suite struct TriageStoreTests {
  @Test func keepsTheLatestDecisionPerAnomaly() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("spend.sqlite")
    do {
      let store = try SpendStore.open(at: path, creating: true, clock: .fixed(100))
      #expect(try store.triage(anomaly: "spike:AmazonElastiCache:2026-10-03") == nil)
      try store.setTriage(
        anomaly: "spike:AmazonElastiCache:2026-10-03", verdict: .unexpected, reason: "Redis over-cached")
      try store.setTriage(
        anomaly: "step:AWSLambda:2026-10-05", verdict: .planned, reason: "image pipeline launch")
    }
    let store = try SpendStore.open(at: path, creating: false, clock: .fixed(200))
    try store.setTriage(
      anomaly: "step:AWSLambda:2026-10-05", verdict: .expected, reason: "launch, as announced")
    #expect(
      try store.allTriage() == [
        TriageEntry(
          anomaly: "spike:AmazonElastiCache:2026-10-03", verdict: .unexpected, reason: "Redis over-cached",
          decidedAt: 100),
        TriageEntry(
          anomaly: "step:AWSLambda:2026-10-05", verdict: .expected, reason: "launch, as announced",
          decidedAt: 200),
      ])
    #expect(try store.clearTriage(anomaly: "step:AWSLambda:2026-10-05"))
    #expect(try !store.clearTriage(anomaly: "step:AWSLambda:2026-10-05"))
    #expect(try store.allTriage().map(\.anomaly) == ["spike:AmazonElastiCache:2026-10-03"])
  }
}

/// While another process holds the store's write lock (an import between its start and commit),
/// a triage write reports `isBusy` after the busy timeout, and succeeds once the lock is released.
@Suite struct TriageWhileImportingTests {
  @Test func aWriteLockMakesTriageBusyUntilItIsReleased() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("spend.sqlite")
    _ = try SpendStore.open(at: path, creating: true)

    var importer: OpaquePointer?
    #expect(sqlite3_open_v2(path, &importer, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK)
    defer { sqlite3_close_v2(importer) }
    #expect(sqlite3_exec(importer, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)

    let store = try SpendStore.open(at: path, creating: false, busyTimeoutMilliseconds: 20)
    do {
      try store.setTriage(anomaly: "spike:AmazonS3:2026-10-03", verdict: .unexpected, reason: "retries")
      Issue.record("a triage write went through another connection's write lock")
    } catch {
      #expect(error.isBusy, "\(error)")
    }
    #expect(!StoreError.notFound(path: path).isBusy)

    #expect(sqlite3_exec(importer, "COMMIT", nil, nil, nil) == SQLITE_OK)
    try store.setTriage(anomaly: "spike:AmazonS3:2026-10-03", verdict: .unexpected, reason: "retries")
    #expect(try store.triage(anomaly: "spike:AmazonS3:2026-10-03")?.verdict == .unexpected)
  }
}

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

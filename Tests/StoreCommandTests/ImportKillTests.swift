import Foundation
import SpendModel
import SpendStore
import Testing

/// `kill -9` at any moment of `spendtop import` leaves the store as before or fully imported.
///
/// A child process imports a generated 90,000-row bill into a copy of a store that already holds
/// another period, and is killed at points chosen from its `--progress lines` output: while
/// reading, when the store transaction begins, half-way through writing cells, just before the
/// commit, and just after it. Each time the store must open, pass `PRAGMA integrity_check`, and
/// hold exactly the cube and registry of before or of after.
@Suite(.serialized) struct ImportKillTests {
  /// A legacy CUR of one month: 3,000 resources × 30 days, one row each (90,000 rows, 14 MB).
  static func writeLargeBill(to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw TemporaryDirectoryError.cannotCreate }
    defer { try? handle.close() }
    var text =
      "identity/LineItemId,bill/PayerAccountId,bill/BillingPeriodStartDate,lineItem/UsageAccountId,"
      + "lineItem/LineItemType,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,"
      + "lineItem/Operation,product/region,lineItem/ResourceId,lineItem/UnblendedCost,lineItem/CurrencyCode\n"
    var line = 0
    for day in 1...30 {
      let date = "2026-09-\(day < 10 ? "0" : "")\(day)T00:00:00Z"
      for resource in 0..<3_000 {
        line += 1
        let account = "00000000000\(resource % 10)"
        let service = ["AmazonEC2", "AmazonS3", "AWSLambda", "AmazonElastiCache"][resource % 4]
        text += "li-\(line),123456789012,2026-09-01T00:00:00Z,\(account),Usage,\(date),\(service),"
        text += "USE1-usage-\(resource % 7),Op\(resource % 3),us-east-1,res-\(resource),"
        text += "\(resource % 97).\(day * 1_234_567 + resource),USD\n"
      }
      try handle.write(contentsOf: Data(text.utf8))
      text = ""
    }
  }

  /// The cube and registry of a store as one digest.
  static func digest(_ path: String) throws -> String {
    let store = try SpendStore.open(at: path, creating: false)
    let lines = try store.loadCube().rows.map { row -> String in
      let key = row.key
      let costs = [row.costs.unblended, row.costs.amortized, row.costs.netUnblended, row.costs.netAmortized]
      return
        "\(key.day)|\(key.billingPeriod)|\(key.payerAccount)|\(key.account)|\(key.service)|\(key.usageType)|"
        + "\(key.operation)|\(key.region)|\(key.resource)|\(key.lineItemType)|\(key.currency)|"
        + key.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ";") + "|"
        + costs.map(\.description).joined(separator: ",")
    }.sorted()
    let registry = try store.listImports().map { "\($0.file.path) \($0.file.sha256) \($0.periodStatus)" }
    var hash = SHA256()
    for line in lines + registry { hash.update(Array((line + "\n").utf8)) }
    return hash.finalize().hex
  }

  /// Copies a closed store (its WAL checkpointed away on close) to a fresh path.
  static func copyStore(_ from: String, to: String) throws {
    try FileManager.default.copyItem(atPath: from, toPath: to)
  }

  static func integrity(_ path: String) throws -> [String] {
    try SpendStore.open(at: path, creating: false).integrityCheck()
  }

  @Test func killAtAnyPointLeavesBeforeOrAfter() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let bill = directory.file("2026-09.csv")
    try Self.writeLargeBill(to: bill)
    let baseline = directory.file("baseline.sqlite")
    let seed = try Spendtop.run([
      "import", TestPaths.shared("bills/koku/aws/2023-06-01.csv"), "--db", baseline,
    ])
    #expect(seed.status == 0, "\(seed.stderr)")
    let before = try Self.digest(baseline)

    let complete = directory.file("complete.sqlite")
    try Self.copyStore(baseline, to: complete)
    let full = try Spendtop.run(["import", bill, "--db", complete, "--quiet"])
    #expect(full.status == 0, "\(full.stderr)")
    let after = try Self.digest(complete)
    #expect(before != after)

    // Kill points, each a predicate over a progress line.
    let points: [(name: String, expected: Set<String>?, matches: (String) -> Bool)] = [
      (
        "reading a quarter of the bytes", [before],
        { line in
          guard line.hasPrefix("progress phase=read"), let bytes = Self.field("bytes", in: line) else {
            return false
          }
          let parts = bytes.split(separator: "/").compactMap { Double($0) }
          return parts.count == 2 && parts[0] >= parts[1] / 4 && parts[0] < parts[1]
        }
      ),
      ("store transaction begun", nil, { $0.hasPrefix("progress phase=store began") }),
      (
        "half of the cells written", nil,
        { line in
          guard line.hasPrefix("progress phase=store"), let cells = Self.field("cells", in: line) else {
            return false
          }
          let parts = cells.split(separator: "/").compactMap { Int($0) }
          return parts.count == 2 && parts[0] * 2 >= parts[1]
        }
      ),
      ("about to commit", nil, { $0 == "progress phase=store committing" }),
      ("just committed", [after], { $0 == "progress phase=store committed" }),
    ]
    for (index, point) in points.enumerated() {
      let path = directory.file("killed-\(index).sqlite")
      try Self.copyStore(baseline, to: path)
      let run = try Spendtop.runKilling(
        ["import", bill, "--db", path, "--progress", "lines"], when: point.matches)
      #expect(run.killed, "never reached: \(point.name); saw \(run.lines.suffix(3))")
      #expect(try Self.integrity(path) == ["ok"], "\(point.name)")
      let state = try Self.digest(path)
      #expect(state == before || state == after, "\(point.name): the store is neither before nor after")
      if let expected = point.expected { #expect(expected.contains(state), "\(point.name)") }
    }
  }

  /// The value of `name=value` in a progress line.
  static func field(_ name: String, in line: String) -> String? {
    line.split(separator: " ").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
  }
}

import Foundation
import IncidentLedger
import SpendModel

/// Builds cubes by hand for formula tests: one cell per (day, service, usage type).
struct BillBuilder {
  private(set) var cube = Cube()

  /// Adds `amount` dollars (exact decimal text) on `day` for a service and usage type.
  mutating func add(
    _ day: Day, _ amount: String, service: String = "AmazonElastiCache",
    usageType: String = "USE1-NodeUsage:cache.r6g.large",
    account: String = "111122223333", region: String = "us-east-1", currency: String = "USD",
    lineItemType: String = "Usage"
  ) {
    let key = CubeKey(
      day: day, billingPeriod: day.month, payerAccount: "111122223333", account: account, service: service,
      usageType: usageType, operation: "", region: region, resource: "", lineItemType: lineItemType,
      currency: currency)
    cube.add(Costs(all: money(amount)), at: key)
  }

  /// Adds the same amount on every day of a range.
  mutating func fill(
    _ days: ClosedRange<Day>, _ amount: String, service: String = "AmazonElastiCache",
    usageType: String = "USE1-NodeUsage:cache.r6g.large"
  ) {
    for day in days { add(day, amount, service: service, usageType: usageType) }
  }
}

/// An exact amount from text (tests only: the text is a literal).
func money(_ text: String) -> Money {
  (try? Money(parsing: text)) ?? Money(units: Int128.min)
}

/// A day from `YYYY-MM-DD` (tests only).
func day(_ text: String) -> Day {
  Day(iso: text) ?? Day(ordinal: Int32.min)
}

/// A fresh empty directory under the system temporary directory.
func temporaryDirectory() throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "ledger-tests-\(UUID().uuidString)"
  ).path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The package root (three levels up from this file).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

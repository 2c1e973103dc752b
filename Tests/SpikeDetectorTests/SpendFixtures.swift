import SpendModel
import SpikeEvaluation

/// Builds small cubes for detector tests: one daily usage leaf at a time, calendar charges.
struct SpendFixtures {
  var cube = Cube()
  var random = SplitMix64(seed: 7)
  /// 2026-01-01, a Thursday.
  let firstDay = Day(year: 2026, month: 1, day: 1)

  /// Adds a usage leaf with `values[i]` dollars on `firstDay + i` (nothing on zero days).
  mutating func usage(
    _ values: [Double], account: String = "111111111111", service: String = "AmazonEC2",
    usageType: String = "USE1-BoxUsage:m6i.large", region: String = "us-east-1", resource: String = "i-1"
  ) {
    for (offset, value) in values.enumerated() where value != 0 {
      charge(
        value, day: firstDay.advanced(by: offset), account: account, service: service, usageType: usageType,
        region: region, resource: resource, type: "Usage")
    }
  }

  /// Adds one line item.
  mutating func charge(
    _ amount: Double, day: Day, account: String = "111111111111", service: String = "AmazonEC2",
    usageType: String = "USE1-BoxUsage:m6i.large", region: String = "us-east-1", resource: String = "",
    type: String
  ) {
    let key = CubeKey(
      day: day, billingPeriod: day.month, payerAccount: "999999999999", account: account, service: service,
      usageType: usageType, operation: "", region: region, resource: resource, lineItemType: type,
      currency: "USD")
    cube.add(Costs(all: Money(cents: Int((amount * 100).rounded()))), at: key)
  }

  /// A noisy daily series around `base` (5% noise) for `days` days.
  mutating func noisy(base: Double, days: Int, noise: Double = 0.05) -> [Double] {
    (0..<days).map { _ in (base * (1 + noise * random.normal()) * 100).rounded() / 100 }
  }
}

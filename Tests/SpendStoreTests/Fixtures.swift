import Foundation
import SpendModel
import SpendStore

/// A deterministic random number generator (SplitMix64) so generated cubes are the same every run.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}

/// Builders for cubes and files the store tests use.
enum Fixtures {
  /// A cube key with defaults for the dimensions a test does not care about.
  static func key(
    _ day: Day, payer: String = "111111111111", account: String = "222222222222",
    service: String = "AmazonEC2",
    usageType: String = "BoxUsage", operation: String = "RunInstances", region: String = "us-east-1",
    resource: String = "", lineItemType: String = "Usage", currency: String = "USD", tags: Tags = Tags()
  ) -> CubeKey {
    CubeKey(
      day: day, billingPeriod: day.month, payerAccount: payer, account: account, service: service,
      usageType: usageType, operation: operation, region: region, resource: resource,
      lineItemType: lineItemType,
      currency: currency, tags: tags)
  }

  /// A varied cube: several payers, months, accounts, services, resources, tags, line item types,
  /// two currencies, negative credits and sub-cent amounts with all ten decimals.
  static func randomCube(
    seed: UInt64, months: [Month], payers: [String] = ["111111111111", "999999999999"], cells: Int
  )
    -> Cube
  {
    var random = SeededGenerator(seed: seed)
    let accounts = ["000000000042", "222222222222", "333333333333"]
    let services = ["AmazonEC2", "AmazonS3", "AWSLambda", "AmazonElastiCache"]
    let usageTypes = [
      "BoxUsage:m6i.large", "TimedStorage-ByteHrs", "Requests-Tier1", "DataTransfer-Out-Bytes",
    ]
    let operations = ["RunInstances", "PutObject", "Invoke", ""]
    let regions = ["us-east-1", "eu-west-1", ""]
    let resources = ["", "i-0abc", "arn:aws:s3:::bucket,with,commas", "i-0def \"quoted\""]
    let types = ["Usage", "Usage", "Usage", "Tax", "Credit", "SavingsPlanCoveredUsage"]
    let tagChoices = [
      Tags(), Tags([("team", "core")]), Tags([("team", "web"), ("env", "prod")]), Tags([("env", "dev")]),
    ]
    var cube = Cube()
    for _ in 0..<cells {
      let month = months[Int(random.next() % UInt64(months.count))]
      let day = month.firstDay.advanced(by: Int(random.next() % UInt64(month.dayCount)))
      let type = types[Int(random.next() % UInt64(types.count))]
      let units = Int128(Int64(bitPattern: random.next() % 50_000_000_000_000)) * (type == "Credit" ? -1 : 1)
      let key = CubeKey(
        day: day, billingPeriod: month, payerAccount: payers[Int(random.next() % UInt64(payers.count))],
        account: accounts[Int(random.next() % 3)], service: services[Int(random.next() % 4)],
        usageType: usageTypes[Int(random.next() % 4)], operation: operations[Int(random.next() % 4)],
        region: regions[Int(random.next() % 3)], resource: resources[Int(random.next() % 4)],
        lineItemType: type,
        currency: random.next() % 10 == 0 ? "EUR" : "USD", tags: tagChoices[Int(random.next() % 4)])
      let unblended = Money(units: units)
      let amortized = type == "SavingsPlanCoveredUsage" ? Money(units: units / 3) : unblended
      cube.add(
        Costs(
          unblended: unblended, amortized: amortized, netUnblended: unblended - Money(units: units / 10),
          netAmortized: amortized - Money(units: units / 10)),
        at: key)
    }
    return cube
  }

  /// A registry record for a cube, as the importer would describe the file it came from.
  static func file(_ path: String, for cube: Cube, rowsRead: Int = 0) -> ImportedFile {
    var totals: [String: Money] = [:]
    var currencies: [String: String] = [:]
    for row in cube.rows {
      totals[row.key.lineItemType + "\u{1}" + row.key.currency, default: .zero] += row.costs.unblended
      currencies[row.key.lineItemType + "\u{1}" + row.key.currency] = row.key.currency
    }
    let lineTotals = totals.keys.sorted().map { name in
      LineItemTotal(
        lineItemType: String(name.split(separator: "\u{1}")[0]), currency: currencies[name] ?? "",
        cost: totals[name] ?? .zero)
    }
    let periods = Set(cube.rows.map { BillingPeriod(of: $0.key) }).sorted()
    return ImportedFile(
      path: path, size: Int64(cube.count * 100), sha256: String(repeating: "0", count: 64),
      format: "synthetic",
      billingPeriods: periods, rowsRead: rowsRead == 0 ? cube.count : rowsRead, rowsSkipped: 0,
      totals: lineTotals)
  }

  /// Whether two cubes hold the same cells with the same costs.
  static func sameCells(_ lhs: Cube, _ rhs: Cube) -> Bool { cells(lhs) == cells(rhs) }

  /// A cube's cells by key.
  static func cells(_ cube: Cube) -> [CubeKey: Costs] {
    Dictionary(cube.rows.map { ($0.key, $0.costs) }, uniquingKeysWith: +)
  }

  /// The cells of `cube` outside `periods` merged with `replacement`: what the store should hold
  /// after importing `replacement` over `cube`.
  static func replacing(_ cube: Cube, with replacement: Cube) -> Cube {
    let replaced = Set(replacement.rows.map { BillingPeriod(of: $0.key) })
    var result = Cube(rows: cube.rows.filter { !replaced.contains(BillingPeriod(of: $0.key)) })
    result.merge(replacement)
    return result
  }
}

/// A fresh private directory under the system temp directory, for one test.
struct TemporaryDirectory {
  let path: String

  init() throws {
    var template = Array("/tmp/spendstore-test-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw TemporaryDirectoryError.cannotCreate }
    path = String(cString: made)
  }

  /// A path inside the directory.
  func file(_ name: String) -> String { path + "/" + name }

  /// Deletes the directory and everything in it.
  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

enum TemporaryDirectoryError: Error { case cannotCreate }

import SpendModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Generates daily bills as cubes with labelled incidents over benign behaviour that must not
/// alarm: weekly seasonality, a weekly batch job, growth, noise, small noisy series, month-start
/// fees, support and tax, credits and a planned decrease.
///
/// Everything follows from the seed, so a bill is the same on every run.
public struct BillGenerator: Sendable {
  /// Days of data (from `firstDay`).
  public var dayCount = 240
  /// First day (a month start, so every month is whole for the calendar model).
  public var firstDay = Day(year: 2026, month: 1, day: 1)
  /// Labelled incidents per bill.
  public var incidentCount = 6

  /// Creates a generator with the defaults.
  public init() {}

  private struct Leaf {
    var account: String
    var service: String
    var usageType: String
    var region: String
    var base: Double
    var noise: Double
    var weekendFactor: Double
    var growth: Double
    var resources: [(name: String, share: Double)]
    var batchDay: Int?
    var decreaseDay: Int?
    var decreaseFactor = 1.0
  }

  private static let catalogue: [(service: String, usageType: String, region: String)] = [
    ("AmazonEC2", "USE1-BoxUsage:m6i.large", "us-east-1"),
    ("AmazonEC2", "USE1-EBS:VolumeUsage.gp3", "us-east-1"),
    ("AmazonEC2", "USE1-DataTransfer-Out-Bytes", "us-east-1"),
    ("AmazonEC2", "EUW1-BoxUsage:c6i.xlarge", "eu-west-1"),
    ("AmazonElastiCache", "USE1-NodeUsage:cache.r6g.large", "us-east-1"),
    ("AWSLambda", "USE1-Lambda-GB-Second", "us-east-1"), ("AWSLambda", "USE1-Request", "us-east-1"),
    ("AmazonS3", "USE1-TimedStorage-ByteHrs", "us-east-1"), ("AmazonS3", "USE1-Requests-Tier1", "us-east-1"),
    ("AmazonRDS", "USE1-InstanceUsage:db.r6g.large", "us-east-1"),
    ("AmazonDynamoDB", "USE1-ReadCapacityUnit-Hrs", "us-east-1"),
    ("AmazonCloudFront", "US-DataTransfer-Out-Bytes", "global"),
    ("AmazonEC2", "USW2-BoxUsage:t3.medium", "us-west-2"),
    ("AmazonCloudWatch", "USE1-CW:MetricMonitorUsage", "us-east-1"),
  ]
  private static let accounts = ["111111111111", "222222222222", "033333333333"]
  private static let newServices: [(service: String, usageType: String)] = [
    ("AmazonSageMaker", "USE1-ml.g5.xlarge-hosting"), ("AmazonBedrock", "USE1-Claude-InputTokens"),
    ("AmazonKinesis", "USE1-ShardHour"),
  ]

  /// Generates the bill for a seed.
  public func generate(seed: UInt64) -> GeneratedBill {
    var random = SplitMix64(seed: seed)
    var leaves: [Leaf] = []
    for account in BillGenerator.accounts {
      for entry in BillGenerator.catalogue where random.unit() < 0.7 {
        let tiny = random.unit() < 0.2
        let base = tiny ? random.uniform(0.5...5) : exp(random.uniform(log(20)...log(1500)))
        let resourceCount = 1 + Int(random.unit() * 4)
        var shares = (0..<resourceCount).map { _ in random.uniform(0.2...1) }
        let total = shares.reduce(0, +)
        shares = shares.map { $0 / total }
        leaves.append(
          Leaf(
            account: account, service: entry.service, usageType: entry.usageType, region: entry.region,
            base: base,
            noise: tiny ? random.uniform(0.2...0.5) : random.uniform(0.02...0.08),
            weekendFactor: random.unit() < 0.5 ? random.uniform(0.6...0.9) : 1,
            growth: random.uniform(0...0.4),
            resources: shares.enumerated().map {
              ("\(entry.usageType.prefix(4).lowercased())-\(account.suffix(3))-r\($0.offset)", $0.element)
            }))
      }
    }
    // Benign: a weekly batch job and a planned decrease on two distinct ordinary leaves.
    let batch = Int(random.unit() * Double(leaves.count))
    leaves[batch].batchDay = 7
    var decrease = Int(random.unit() * Double(leaves.count))
    if decrease == batch { decrease = (decrease + 1) % leaves.count }
    leaves[decrease].decreaseDay = Int(random.uniform(60...Double(dayCount - 20)))
    leaves[decrease].decreaseFactor = random.uniform(0.4...0.7)
    var cube = Cube()
    var labels: [IncidentLabel] = []
    var extra = [[Double]](repeating: [Double](repeating: 0, count: dayCount), count: leaves.count)
    var newSeries: [(leaf: Leaf, start: Int)] = []
    var feeChange: (account: String, month: Month, factor: Double)?
    // Incidents: distinct material leaves, starts at least 12 days apart after 10 weeks of history.
    var kinds = IncidentLabel.Kind.allCases
    while kinds.count < incidentCount { kinds.append(IncidentLabel.Kind.allCases[Int(random.unit() * 7)]) }
    kinds = Array(kinds.shuffled(using: &random).prefix(incidentCount))
    var usedLeaves: Set<Int> = [batch, decrease]
    var usedServices: Set<String> = []
    let slots = stride(from: 70, to: dayCount - 40, by: 14).map { $0 }.shuffled(using: &random)
    for (number, kind) in kinds.enumerated() where number < slots.count {
      let start = slots[number] + Int(random.unit() * 4)
      let startDay = firstDay.advanced(by: start)
      let lastDay = firstDay.advanced(by: dayCount - 1)
      switch kind {
      case .newService, .newRegion:
        let account = BillGenerator.accounts[Int(random.unit() * 3)]
        let pick = BillGenerator.newServices[number % BillGenerator.newServices.count]
        let leaf =
          kind == .newService
          ? Leaf(
            account: account, service: pick.service, usageType: pick.usageType + "-\(number)",
            region: "us-east-1",
            base: random.uniform(60...400), noise: 0.05, weekendFactor: 1, growth: 0,
            resources: [("new-\(number)", 1)])
          : Leaf(
            account: account, service: "AmazonEC2", usageType: "APS2-BoxUsage:p4d.24xlarge-\(number)",
            region: "ap-southeast-2", base: random.uniform(100...800), noise: 0.05, weekendFactor: 1,
            growth: 0,
            resources: [("i-miner-\(number)", 1)])
        newSeries.append((leaf, start))
        labels.append(
          IncidentLabel(
            kind: kind, start: startDay, end: lastDay, account: leaf.account,
            service: leaf.service, usageType: leaf.usageType, region: leaf.region))
      case .feeChange:
        let month = startDay.month.next
        let account = BillGenerator.accounts[Int(random.unit() * 3)]
        feeChange = (account, month, random.uniform(1.5...2))
        labels.append(
          IncidentLabel(
            kind: kind, start: month.firstDay, end: month.firstDay, account: account,
            service: "AmazonEC2", usageType: "HeavyUsage:m6i.large", region: "us-east-1"))
      case .oneDaySpike, .multiDaySpike, .step, .ramp:
        let candidates = leaves.indices.filter {
          !usedLeaves.contains($0) && !usedServices.contains(leaves[$0].service) && leaves[$0].base >= 40
        }
        guard !candidates.isEmpty else { continue }
        let index = candidates[Int(random.unit() * Double(candidates.count))]
        usedLeaves.insert(index)
        usedServices.insert(leaves[index].service)
        let base = leaves[index].base
        var end = dayCount - 1
        switch kind {
        case .oneDaySpike:
          end = start
          extra[index][start] = base * random.uniform(1.5...4)
        case .multiDaySpike:
          end = start + 1 + Int(random.unit() * 3)
          let size = random.uniform(1...3)
          for day in start...end { extra[index][day] = base * size }
        case .step:
          let size = random.uniform(0.5...1.5)
          for day in start..<dayCount { extra[index][day] = base * size }
        default:
          let size = random.uniform(0.6...1.2)
          let length = Double(Int(random.uniform(14...28)))
          for day in start..<dayCount {
            extra[index][day] = base * size * min(1, Double(day - start + 1) / length)
          }
        }
        let leaf = leaves[index]
        labels.append(
          IncidentLabel(
            kind: kind, start: startDay, end: firstDay.advanced(by: end), account: leaf.account,
            service: leaf.service, usageType: leaf.usageType,
            region: leaf.region == "global" ? "" : leaf.region))
      }
    }
    // Usage.
    var monthlyUsage: [String: [Month: Double]] = [:]
    for (index, leaf) in leaves.enumerated() {
      for day in 0..<dayCount {
        let date = firstDay.advanced(by: day)
        var cost = dailyCost(leaf, day: day, date: date, random: &random)
        if let decreaseDay = leaf.decreaseDay, day >= decreaseDay { cost *= leaf.decreaseFactor }
        for (position, resource) in leaf.resources.enumerated() {
          let amount = cost * resource.share + (position == 0 ? extra[index][day] : 0)
          add(&cube, leaf, resource: resource.name, day: date, amount: amount, type: "Usage")
          monthlyUsage[leaf.account, default: [:]][date.month, default: 0] += amount
        }
      }
    }
    for (leaf, start) in newSeries {
      for day in start..<dayCount {
        let date = firstDay.advanced(by: day)
        let amount = leaf.base * max(0, 1 + leaf.noise * random.normal())
        add(&cube, leaf, resource: leaf.resources[0].name, day: date, amount: amount, type: "Usage")
        monthlyUsage[leaf.account, default: [:]][date.month, default: 0] += amount
      }
    }
    // Calendar charges on each month's first day: RI fee, support (10% of last month), tax, credits.
    var month = firstDay.month
    let lastMonth = firstDay.advanced(by: dayCount - 1).month
    while month <= lastMonth {
      for (position, account) in BillGenerator.accounts.enumerated() {
        var fee = Double(300 + 200 * position)
        if let change = feeChange, change.account == account, month >= change.month { fee *= change.factor }
        let ri = Leaf(
          account: account, service: "AmazonEC2", usageType: "HeavyUsage:m6i.large", region: "us-east-1",
          base: 0, noise: 0, weekendFactor: 1, growth: 0, resources: [])
        add(&cube, ri, resource: "", day: month.firstDay, amount: fee, type: "RIFee")
        let previousUsage = monthlyUsage[account]?[month.previous] ?? 0
        let support = Leaf(
          account: account, service: "AWSSupportBusiness", usageType: "Dollar", region: "global",
          base: 0, noise: 0, weekendFactor: 1, growth: 0, resources: [])
        if previousUsage > 0 {
          add(
            &cube, support, resource: "", day: month.firstDay, amount: max(100, 0.1 * previousUsage),
            type: "Fee")
          let tax = Leaf(
            account: account, service: "AmazonEC2", usageType: "Tax", region: "global",
            base: 0, noise: 0, weekendFactor: 1, growth: 0, resources: [])
          add(&cube, tax, resource: "", day: month.firstDay, amount: 0.08 * previousUsage, type: "Tax")
        }
        if random.unit() < 0.3 {
          let credit = Leaf(
            account: account, service: "AmazonEC2", usageType: "Credit", region: "global",
            base: 0, noise: 0, weekendFactor: 1, growth: 0, resources: [])
          add(
            &cube, credit, resource: "", day: month.firstDay, amount: -random.uniform(50...500),
            type: "Credit")
        }
      }
      month = month.next
    }
    return GeneratedBill(
      seed: seed, cube: cube, labels: labels.sorted { $0.start < $1.start },
      days: firstDay...firstDay.advanced(by: dayCount - 1))
  }

  private func dailyCost(_ leaf: Leaf, day: Int, date: Day, random: inout SplitMix64) -> Double {
    var cost = leaf.base * (1 + leaf.growth * Double(day) / 365)
    if date.weekday >= 6 { cost *= leaf.weekendFactor }
    if let batchDay = leaf.batchDay, date.weekday == batchDay { cost *= 4 }
    return cost * max(0, 1 + leaf.noise * random.normal())
  }

  private func add(_ cube: inout Cube, _ leaf: Leaf, resource: String, day: Day, amount: Double, type: String)
  {
    let key = CubeKey(
      day: day, billingPeriod: day.month, payerAccount: "999999999999", account: leaf.account,
      service: leaf.service, usageType: leaf.usageType, operation: "",
      region: leaf.region == "global" ? "" : leaf.region,
      resource: resource, lineItemType: type, currency: "USD")
    cube.add(Costs(all: Money(cents: Int((amount * 100).rounded()))), at: key)
  }
}

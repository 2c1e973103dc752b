import Dashboard
import SpendModel

// MARK: - The incident fixture

/// A small cube modelled on the $127k incident (Aug–Nov 2026, two accounts), built in code.
///
/// Baseline about $4,200 a month; in October ElastiCache scales out and is then upgraded for good
/// (+$70/day), Lambda GB-seconds explode, S3 PUT requests retry and data transfer out explodes.
enum IncidentFixture {
  static let prod = "111122223333"
  static let staging = "444455556666"
  static let first = Day(year: 2026, month: 8, day: 1)
  static let last = Day(year: 2026, month: 11, day: 28)

  struct Series: Sendable {
    var service: String
    var usageType: String
    var operation: String
    var account: String
    var resource: String
    var team: String
    /// Cost in cents on a day (0 = no line).
    var cents: @Sendable (Day) -> Int
  }

  static func between(_ day: Day, _ from: (Int, Int), _ to: (Int, Int)) -> Bool {
    day >= Day(year: 2026, month: from.0, day: from.1) && day <= Day(year: 2026, month: to.0, day: to.1)
  }

  /// Weekends run at 90% for user-facing services.
  static func weekly(_ cents: Int, _ day: Day) -> Int { day.weekday >= 6 ? cents * 9 / 10 : cents }

  static let series: [Series] = [
    Series(
      service: "AmazonEC2", usageType: "USE1-BoxUsage:m6i.large", operation: "RunInstances", account: prod,
      resource: "i-0a1b2c3d4e5f60001", team: "web"
    ) { weekly(3_400, $0) },
    Series(
      service: "AmazonEC2", usageType: "USE1-BoxUsage:m6i.large", operation: "RunInstances", account: staging,
      resource: "i-0a1b2c3d4e5f60002", team: "web"
    ) { weekly(1_800, $0) },
    Series(
      service: "AmazonRDS", usageType: "USE1-InstanceUsage:db.r6g.large", operation: "CreateDBInstance",
      account: prod, resource: "arn:aws:rds:us-east-1:111122223333:db:orders", team: "data"
    ) { _ in 3_000 },
    Series(
      service: "AmazonElastiCache", usageType: "USE1-NodeUsage:cache.r6g.large",
      operation: "CreateCacheCluster",
      account: prod, resource: "arn:aws:elasticache:us-east-1:111122223333:cluster:sessions", team: "web"
    ) { day in
      if between(day, (10, 3), (10, 12)) { return 4_200 }
      return day >= Day(year: 2026, month: 10, day: 13) ? 0 : 1_400
    },
    Series(
      service: "AmazonElastiCache", usageType: "USE1-NodeUsage:cache.r6g.xlarge",
      operation: "CreateCacheCluster",
      account: prod, resource: "arn:aws:elasticache:us-east-1:111122223333:cluster:sessions", team: "web"
    ) { day in
      day >= Day(year: 2026, month: 10, day: 13) ? 8_400 : 0
    },
    Series(
      service: "AWSLambda", usageType: "USE1-Lambda-GB-Second", operation: "Invoke", account: prod,
      resource: "arn:aws:lambda:us-east-1:111122223333:function:image-resize", team: "web"
    ) { day in
      between(day, (10, 5), (10, 25)) ? 70_000 : weekly(600, day)
    },
    Series(
      service: "AmazonS3", usageType: "USE1-Requests-Tier1", operation: "PutObject", account: prod,
      resource: "uploads-prod", team: "web"
    ) { day in between(day, (10, 8), (10, 24)) ? 45_000 : 400 },
    Series(
      service: "AWSDataTransfer", usageType: "USE1-DataTransfer-Out-Bytes", operation: "", account: prod,
      resource: "", team: "data"
    ) { day in between(day, (10, 10), (10, 28)) ? 110_000 : 1_300 },
    Series(
      service: "AmazonCloudWatch", usageType: "USE1-CW:MetricMonitorUsage", operation: "MetricStorage",
      account: staging, resource: "", team: "web"
    ) { _ in 700 },
  ]

  /// The cube: one row per series and day, plus a $400 support fee on the 1st of each month.
  static func cube() -> Cube {
    var cube = Cube()
    var day = first
    while day <= last {
      for item in series {
        let cents = item.cents(day)
        guard cents != 0 else { continue }
        cube.add(
          Costs(all: Money(cents: cents)),
          at: key(
            day, item.service, item.usageType, item.operation, item.account, item.resource, "Usage",
            team: item.team))
      }
      if day.dayOfMonth == 1 {
        cube.add(
          Costs(all: Money(whole: 400)),
          at: key(day, "AWSSupportBusiness", "Dollar", "", prod, "", "Fee", team: ""))
      }
      day = day.advanced(by: 1)
    }
    return cube
  }

  static func key(
    _ day: Day, _ service: String, _ usageType: String, _ operation: String, _ account: String,
    _ resource: String,
    _ type: String, team: String
  ) -> CubeKey {
    CubeKey(
      day: day, billingPeriod: day.month, payerAccount: prod, account: account, service: service,
      usageType: usageType,
      operation: operation, region: usageType.hasPrefix("USE1") ? "us-east-1" : "", resource: resource,
      lineItemType: type, currency: "USD", tags: Tags(team.isEmpty ? [] : [("team", team), ("env", "prod")]))
  }

  /// Anomalies as the detector would report them, computed from the cube against the baselines.
  static func anomalies(_ cube: Cube) -> [AnomalyItem] {
    func make(
      _ id: String, _ kind: String, _ service: String, _ usageType: String, _ from: (Int, Int),
      _ to: (Int, Int), baseline: Int, cause: String
    ) -> AnomalyItem {
      let start = Day(year: 2026, month: from.0, day: from.1)
      let end = Day(year: 2026, month: to.0, day: to.1)
      let window = CubeFilter(
        from: start.advanced(by: -14), to: min(end.advanced(by: 7), last),
        equals: [(.service, service), (.usageType, usageType)])
      let daily = (try? cube.rollup(by: [.day], filter: window).rows) ?? []
      let points = daily.compactMap { row -> AnomalyPoint? in
        guard let day = Day(iso: row.values[0]) else { return nil }
        return AnomalyPoint(day: day, actual: row.cost, expected: Money(cents: baseline))
      }
      let inside = points.filter { $0.day >= start && $0.day <= end }
      let actual = inside.reduce(Money.zero) { $0 + $1.actual }
      let expected = Money(cents: baseline) * inside.count
      return AnomalyItem(
        id: id, kind: kind, start: start, end: end, series: "\(service) · \(usageType)", rootCause: cause,
        actual: actual,
        expected: expected, points: points,
        contributors: [
          AnomalyContributor(
            dimension: "usage-type", value: usageType, impact: actual - expected, share: 0.93),
          AnomalyContributor(dimension: "account", value: prod, impact: actual - expected, share: 1.0),
        ])
    }
    return [
      make(
        "a-elasticache", "step", "AmazonElastiCache", "USE1-NodeUsage:cache.r6g.xlarge", (10, 13), (11, 28),
        baseline: 0,
        cause: "new node type cache.r6g.xlarge in 111122223333 replaces cache.r6g.large: +$84/day"),
      make(
        "a-lambda", "spike", "AWSLambda", "USE1-Lambda-GB-Second", (10, 5), (10, 25), baseline: 600,
        cause: "image-resize GB-seconds ×116 (synchronous processing hitting timeouts)"),
      make(
        "a-s3", "spike", "AmazonS3", "USE1-Requests-Tier1", (10, 8), (10, 24), baseline: 400,
        cause: "PutObject requests on uploads-prod ×112 (retries of failed uploads)"),
      make(
        "a-transfer", "spike", "AWSDataTransfer", "USE1-DataTransfer-Out-Bytes", (10, 10), (10, 28),
        baseline: 1_300,
        cause: "data transfer out ×85 in us-east-1 (SELECT * responses)"),
    ]
  }

  /// The incident's ledger entry.
  static let incident = IncidentItem(
    id: "INC-2026-10", title: "Redis memory exhaustion and cascading retries",
    start: Day(year: 2026, month: 10, day: 3),
    end: Day(year: 2026, month: 10, day: 31), status: "open",
    lines: [
      IncidentLine(
        category: "aws-overage", description: "overage against the September baseline",
        amount: Money(whole: 47_012),
        source: "bill", formula: "Σ(actual − expected) Oct 3–31 over 4 series", storage: .saved(index: 0)),
      IncidentLine(
        category: "engineering-time", description: "response and fixes", amount: Money(whole: 28_900),
        source: "computed", formula: "170 h × $170/h", storage: .saved(index: 1)),
      IncidentLine(
        category: "revenue-loss", description: "checkout degraded", amount: Money(whole: 12_000),
        source: "entered", formula: "16 h × $750/h", storage: .saved(index: 2)),
      IncidentLine(
        category: "run-rate-increase", description: "cache.r6g.xlarge for good", amount: Money(whole: 25_200),
        source: "computed", formula: "$2,100/month × 12 months", storage: .saved(index: 3)),
      IncidentLine(
        category: "lost-velocity", description: "roadmap slip", amount: Money(whole: 14_000),
        source: "entered", formula: "20 engineer-days × $700/day", storage: .saved(index: 4)),
    ])

  /// Everything the dashboard shows for the fixture.
  static func data() -> DashboardData {
    let cube = cube()
    return DashboardData(cube: cube, anomalies: anomalies(cube), incidents: [incident], sources: ["fixture"])
  }
}

// MARK: - Driving the dashboard

/// A dashboard under test: a state, keys in, screens out.
struct Harness {
  var state: DashboardState
  var effects: [Effect] = []

  init(
    size: Size = Size(width: 80, height: 24), theme: String = "dark",
    data: DashboardData? = IncidentFixture.data(),
    config: DashboardConfig = DashboardConfig(), depth: ColorDepth = .ansi256
  ) {
    let catalog = ThemeCatalog()
    let chosen = (try? catalog.theme(named: theme)) ?? Theme(name: "none", summary: "", styles: [:], heat: [])
    state = DashboardState(size: size, config: config, themes: catalog, theme: chosen, colorDepth: depth)
    if let data { send(.loaded(data)) }
  }

  mutating func send(_ msg: Msg) {
    effects += DashboardApp.update(&state, msg)
  }

  /// Presses keys written as text; `<Enter>`, `<Esc>`, `<Tab>`, `<Down>`, `<Up>`, `<BS>` name keys.
  mutating func press(_ script: String) {
    var rest = Substring(script)
    let named: [String: Key] = [
      "<Enter>": .enter, "<Esc>": .escape, "<Tab>": .tab, "<Down>": .down, "<Up>": .up, "<BS>": .backspace,
      "<PgDn>": .pageDown, "<PgUp>": .pageUp, "<Left>": .left, "<Right>": .right, "<C-c>": .control("c"),
    ]
    while let first = rest.first {
      if first == "<", let close = rest.firstIndex(of: ">"), let key = named[String(rest[...close])] {
        send(.key(key))
        rest = rest[rest.index(after: close)...]
      } else {
        send(.key(.character(first)))
        rest = rest.dropFirst()
      }
    }
  }

  func render() -> Screen { DashboardApp.view(state, size: state.size) }
}

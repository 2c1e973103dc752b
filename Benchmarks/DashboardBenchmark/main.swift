import Dashboard
import Dispatch
import SpendModel

// Generates 12 months of a 10-account org (60 series per account, daily), then times the first
// frame (data arrives → overview and explorer computed → view → full diff) and keypresses at
// 200×60 (update → view → diff against the previous frame). Median and max of N runs.

func org(accounts: Int, seriesPerAccount: Int, days: Int) -> Cube {
  let services = [
    "AmazonEC2", "AmazonRDS", "AmazonS3", "AWSLambda", "AmazonElastiCache", "AmazonCloudWatch",
    "AWSDataTransfer",
    "AmazonDynamoDB", "AmazonSQS", "AmazonSNS", "AmazonEKS", "AmazonECS",
  ]
  let regions = ["us-east-1", "eu-west-1", "ap-southeast-2"]
  let first = Day(year: 2025, month: 12, day: 1)
  var cube = Cube()
  var seed: UInt64 = 42
  func next() -> UInt64 {
    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return seed >> 33
  }
  for account in 0..<accounts {
    let id = String(100_000_000_000 + account * 11_111)
    for series in 0..<seriesPerAccount {
      let service = services[series % services.count]
      let region = regions[series % regions.count]
      let usage = "USE1-Usage\(series % 7):type\(series)"
      let resource = "res-\(account)-\(series)"
      let base = Int(next() % 50_000) + 100
      for offset in 0..<days {
        let day = first.advanced(by: offset)
        let cents = base + Int(next() % UInt64(base / 5 + 1))
        let key = CubeKey(
          day: day, billingPeriod: day.month, payerAccount: "100000000000", account: id, service: service,
          usageType: usage, operation: "Op\(series % 5)", region: region, resource: resource,
          lineItemType: "Usage",
          currency: "USD",
          tags: Tags([("team", "t\(series % 6)"), ("env", account % 2 == 0 ? "prod" : "dev")]))
        cube.add(Costs(all: Money(cents: cents)), at: key)
      }
    }
  }
  return cube
}

func milliseconds(_ block: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  block()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func report(_ name: String, _ samples: [Double]) {
  let sorted = samples.sorted()
  let median = sorted[sorted.count / 2]
  func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
  }
  print("\(name): median \(format(median)) ms, max \(format(sorted.last ?? 0)) ms (n=\(samples.count))")
}

let size = Size(width: 200, height: 60)
let cube = org(accounts: 10, seriesPerAccount: 60, days: 365)
print("cube: \(cube.count) cells, 10 accounts, 365 days; screen \(size.width)×\(size.height)")
let data = DashboardData(cube: cube)
let catalog = ThemeCatalog()
let theme = (try? catalog.theme(named: "dark")) ?? Theme(name: "none", summary: "", styles: [:], heat: [])

var firstFrames: [Double] = []
var state = DashboardState(
  size: size, config: DashboardConfig(), themes: catalog, theme: theme, colorDepth: .ansi256)
for _ in 0..<7 {
  state = DashboardState(
    size: size, config: DashboardConfig(), themes: catalog, theme: theme, colorDepth: .ansi256)
  firstFrames.append(
    milliseconds {
      _ = DashboardApp.update(&state, .loaded(data))
      let screen = DashboardApp.view(state, size: size)
      _ = ScreenDiff(from: nil, to: screen)
    })
}
report("first frame (data → overview + explorer → view → full diff)", firstFrames)

@MainActor func keys(_ name: String, _ sequence: [Key], runs: Int) {
  var samples: [Double] = []
  var previous = DashboardApp.view(state, size: size)
  for run in 0..<runs {
    let key = sequence[run % sequence.count]
    samples.append(
      milliseconds {
        _ = DashboardApp.update(&state, .key(key))
        let screen = DashboardApp.view(state, size: size)
        _ = ScreenDiff(from: previous, to: screen)
        previous = screen
      })
  }
  report(name, samples)
}

_ = DashboardApp.update(&state, .key(.character("2")))
var viewOnly: [Double] = []
var diffOnly: [Double] = []
let frame = DashboardApp.view(state, size: size)
for _ in 0..<20 {
  var next = frame
  viewOnly.append(milliseconds { next = DashboardApp.view(state, size: size) })
  diffOnly.append(milliseconds { _ = ScreenDiff(from: frame, to: next) })
}
report("  of which view alone", viewOnly)
report("  of which diff alone", diffOnly)
keys(
  "keypress j/k in the Explorer (update → view → diff)", [.character("j"), .character("j"), .character("k")],
  runs: 60)
keys("keypress Enter/h drill down and up (recomputes the breakdown)", [.enter, .character("h")], runs: 20)
_ = DashboardApp.update(&state, .key(.character("1")))
keys("keypress c on the Overview (recomputes every total)", [.character("c")], runs: 12)

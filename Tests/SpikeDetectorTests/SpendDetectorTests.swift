import SpendModel
import SpikeDetector
import Testing

@Suite("Spend detector on constructed cubes")
struct SpendDetectorTests {
  private func detect(_ fixtures: SpendFixtures, _ configure: (inout DetectorSettings) -> Void = { _ in })
    throws
    -> DetectionReport
  {
    var settings = DetectorSettings()
    configure(&settings)
    return try SpendDetector(settings: settings).detect(fixtures.cube)
  }

  @Test("a quiet noisy series raises nothing")
  func quietSeriesIsQuiet() throws {
    var fixtures = SpendFixtures()
    fixtures.usage(fixtures.noisy(base: 200, days: 120))
    let report = try detect(fixtures)
    #expect(report.anomalies.isEmpty)
    #expect(report.dataRange == fixtures.firstDay...fixtures.firstDay.advanced(by: 119))
  }

  @Test("a one-day spike is one spike event, detected on its day, with exact actual and top contributor")
  func oneDaySpike() throws {
    var fixtures = SpendFixtures()
    var values = fixtures.noisy(base: 200, days: 90)
    values[70] += 600
    fixtures.usage(values, resource: "i-busy")
    fixtures.usage(
      fixtures.noisy(base: 300, days: 90), usageType: "USE1-EBS:VolumeUsage.gp3", resource: "vol-1")
    let report = try detect(fixtures)
    #expect(report.anomalies.count == 1)
    let anomaly = try #require(report.anomalies.first)
    let day = fixtures.firstDay.advanced(by: 70)
    #expect(anomaly.kind == .spike)
    #expect(anomaly.start == day && anomaly.end == day && anomaly.detected == day)
    #expect(anomaly.actual == Money(cents: Int((values[70] * 100).rounded())))
    #expect(anomaly.impact == anomaly.actual - anomaly.expected)
    #expect(anomaly.impact.doubleValue > 500 && anomaly.impact.doubleValue < 700)
    #expect(anomaly.usageType == "USE1-BoxUsage:m6i.large")
    #expect(anomaly.contributors.first?.resource == "i-busy")
    #expect(anomaly.score >= 0.5 && anomaly.score <= 1)
  }

  @Test("a lasting step opens one event on its first day, stays open and is not re-raised")
  func lastingStep() throws {
    var fixtures = SpendFixtures()
    var values = fixtures.noisy(base: 400, days: 120)
    for day in 60..<120 { values[day] += 400 }
    fixtures.usage(values, service: "AmazonElastiCache", usageType: "USE1-NodeUsage:cache.r6g.4xlarge")
    let report = try detect(fixtures)
    #expect(report.anomalies.count == 1)
    let anomaly = try #require(report.anomalies.first)
    #expect(anomaly.kind == .step)
    #expect(anomaly.start == fixtures.firstDay.advanced(by: 60))
    #expect(anomaly.detected == fixtures.firstDay.advanced(by: 60))
    #expect(anomaly.end == fixtures.firstDay.advanced(by: 119))
    // 60 days at about +$400 a day.
    #expect(anomaly.impact.doubleValue > 60 * 350 && anomaly.impact.doubleValue < 60 * 450)
    #expect(anomaly.service == "AmazonElastiCache")
  }

  @Test("weekly seasonality and a weekly batch job do not alarm")
  func weeklyPatternsAreBenign() throws {
    var fixtures = SpendFixtures()
    var weekend = fixtures.noisy(base: 500, days: 140)
    var batch = fixtures.noisy(base: 100, days: 140)
    for offset in 0..<140 {
      let weekday = fixtures.firstDay.advanced(by: offset).weekday
      if weekday >= 6 { weekend[offset] *= 0.6 }
      if weekday == 7 { batch[offset] *= 4 }
    }
    fixtures.usage(weekend)
    fixtures.usage(batch, service: "AWSLambda", usageType: "USE1-Lambda-GB-Second")
    #expect(try detect(fixtures).anomalies.isEmpty)
  }

  @Test("a planned decrease is reported only on request")
  func decreasesOnRequest() throws {
    var fixtures = SpendFixtures()
    var values = fixtures.noisy(base: 600, days: 100)
    for day in 70..<100 { values[day] *= 0.4 }
    fixtures.usage(values)
    #expect(try detect(fixtures).anomalies.isEmpty)
    let report = try detect(fixtures) { $0.includeDecreases = true }
    let anomaly = try #require(report.anomalies.first)
    #expect(anomaly.direction == .down)
    #expect(anomaly.impact < .zero)
    #expect(anomaly.start == fixtures.firstDay.advanced(by: 70))
  }

  @Test("a new service alarms on its first day with no expected cost; day-one series are never new")
  func newSeries() throws {
    var fixtures = SpendFixtures()
    fixtures.usage(fixtures.noisy(base: 200, days: 60))
    var bedrock = [Double](repeating: 0, count: 60)
    for day in 40..<60 { bedrock[day] = 150 }
    fixtures.usage(bedrock, service: "AmazonBedrock", usageType: "USE1-InputTokens", resource: "")
    let report = try detect(fixtures)
    #expect(report.anomalies.count == 1)
    let anomaly = try #require(report.anomalies.first)
    #expect(anomaly.kind == .new)
    #expect(anomaly.service == "AmazonBedrock")
    #expect(anomaly.detected == fixtures.firstDay.advanced(by: 40))
    #expect(anomaly.expected == .zero)
    #expect(anomaly.impactPercent == nil)
    #expect(anomaly.actual == Money(whole: 150 * 20))
  }

  @Test("a spike in one account is not hidden by a dip in another")
  func noMaskingAcrossAccounts() throws {
    var fixtures = SpendFixtures()
    var up = fixtures.noisy(base: 300, days: 80)
    var down = fixtures.noisy(base: 900, days: 80)
    up[60] += 500
    down[60] -= 500
    fixtures.usage(up, account: "111111111111")
    fixtures.usage(down, account: "222222222222")
    let report = try detect(fixtures)
    let anomaly = try #require(report.anomalies.first)
    #expect(anomaly.account == "111111111111")
    #expect(anomaly.start == fixtures.firstDay.advanced(by: 60))
  }

  @Test("a slow ramp is reported once")
  func slowRamp() throws {
    var fixtures = SpendFixtures()
    var values = fixtures.noisy(base: 500, days: 150)
    for day in 80..<150 { values[day] *= 1 + min(1, Double(day - 79) / 28) }
    fixtures.usage(values)
    let report = try detect(fixtures)
    #expect(report.anomalies.count == 1)
    let anomaly = try #require(report.anomalies.first)
    #expect(anomaly.start >= fixtures.firstDay.advanced(by: 80))
    #expect(anomaly.detected <= fixtures.firstDay.advanced(by: 100))
  }

  @Test("asOf answers what the detector would have said then; since filters old events")
  func asOfAndSince() throws {
    var fixtures = SpendFixtures()
    var values = fixtures.noisy(base: 200, days: 100)
    values[50] += 600
    values[80] += 700
    fixtures.usage(values)
    let full = try detect(fixtures)
    #expect(full.anomalies.count == 2)
    let early = try detect(fixtures) { $0.asOf = fixtures.firstDay.advanced(by: 60) }
    #expect(early.anomalies.count == 1)
    #expect(early.anomalies.first?.start == fixtures.firstDay.advanced(by: 50))
    #expect(early.dataRange?.upperBound == fixtures.firstDay.advanced(by: 60))
    let before = try detect(fixtures) { $0.asOf = fixtures.firstDay.advanced(by: 49) }
    #expect(before.anomalies.isEmpty)
    let recent = try detect(fixtures) { $0.since = fixtures.firstDay.advanced(by: 70) }
    #expect(recent.anomalies.map(\.start) == [fixtures.firstDay.advanced(by: 80)])
  }

  @Test("mixed currencies are refused")
  func mixedCurrencies() {
    var cube = Cube()
    for currency in ["USD", "EUR"] {
      let day = Day(year: 2026, month: 1, day: 1)
      cube.add(
        Costs(all: Money(whole: 1)),
        at: CubeKey(
          day: day, billingPeriod: day.month, payerAccount: "", account: "1", service: "S", usageType: "U",
          operation: "", region: "", resource: "", lineItemType: "Usage", currency: currency))
    }
    #expect(throws: DetectorError.mixedCurrencies(["EUR", "USD"])) { try SpendDetector().detect(cube) }
  }
}

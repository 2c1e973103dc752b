import Foundation
import IncidentLedger
import SpendFormats
import SpendModel
import Testing

/// Incident files: the bundled sample reads, round-trips byte for byte, and bad files name the
/// file and line.
@Suite struct IncidentFileTests {
  let samplePath = packageRoot + "/sample-bills/ledger/INC-2026-10-bill-spike.toml"

  func sampleText() throws -> String { try String(contentsOfFile: samplePath, encoding: .utf8) }

  @Test func sampleDecodesAndReEncodesIdentically() throws {
    let text = try sampleText()
    let incident = try IncidentDecoder.decode(text, path: samplePath, expectedID: "INC-2026-10-bill-spike")
    #expect(incident.costLines.count == 8)
    #expect(incident.series.count == 8)
    #expect(incident.anomalies.count == 5)
    #expect(incident.timeline.count == 8)
    #expect(incident.actionItems.count == 5)
    #expect(IncidentEncoder.encode(incident) == text)
  }

  @Test func sampleEnteredLinesGiveTheStoryNumbers() throws {
    let incident = try IncidentDecoder.decode(try sampleText(), path: samplePath)
    let costs = CostEvaluator.evaluate(incident, bills: nil)
    #expect(costs.total(of: .engineeringTime) == Money(whole: 28_900))
    #expect(costs.total(of: .revenueLoss) == Money(whole: 12_000))
    #expect(costs.total(of: .lostVelocity) == Money(whole: 14_000))
    #expect(costs.total(of: .awsOverage) == nil)
    #expect(costs.total(of: .runRateIncrease) == nil)
    #expect(costs.missingCategories == [.awsOverage, .runRateIncrease])
  }

  @Test func everyModelFieldRoundTrips() throws {
    let incident = Incident(
      id: "INC-x", title: "All \"fields\" | pipes", status: .mitigated, start: day("2026-10-01"),
      end: day("2026-10-03"),
      notes: "multi\nline",
      series: [SeriesSelector(service: "S", usageType: "U", account: "0012", region: "r")],
      anomalies: [
        LinkedAnomaly(
          kind: "step", start: day("2026-10-01"), end: day("2026-10-02"),
          series: SeriesSelector(service: "S"), impact: money("12.5"), rootCause: "U in r")
      ],
      rates: LoadedRates(annualCost: Money(whole: 1), yearHours: 2000, hoursPerDay: money("7.5")),
      timeline: [
        TimelineEntry(at: UTCTime(day: day("2026-10-01"), hour: 1, minute: 2, second: 3), text: "t")
      ],
      actionItems: [
        ActionItem(text: "a", owner: "o", due: day("2026-12-01"), done: true), ActionItem(text: "b"),
      ],
      costLines: [
        CostLine(
          description: "o",
          inputs: .awsOverage(
            AWSOverageInputs(
              series: [SeriesSelector(region: "eu-west-1")], basis: .netAmortized, baselineWeeks: 6,
              override: money("10.01"), overrideReason: "r")), note: "n", owner: "finance"),
        CostLine(
          description: "e",
          inputs: .engineeringTime(
            EngineeringTimeInputs(
              people: 2, hours: money("1.5"), role: .observer, weight: money("0.2"),
              reviewHours: money("0.5"),
              hourlyRate: money("99.99")))),
        CostLine(
          description: "r",
          inputs: .revenueLoss(
            RevenueLossInputs(
              degradedHours: Money(whole: 2), annualRevenue: Money(whole: 9), operatingHours: 2040))),
        CostLine(
          description: "c",
          inputs: .customerCredits(
            CustomerCreditsInputs(
              monthlyContractValue: Money(whole: 3), creditPercent: Money(whole: 25), customers: 4))),
        CostLine(
          description: "rr",
          inputs: .runRateIncrease(
            RunRateInputs(
              monthlyDelta: money("-5.5"), horizonMonths: 6, series: [SeriesSelector(account: "1")],
              stepDate: day("2026-10-02"), levelDays: 14, basis: .amortized))),
        CostLine(
          description: "v",
          inputs: .lostVelocity(LostVelocityInputs(engineerDays: Money(whole: 1), dailyRate: Money(whole: 2)))
        ),
      ])
    let text = IncidentEncoder.encode(incident)
    let decoded = try IncidentDecoder.decode(text, path: "x.toml")
    #expect(decoded == incident)
    #expect(IncidentEncoder.encode(decoded) == text)
  }

  @Test(arguments: [
    ("id = \"a\"\ntitle = \"t\"\nstart = 2026-10-02\nend = 2026-10-01", 4, "end is before start"),
    (
      "id = \"a\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-01\ncolour = 1", 5,
      "unknown key \"colour\""
    ),
    ("id = \"a\"\ntitle = \"t\"\nstart = \"2026-10-01\"\nend = 2026-10-01", 3, "start must be a date"),
    (
      "id = \"a\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-01\n\n[[cost]]\ncategory = \"bribes\"", 7,
      "is not one of"
    ),
    (
      "id = \"a\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-01\n\n[[cost]]\ncategory = \"aws-overage\"\noverride = 5",
      8, "override_reason"
    ),
    (
      "id = \"a\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-01\n\n[[cost]]\ncategory = \"engineering-time\"\nhours = 2",
      6, "needs people"
    ),
    (
      "id = \"a\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-01\n\n[[event]]\nat = 2026-10-01\ntext = \"x\"",
      7, "UTC time"
    ),
    ("id = \"a\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-01\n[[series]]\n", 5, "at least one"),
    ("id = \"b\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-01", 1, "does not match the file name"),
    ("title = \"t\"", 1, "needs id"),
    ("id = \"a\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-01\nnotes = \"open", 5, "not closed"),
  ])
  func invalidFilesNameFileAndLine(text: String, line: Int, fragment: String) {
    do {
      _ = try IncidentDecoder.decode(text, path: "/ledger/a.toml", expectedID: "a")
      Issue.record("decoded: \(text)")
    } catch {
      guard case .invalidFile(let path, let errorLine, _, let message) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(path == "/ledger/a.toml")
      #expect(errorLine == line, "\(message)")
      #expect(message.contains(fragment), "\(message)")
      #expect(error.description.hasPrefix("/ledger/a.toml:\(line):"))
    }
  }
}

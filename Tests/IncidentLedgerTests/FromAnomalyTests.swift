import BillImport
import IncidentLedger
import SpendModel
import SpikeDetector
import Testing

/// Opening an incident from a detected anomaly on the sample bills.
@Suite struct FromAnomalyTests {
  @Test func incidentFromTheLambdaAnomalyCarriesItsWindowSeriesAndCause() throws {
    let dimensions: Set<SpendModel.Dimension> = [
      .account, .service, .usageType, .region, .resource, .lineItemType,
    ]
    let cube = try BillReader.read(
      paths: [packageRoot + "/sample-bills/incident-127k"], options: ImportOptions(dimensions: dimensions)
    ).cube
    let report = try SpendDetector().detect(cube)
    let lambda = try #require(report.anomalies.first { $0.service == "AWSLambda" })
    let incident = Incident.opened(from: lambda)
    #expect(incident.start == lambda.start)
    #expect(incident.end == lambda.end)
    #expect(
      incident.series == [
        SeriesSelector(
          service: "AWSLambda", usageType: "Lambda-GB-Second", account: "408517293640", region: "us-east-1")
      ])
    #expect(
      incident.title
        == "\(lambda.kind.rawValue.prefix(1).uppercased())\(lambda.kind.rawValue.dropFirst()) in AWSLambda Lambda-GB-Second"
    )
    #expect(incident.anomalies.first?.impact == lambda.impact)
    #expect(incident.anomalies.first?.rootCause.contains("function:image-resize") == true)
    // The ledger's overage over the anomaly's days (frozen weekday medians) and the detector's
    // impact (its own baseline) measure the same excess: within half a percent of each other.
    let costs = CostEvaluator.evaluate(incident, bills: cube)
    let overage = try #require(costs.total(of: .awsOverage))
    #expect(abs((overage - lambda.impact).doubleValue) < lambda.impact.doubleValue * 0.005)
  }

  @Test func spanningFieldsMatchEverything() {
    let anomaly = Anomaly(
      kind: .step, direction: .up, start: day("2026-10-02"), end: day("2026-10-03"),
      detected: day("2026-10-02"),
      account: "*", service: "AmazonEC2", usageType: "*", region: "us-east-1", actual: Money(whole: 10),
      expected: Money(whole: 4), impact: Money(whole: 6), impactPercent: 150, score: 1, contributors: [])
    #expect(SeriesSelector(anomaly) == SeriesSelector(service: "AmazonEC2", region: "us-east-1"))
    #expect(Incident.opened(from: anomaly, id: "INC-9").title == "Step in AmazonEC2")
  }
}

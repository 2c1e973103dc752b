import Dashboard
import IncidentLedger
import SpendModel
import SpikeDetector
import Testing

/// Opening a ledger incident from an anomaly: `i` asks the runtime to create it; when it is saved
/// the dashboard shows it in the Ledger with its overage computed from the loaded bills.
@Suite struct OpenIncidentTests {
  @Test func iOnAnAnomalyOpensAnIncidentFromTheDetectorsEvent() throws {
    let data = try #require(SampleBills.incidentWithFindings)
    var harness = Harness(size: Size(width: 120, height: 40), data: data)
    harness.press("3i")
    guard case .openIncident(let anomaly)? = harness.effects.last else {
      Issue.record("no openIncident effect: \(harness.effects)")
      return
    }
    let top = try #require(data.anomalies.max { $0.impact < $1.impact })
    #expect(anomaly == top.detected)

    // The runtime saves it and answers; the Ledger shows its lines, the overage from the bills.
    let incident = Incident.opened(from: anomaly)
    harness.send(.incidentOpened(incident))
    #expect(harness.state.screen == .ledger)
    #expect(harness.state.ledger.open == incident.id)
    let shown = try #require(harness.state.data.incidents.first { $0.id == incident.id })
    let overage = try #require(shown.lines.first { $0.category == "aws-overage" })
    #expect(overage.source == "bill")
    #expect((overage.amount ?? .zero) > Money(whole: 10_000))
    // Its long title is cut, never its total.
    let header = try #require(harness.render().lines.first { $0.contains(incident.id) })
    #expect(header.contains("total \(shown.total.dollars())"), "\(header)")
  }

  @Test func anAnomalyWithoutADetectorEventSaysSo() {
    var harness = Harness()  // the code fixture's anomalies are not the detector's
    harness.press("3i")
    #expect(harness.effects.allSatisfy { if case .openIncident = $0 { false } else { true } })
    #expect(harness.state.message?.isError == true)
  }
}

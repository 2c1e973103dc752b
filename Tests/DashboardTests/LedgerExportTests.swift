import Dashboard
import IncidentLedger
import SpendModel
import Testing

/// The Ledger's `x` (and `:export`) writes the postmortem document of `spendtop ledger export`:
/// the same renderer, on the incident as its file holds it, with the loaded bills.
@Suite struct LedgerExportTests {
  @Test func exportIsTheLedgerPostmortem() throws {
    let data = try #require(SampleBills.incidentWithFindings)
    var harness = Harness(size: Size(width: 120, height: 40), data: data)
    harness.press("4x")
    guard case .export(let name, let text, let copy)? = harness.effects.last else {
      Issue.record("expected an export effect")
      return
    }
    #expect(name == "INC-2026-10-bill-spike.md")
    let incident = try LedgerFolder(path: SampleBills.root.appendingPathComponent("sample-bills/ledger").path)
      .load(id: "INC-2026-10-bill-spike").incident
    let costs = CostEvaluator.evaluate(incident, bills: data.cube)
    #expect(text == PostmortemMarkdown.render(incident, costs, bills: data.cube))
    #expect(copy == incident, "the runtime checks the file against the copy the text came from")
    // What the thin export lacked: the summary, formulas with inputs, chart, anomalies, timeline.
    for section in [
      "## Summary", "## Cost breakdown", "## Daily spend around the window", "## Anomalies and root causes",
      "## Timeline (UTC)", "## Action items",
    ] {
      #expect(text.contains(section), "\(section)")
    }
    #expect(text.contains("$12,000.00"))
    #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count > 150)

    harness.effects = []
    harness.press(":export<Enter>")
    #expect(harness.effects == [.export(suggestedName: name, text: text, incident: incident)])
  }
}

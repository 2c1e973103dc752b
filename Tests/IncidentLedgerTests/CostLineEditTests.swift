import IncidentLedger
import SpendModel
import Testing

/// A form's change to a cost line keeps what it does not name; an entered amount overrides the
/// formula and the line says so.
@Suite struct CostLineEditTests {
  let samplePath = packageRoot + "/sample-bills/ledger/INC-2026-10-bill-spike.toml"

  func sample() throws -> Incident {
    let text = try String(contentsOfFile: samplePath, encoding: .utf8)
    return try IncidentDecoder.decode(text, path: samplePath, expectedID: "INC-2026-10-bill-spike")
  }

  @Test func anAmountOverridesTheFormulaAndKeepsEverythingElse() throws {
    var incident = try sample()
    let before = incident.costLines[5]
    let edit = CostLineEdit(
      category: .revenueLoss, description: before.description, amount: Money(whole: 15_000), note: before.note)
    #expect(try incident.apply(edit, at: 5) == 5)
    #expect(incident.costLines.count == 8)
    let after = incident.costLines[5]
    #expect(after.owner == "finance" && after.note == before.note)
    #expect(
      after.inputs
        == .revenueLoss(
          RevenueLossInputs(
            amount: Money(whole: 15_000), degradedHours: Money(whole: 16), revenuePerHour: Money(whole: 750))))
    // The file keeps both, and reads back the same.
    let text = IncidentEncoder.encode(incident)
    #expect(try IncidentDecoder.decode(text, path: "x.toml") == incident)
    let evaluated = CostEvaluator.evaluate(after, of: incident, bills: nil)
    #expect(evaluated.amount == Money(whole: 15_000) && evaluated.source == .entered)
    #expect(evaluated.formula == "entered amount (overrides degraded hours × revenue per hour)")
    #expect(evaluated.calculation == "$15,000.00 entered (overrides 16 × $750.00 = $12,000.00)")
  }

  @Test func noAmountKeepsTheFormula() throws {
    var incident = try sample()
    let before = incident.costLines[1]
    try incident.apply(CostLineEdit(category: .engineeringTime, description: "IC", amount: nil, note: "n"), at: 1)
    #expect(incident.costLines[1].inputs == before.inputs && incident.costLines[1].owner == before.owner)
    #expect(incident.costLines[1].description == "IC" && incident.costLines[1].note == "n")
  }

  @Test func whatCannotBeDoneIsRefused() throws {
    var incident = try sample()
    let computed = CostLineEdit(category: .engineeringTime, description: "x", amount: Money(whole: 1), note: "")
    #expect(throws: LedgerError.self) { try incident.apply(computed, at: 1) }
    #expect(throws: LedgerError.self) { try incident.apply(computed, at: nil) }
    let recategorized = CostLineEdit(category: .lostVelocity, description: "x", amount: Money(whole: 1), note: "")
    #expect(throws: LedgerError.self) { try incident.apply(recategorized, at: 5) }
    let negative = CostLineEdit(category: .revenueLoss, description: "x", amount: Money(whole: -1), note: "")
    #expect(throws: LedgerError.self) { try incident.apply(negative, at: 5) }
    let new = CostLineEdit(category: .revenueLoss, description: "x", amount: Money(whole: 1), note: "")
    #expect(throws: LedgerError.self) { try incident.apply(new, at: 8) }
    #expect(incident == (try sample()))
  }
}

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
    #expect(try incident.apply(edit, at: 5, shown: before) == 5)
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
    try incident.apply(CostLineEdit(category: .engineeringTime, description: "IC", amount: nil, note: "n"), at: 1, shown: before)
    #expect(incident.costLines[1].inputs == before.inputs && incident.costLines[1].owner == before.owner)
    #expect(incident.costLines[1].description == "IC" && incident.costLines[1].note == "n")
  }

  @Test func whatCannotBeDoneIsRefused() throws {
    var incident = try sample()
    let computed = CostLineEdit(category: .engineeringTime, description: "x", amount: Money(whole: 1), note: "")
    #expect(throws: LedgerError.self) { try incident.apply(computed, at: 1, shown: incident.costLines[1]) }
    #expect(throws: LedgerError.self) { try incident.apply(computed, at: nil, shown: nil) }
    let recategorized = CostLineEdit(category: .lostVelocity, description: "x", amount: Money(whole: 1), note: "")
    #expect(throws: LedgerError.self) { try incident.apply(recategorized, at: 5, shown: incident.costLines[5]) }
    let negative = CostLineEdit(category: .revenueLoss, description: "x", amount: Money(whole: -1), note: "")
    #expect(throws: LedgerError.self) { try incident.apply(negative, at: 5, shown: incident.costLines[5]) }
    let new = CostLineEdit(category: .revenueLoss, description: "x", amount: Money(whole: 1), note: "")
    #expect(throws: LedgerError.self) { try incident.apply(new, at: 8, shown: nil) }
    #expect(incident == (try sample()))
  }

  // MARK: - A file changed between load and save

  /// The sample in a fresh folder, as the dashboard loads it.
  func folderWithSample() throws -> (LedgerFolder, Incident) {
    let folder = LedgerFolder(path: try temporaryDirectory())
    let incident = try folder.create(try sample()).incident
    return (folder, incident)
  }

  @Test func anEditToAFileChangedSinceItWasLoadedWritesNothing() throws {
    let (folder, loaded) = try folderWithSample()
    let id = loaded.id
    // Someone else removes line 2 ("Incident commander"), as `ledger edit --remove-cost 2` does.
    let other = try folder.load(id: id)
    var removed = other.incident
    removed.costLines.remove(at: 1)
    try folder.save(removed, over: other)
    let before = try String(contentsOfFile: folder.filePath(of: id), encoding: .utf8)
    #expect(loaded.costLines[2].description == "Scribe")
    #expect(removed.costLines[2].description == "Customer liaison")
    let scribe = CostLineEdit(
      category: .engineeringTime, description: "Scribe (rotating)", amount: nil, note: "")
    #expect(
      throws: LedgerError.changedSinceLoaded(
        id: id, detail: "cost line 3, \"Scribe\", is now \"Customer liaison\"")
    ) { try folder.save(scribe, to: id, at: 2, loaded: loaded) }
    // An added line is refused too: the screen's line numbers are the old file's.
    let added = CostLineEdit(category: .revenueLoss, description: "x", amount: Money(whole: 1), note: "")
    #expect(
      throws: LedgerError.changedSinceLoaded(
        id: id, detail: "cost line 2, \"Incident commander\", is now \"Scribe\"")
    ) { try folder.save(added, to: id, at: nil, loaded: loaded) }
    #expect(try String(contentsOfFile: folder.filePath(of: id), encoding: .utf8) == before, "nothing written")
    // Loaded afresh, the same edit lands on the line it names.
    let saved = try folder.save(scribe, to: id, at: 1, loaded: removed).incident
    #expect(saved.costLines.map(\.description)[1...2] == ["Scribe (rotating)", "Customer liaison"])
  }

  @Test func anEditWithoutTheLineItWasMadeToIsRefused() throws {
    var incident = try sample()
    let edit = CostLineEdit(category: .engineeringTime, description: "IC", amount: nil, note: "")
    #expect(throws: LedgerError.self) { try incident.apply(edit, at: 1, shown: incident.costLines[2]) }
    #expect(throws: LedgerError.self) { try incident.apply(edit, at: 1, shown: nil) }
    #expect(incident == (try sample()))
  }
}

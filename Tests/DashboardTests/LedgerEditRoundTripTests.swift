import Dashboard
import Foundation
import IncidentLedger
import SpendModel
import Testing

/// Lines entered in the Ledger's form, saved to a real incident file the way the runtime saves
/// them: the screen and the file always agree, an edit replaces the line it edits and keeps what
/// the form does not show.
@Suite struct LedgerEditRoundTripTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let id = "INC-2026-10-bill-spike"

  /// A dashboard on a copy of the sample incident in a fresh folder, over the fixture's bills.
  struct Session {
    let cube: Cube
    let folder: LedgerFolder
    var harness: Harness
    /// When set, saves fail with this error (a read-only ledger, say).
    var failure: LedgerError?

    init(cube: Cube = IncidentFixture.cube()) throws {
      self.cube = cube
      let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("spendtop-ledger-edit-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        atPath: root.path + "/sample-bills/ledger/\(id).toml", toPath: directory + "/\(id).toml")
      folder = LedgerFolder(path: directory)
      let incident = try folder.load(id: id).incident
      // The fixture's bills, so that the screens show; the overage lines are computed from them.
      harness = Harness(
        size: Size(width: 140, height: 30),
        data: DashboardData(cube: cube, incidents: [LedgerItems.item(for: incident, cube: cube)]))
    }

    /// Presses keys, then runs the save effects as `spendtop` does (load, check, apply, atomic save).
    mutating func press(_ keys: String) throws {
      harness.effects = []
      harness.press(keys)
      for case .saveIncidentLine(let incidentID, let index, let loaded, let draft, let edit)
        in harness.effects
      {
        if let failure {
          harness.send(.incidentLineNotSaved(incidentID: incidentID, draft: draft, reason: failure.description))
          continue
        }
        do throws(LedgerError) {
          let saved = try folder.save(edit, to: incidentID, at: index, loaded: loaded)
          harness.send(.incidentLineSaved(draft: draft, incident: saved.incident))
        } catch {
          harness.send(.incidentLineNotSaved(incidentID: incidentID, draft: draft, reason: error.description))
        }
      }
    }

    /// The incident as its file holds it.
    func file() throws -> Incident { try folder.load(id: id).incident }
    /// The file's text.
    func text() throws -> String { try String(contentsOfFile: folder.filePath(of: id), encoding: .utf8) }
    /// The incident as the screen shows it.
    var shown: IncidentItem { harness.state.data.incidents[0] }

    func remove() { try? FileManager.default.removeItem(atPath: folder.path) }
  }

  static let clear = String(repeating: "<BS>", count: 80)

  @Test func editingALineAddedInTheSameSessionReplacesIt() throws {
    var session = try Session()
    defer { session.remove() }
    // A line the file cannot take first (engineering-time is computed): refused in the form, so
    // nothing on screen is out of step with the file.
    try session.press("4<Enter>a" + Self.clear + "engineering-time<Tab>pager<Tab>100<Enter>")
    guard case .lineForm(let form)? = session.harness.state.overlay else {
      Issue.record("the form should stay open")
      return
    }
    #expect(form.problem?.hasPrefix("engineering-time amounts are computed from their inputs") == true)
    try session.press("<Esc>a" + Self.clear + "revenue-loss<Tab>lost sales<Tab>500<Enter>")
    #expect(try session.file().costLines.count == 9)
    // Edit the new (last) line: amount 750.
    try session.press("Ge<Tab><Tab>" + Self.clear + "750<Enter>")
    let file = try session.file()
    #expect(file.costLines.count == 9, "the edit replaced the line, it did not add a copy")
    #expect(try session.text().components(separatedBy: "amount = 750").count == 2)
    #expect(!(try session.text().contains("amount = 500")))
    let fromFile = LedgerItems.item(for: file, cube: session.cube)
    #expect(session.shown.lines == fromFile.lines, "the screen shows what the file holds")
    #expect(session.shown.total == fromFile.total)
    #expect(session.shown.unsavedCount == 0)
  }

  @Test func editingASavedLineKeepsItsNoteOwnerAndInputs() throws {
    var session = try Session()
    defer { session.remove() }
    let before = try session.file().costLines[5]
    let responders = try session.file().costLines[4]
    guard case .revenueLoss(let inputs) = before.inputs else {
      Issue.record("line 6 of the sample is its revenue loss")
      return
    }
    #expect(inputs.degradedHours == Money(whole: 16) && !before.note.isEmpty && before.owner == "finance")
    // Line 6 (revenue loss): amount 15000, nothing else changed.
    try session.press("4<Enter>jjjjje<Tab><Tab>" + Self.clear + "15000<Enter>")
    let after = try session.file().costLines[5]
    #expect(after.note == before.note && after.owner == before.owner && after.description == before.description)
    guard case .revenueLoss(let edited) = after.inputs else {
      Issue.record("the line keeps its category")
      return
    }
    #expect(edited.amount == Money(whole: 15_000))
    #expect(edited.degradedHours == Money(whole: 16) && edited.revenuePerHour == Money(whole: 750))
    let line = session.shown.lines[5]
    #expect(line.amount == Money(whole: 15_000) && line.source == "entered")
    #expect(line.formula == "$15,000.00 entered (overrides 16 × $750.00 = $12,000.00)")
    // Only the description: the amount stays the formula's, the note and owner stay.
    try session.press("k" + "e<Tab>" + Self.clear + "Checkout failures<Enter>")
    let renamed = try session.file().costLines[4]
    #expect(renamed.description == "Checkout failures")
    #expect(renamed.inputs == responders.inputs && renamed.note == responders.note)
    #expect(session.shown.lines[4].source == "computed")
    #expect(try session.file().costLines.count == 8)
  }

  @Test func aMissingAmountLeftEmptyKeepsTheBillsFormula() throws {
    // No bills: the overage (line 1) is missing and its amount field empty.
    var session = try Session(cube: Cube())
    defer { session.remove() }
    let before = try session.file().costLines[0]
    try session.press("4<Enter>e<Tab>" + Self.clear + "Overage, linked series<Enter>")
    #expect(session.harness.state.overlay == nil)
    let after = try session.file().costLines[0]
    #expect(after.description == "Overage, linked series" && after.inputs == before.inputs)
    #expect(session.shown.lines[0].amount == nil && session.shown.lines[0].source == "bill")
  }

  @Test func aLineThatCannotBeSavedIsMarkedAndSavedOnTheNextEdit() throws {
    var session = try Session()
    defer { session.remove() }
    session.failure = .io(path: session.folder.path, operation: "create", message: "Read-only file system")
    try session.press("4<Enter>a" + Self.clear + "customer-credits<Tab>SLA credits<Tab>2000<Enter>")
    #expect(session.shown.lines.last?.storage == .unsaved(index: nil, reason: session.failure?.description ?? ""))
    #expect(session.shown.unsavedCount == 1)
    let screen = session.harness.render()
    #expect(screen.contains("(1 not saved)") && screen.contains("(not saved) SLA credits"))
    #expect(try session.file().costLines.count == 8)
    session.failure = nil
    try session.press("Ge<Enter>")
    #expect(try session.file().costLines.count == 9, "saved once, as a new line")
    #expect(session.shown.unsavedCount == 0)
    #expect(session.shown.lines == LedgerItems.item(for: try session.file(), cube: session.cube).lines)
  }

  @Test func anEditAfterTheFileChangedOnDiskIsKeptOnScreenAndNotWritten() throws {
    var session = try Session()
    defer { session.remove() }
    try session.press("4<Enter>")
    // Another shell: `spendtop ledger edit ID --remove-cost 2` ("Incident commander").
    let other = try session.folder.load(id: Self.id)
    var removed = other.incident
    removed.costLines.remove(at: 1)
    try session.folder.save(removed, over: other)
    let before = try session.text()
    // The screen still shows the old file: line 3 is "Scribe".
    try session.press("jje<Tab>" + Self.clear + "Scribe (rotating)<Enter>")
    #expect(try session.text() == before, "the file's Customer liaison line is not overwritten")
    let line = session.shown.lines[2]
    #expect(line.description == "Scribe (rotating)")
    guard case .unsaved(2, let reason) = line.storage else {
      Issue.record("the edit should be kept on screen as not saved, got \(line.storage)")
      return
    }
    #expect(reason.hasPrefix("the ledger file of \(Self.id) changed since it was loaded (cost line 3"))
    let screen = session.harness.render()
    #expect(screen.contains("(not saved) Scribe (rotating)"))
    #expect(screen.contains("not saved: the ledger file of \(Self.id) changed since it was loaded"))
  }

  @Test func anOverageOverrideSaysWhatItOverridesOnScreen() throws {
    var session = try Session()
    defer { session.remove() }
    let computed = session.shown.lines[0].formula
    #expect(computed.contains(" over ") && session.shown.lines[0].source == "bill", "\(computed)")
    try session.press("4<Enter>e<Tab><Tab>" + Self.clear + "45000<Enter>")
    let line = session.shown.lines[0]
    #expect(line.source == "entered" && line.formula == "$45,000.00 entered (overrides \(computed))")
    // Too long for the column at 140: the middle goes, the bill's result stays.
    let row = try #require(session.harness.render().lines.first { $0.contains("aws-overage") })
    let shown = row.trimmingCharacters(in: .whitespaces)
    #expect(shown.contains("$45,000.00 entered (overri"), "\(row)")
    #expect(shown.hasSuffix(String(computed.suffix(10)) + ")"), "\(row)")
  }

  @Test func aLineNotSavedReadsAsItWillOnceSaved() throws {
    var session = try Session()
    defer { session.remove() }
    session.failure = .io(path: session.folder.path, operation: "create", message: "Read-only file system")
    try session.press("4<Enter>a" + Self.clear + "customer-credits<Tab>SLA credits<Tab>321<Enter>")
    try session.press("ggjjjjje<Tab><Tab>" + Self.clear + "15000<Enter>")
    let added = try #require(session.shown.lines.last)
    let edited = session.shown.lines[5]
    #expect(!added.isSaved && !edited.isSaved)
    #expect(added.formula == "$321.00" && added.source == "entered")
    #expect(edited.formula == "$15,000.00 entered (overrides 16 × $750.00 = $12,000.00)")
    session.failure = nil
    try session.press("Ge<Enter>")
    try session.press("ggjjjjje<Enter>")
    #expect(session.shown.unsavedCount == 0)
    let saved = session.shown.lines
    #expect(saved.last?.formula == added.formula && saved[5].formula == edited.formula)
    #expect(saved.last?.source == added.source && saved[5].source == edited.source)
  }
}

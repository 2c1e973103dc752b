import ArgumentParser
import Foundation
import IncidentLedger
import SpendModel

/// `spendtop ledger edit ID`: changes fields, or opens the file in an editor.
struct LedgerEdit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Change an incident's fields, or edit its file in $VISUAL / $EDITOR.",
    discussion: """
      With options, changes those fields and saves. Without, opens a copy of the file in \
      $VISUAL or $EDITOR; when the editor exits, the copy is checked (errors name its line) and \
      replaces the file, unless the file changed on disk meanwhile. Saves are atomic. An editor \
      that fails (not found, non-zero exit) saves nothing and exits 74; an invalid edited file \
      exits 65 and keeps the copy.
      """)

  @OptionGroup var location: LedgerLocationOptions

  @Argument(help: "The incident ID.")
  var id: String

  @Option(help: "A new title.") var title: String?
  @Option(help: "open, mitigated, resolved or closed.") var status: String?
  @Option(help: ArgumentHelp("A new first day.", valueName: "YYYY-MM-DD")) var start: String?
  @Option(help: ArgumentHelp("A new last day.", valueName: "YYYY-MM-DD")) var end: String?
  @Option(help: "New notes.") var notes: String?
  @Option(help: ArgumentHelp("Loaded annual cost of an engineer.", valueName: "USD")) var annualCost: String?
  @Option(help: "Working hours a year (default 2080).") var yearHours: Int?
  @Option(help: ArgumentHelp("Remove cost line N (1-based, as `show` lists them).", valueName: "N"))
  var removeCost: Int?
  @Option(help: ArgumentHelp("Mark action item N (1-based) done.", valueName: "N")) var done: Int?

  private var hasFieldChanges: Bool {
    title != nil || status != nil || start != nil || end != nil || notes != nil || annualCost != nil
      || yearHours != nil || removeCost != nil || done != nil
  }

  func run() throws {
    // Where an editor's copy was kept when saving it failed: said after the error's message.
    var keptCopyHint: String?
    defer { if let keptCopyHint { FileHandle.standardError.write(Data((keptCopyHint + "\n").utf8)) } }
    try LedgerConsole.run { () throws(LedgerError) in
      let folder = location.folder
      let stored = try folder.load(id: id)
      if hasFieldChanges {
        try folder.save(try changed(stored.incident), over: stored)
        print("saved \(stored.path)")
      } else {
        try editInEditor(stored, folder: folder, keptCopyHint: &keptCopyHint)
      }
    }
  }

  private func changed(_ original: Incident) throws(LedgerError) -> Incident {
    var incident = original
    if let title { incident.title = title }
    if let notes { incident.notes = notes }
    if let status {
      guard let value = IncidentStatus(rawValue: status) else {
        throw .invalidChange("--status \(status): use open, mitigated, resolved or closed")
      }
      incident.status = value
    }
    if let start { incident.start = try LedgerConsole.day(start, option: "start") }
    if let end { incident.end = try LedgerConsole.day(end, option: "end") }
    guard incident.end >= incident.start else {
      throw .invalidChange("the window would end before it starts")
    }
    if let annualCost {
      guard let amount = try? Money(parsing: annualCost), amount >= .zero else {
        throw .invalidChange("--annual-cost \(annualCost): not an amount")
      }
      incident.rates.annualCost = amount
    }
    if let yearHours {
      guard (1...8784).contains(yearHours) else { throw .invalidChange("--year-hours must be 1-8784") }
      incident.rates.yearHours = yearHours
    }
    if let removeCost {
      guard incident.costLines.indices.contains(removeCost - 1) else {
        throw .invalidChange(
          "--remove-cost \(removeCost): the incident has \(incident.costLines.count) cost lines")
      }
      incident.costLines.remove(at: removeCost - 1)
    }
    if let done {
      guard incident.actionItems.indices.contains(done - 1) else {
        throw .invalidChange("--done \(done): the incident has \(incident.actionItems.count) action items")
      }
      incident.actionItems[done - 1].done = true
    }
    return incident
  }

  private func editInEditor(
    _ stored: StoredIncident, folder: LedgerFolder, keptCopyHint: inout String?
  ) throws(LedgerError) {
    let environment = ProcessInfo.processInfo.environment
    guard
      let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: {
        !$0.isEmpty
      })
    else { throw .invalidChange("set $VISUAL or $EDITOR, or pass the fields to change (see --help)") }
    let copy =
      NSTemporaryDirectory()
      + "spendtop-\(stored.incident.id)-\(ProcessInfo.processInfo.processIdentifier).toml"
    guard let original = FileManager.default.contents(atPath: stored.path),
      FileManager.default.createFile(atPath: copy, contents: original, attributes: [.posixPermissions: 0o600])
    else { throw .io(path: copy, operation: "copy", message: "cannot create the editing copy") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", editor + " \"$1\"", "sh", copy]
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      throw .io(path: editor, operation: "run the editor", message: "\(error)")
    }
    // A failing editor (not found, crashed, :cq) may have left anything in the copy: never save it.
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let how =
        process.terminationReason == .exit
        ? "exited with status \(process.terminationStatus)"
        : "was killed by signal \(process.terminationStatus)"
      let unchanged = FileManager.default.contents(atPath: copy) == original
      if unchanged { try? FileManager.default.removeItem(atPath: copy) }
      throw .io(
        path: editor, operation: "run the editor",
        message: "it \(how); nothing saved" + (unchanged ? "" : " (the edited copy is kept in \(copy))"))
    }
    guard let edited = FileManager.default.contents(atPath: copy),
      let text = String(data: edited, encoding: .utf8)
    else { throw .io(path: copy, operation: "read", message: "the edited copy is gone or not UTF-8") }
    if edited == original {
      try? FileManager.default.removeItem(atPath: copy)
      print("no changes")
      return
    }
    do throws(LedgerError) {
      try folder.replace(stored, withText: text, editedAt: copy)
    } catch {
      // The error keeps its kind, and so its exit code: 65 an invalid file, 75 changed on disk.
      let hint = "your edit is kept in \(copy); fix it and copy it over, or edit again"
      if case .invalidFile(let path, let line, let column, let message) = error {
        throw .invalidFile(path: path, line: line, column: column, message: message + "\n" + hint)
      }
      keptCopyHint = hint
      throw error
    }
    try? FileManager.default.removeItem(atPath: copy)
    print("saved \(stored.path)")
  }
}

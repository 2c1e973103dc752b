import Foundation
import IncidentLedger
import SpendModel
import Testing

/// Saving incident files: atomic, private, and never over someone else's edit.
@Suite struct LedgerFolderTests {
  func incident(_ id: String = "INC-1") -> Incident {
    Incident(id: id, title: "Test", start: day("2026-10-01"), end: day("2026-10-02"))
  }

  func files(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  @Test func createWritesAPrivateFileAndLoadReadsIt() throws {
    let folder = try temporaryDirectory() + "/nested/ledger"
    let ledger = LedgerFolder(path: folder)
    try ledger.create(incident())
    #expect(try files(in: folder) == ["INC-1.toml"])
    let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/INC-1.toml")
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(try ledger.load(id: "INC-1").incident == incident())
    #expect(try ledger.list().map(\.incident.id) == ["INC-1"])
  }

  @Test func createRefusesAnExistingID() throws {
    let ledger = LedgerFolder(path: try temporaryDirectory())
    try ledger.create(incident())
    #expect(throws: LedgerError.alreadyExists(id: "INC-1", path: ledger.filePath(of: "INC-1"))) {
      try ledger.create(incident())
    }
    #expect(try files(in: ledger.path) == ["INC-1.toml"])
  }

  @Test func saveReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws {
    let ledger = LedgerFolder(path: try temporaryDirectory())
    let stored = try ledger.create(incident())
    // A reader holding the old file keeps seeing the old content: the file is replaced, not rewritten.
    let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: stored.path))
    var changed = stored.incident
    changed.title = "Changed"
    let saved = try ledger.save(changed, over: stored)
    let oldContent = String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self)
    #expect(oldContent.contains("title = \"Test\""))
    #expect(try ledger.load(id: "INC-1").incident.title == "Changed")
    #expect(try files(in: ledger.path) == ["INC-1.toml"])
    // The new fingerprint allows the next save.
    changed.title = "Again"
    try ledger.save(changed, over: saved)
    #expect(try ledger.load(id: "INC-1").incident.title == "Again")
  }

  @Test func aFailureBeforeTheRenameLeavesTheOldFileWhole() throws {
    let ledger = LedgerFolder(path: try temporaryDirectory())
    let stored = try ledger.create(incident())
    let before = try String(contentsOfFile: stored.path, encoding: .utf8)
    var changed = stored.incident
    changed.title = "Never written"
    #expect(throws: LedgerError.io(path: "disk", operation: "write", message: "simulated crash")) {
      try ledger.save(changed, over: stored) { () throws(LedgerError) in
        throw LedgerError.io(path: "disk", operation: "write", message: "simulated crash")
      }
    }
    #expect(try String(contentsOfFile: stored.path, encoding: .utf8) == before)
    #expect(try files(in: ledger.path) == ["INC-1.toml"])
  }

  @Test func aLeftoverTemporaryFileDoesNotBlockTheSave() throws {
    let ledger = LedgerFolder(path: try temporaryDirectory())
    let stored = try ledger.create(incident())
    let leftover = ".INC-1.toml.tmp-\(ProcessInfo.processInfo.processIdentifier)-0"
    try "half a file".write(toFile: ledger.path + "/" + leftover, atomically: false, encoding: .utf8)
    var changed = stored.incident
    changed.title = "Saved"
    try ledger.save(changed, over: stored)
    #expect(try ledger.load(id: "INC-1").incident.title == "Saved")
    #expect(try files(in: ledger.path) == [leftover, "INC-1.toml"])
  }

  @Test func aFileChangedOnDiskIsNotOverwritten() throws {
    let ledger = LedgerFolder(path: try temporaryDirectory())
    let stored = try ledger.create(incident())
    // Someone else edits the file after we read it.
    let theirs = try String(contentsOfFile: stored.path, encoding: .utf8).replacingOccurrences(
      of: "title = \"Test\"", with: "title = \"Their edit\"")
    try theirs.write(toFile: stored.path, atomically: false, encoding: .utf8)
    var mine = stored.incident
    mine.title = "My edit"
    #expect(throws: LedgerError.changedOnDisk(path: stored.path)) { try ledger.save(mine, over: stored) }
    #expect(try ledger.load(id: "INC-1").incident.title == "Their edit")
    #expect(try files(in: ledger.path) == ["INC-1.toml"])
  }

  @Test func aDeletedFileIsNotRecreatedBlindly() throws {
    let ledger = LedgerFolder(path: try temporaryDirectory())
    let stored = try ledger.create(incident())
    try FileManager.default.removeItem(atPath: stored.path)
    #expect(throws: LedgerError.changedOnDisk(path: stored.path)) {
      try ledger.save(stored.incident, over: stored)
    }
  }

  @Test func listNamesTheInvalidFileAndLine() throws {
    let ledger = LedgerFolder(path: try temporaryDirectory())
    try ledger.create(incident("INC-1"))
    try "id = \"INC-2\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-32\n".write(
      toFile: ledger.filePath(of: "INC-2"), atomically: false, encoding: .utf8)
    #expect(
      throws: LedgerError.invalidFile(
        path: ledger.filePath(of: "INC-2"), line: 4, column: 7, message: "\"2026-10-32\" is not a valid date")
    ) {
      try ledger.list()
    }
  }

  @Test func listIgnoresOtherFilesAndAMissingFolderIsEmpty() throws {
    let folder = try temporaryDirectory()
    let ledger = LedgerFolder(path: folder)
    #expect(try LedgerFolder(path: folder + "/absent").list().isEmpty)
    try ledger.create(incident("B"))
    try ledger.create(incident("A"))
    try "notes".write(toFile: folder + "/README.md", atomically: false, encoding: .utf8)
    #expect(try ledger.list().map(\.incident.id) == ["A", "B"])
    #expect(throws: LedgerError.notFound(id: "C", folder: folder)) { try ledger.load(id: "C") }
    #expect(throws: LedgerError.invalidID("../x")) { try ledger.load(id: "../x") }
  }

  @Test func defaultFolderFollowsEnvironment() {
    #expect(LedgerFolder.defaultPath(environment: ["SPENDTOP_LEDGER": "/l", "XDG_DATA_HOME": "/d"]) == "/l")
    #expect(
      LedgerFolder.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/spendtop/ledger")
    #expect(LedgerFolder.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/spendtop/ledger")
    #expect(LedgerFolder.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/spendtop/ledger")
  }
}

import Dashboard
import Foundation
import IncidentLedger
import Testing

/// `x` writes the postmortem of the dashboard's copy of the incident; when the ledger file cannot
/// be read any more, or holds something else, the status bar says the document is that copy (QA:
/// it said only `wrote …md`).
@Suite struct ExportMessageTests {
  static let id = "INC-2026-10-bill-spike"

  /// A copy of the sample incident in a fresh folder, and the incident as loaded from it.
  func folder() throws -> (LedgerFolder, Incident) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("spendtop-export-message-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: SampleBills.root.path + "/sample-bills/ledger/\(Self.id).toml",
      toPath: directory + "/\(Self.id).toml")
    let folder = LedgerFolder(path: directory)
    return (folder, try folder.load(id: Self.id).incident)
  }

  @Test func aFileThatCannotBeReadIsNamedAfterTheExport() throws {
    let (folder, copy) = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder.path) }
    #expect(ExportMessage.text(wrote: "/tmp/x.md", from: copy, in: folder) == .done("wrote /tmp/x.md"))
    let file = folder.filePath(of: Self.id)
    let handle = try #require(FileHandle(forWritingAtPath: file))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("title = = broken\n".utf8))
    try handle.close()
    guard case .warning(let text) = ExportMessage.text(wrote: "/tmp/x.md", from: copy, in: folder) else {
      Issue.record("an unreadable file is a warning")
      return
    }
    #expect(
      text.hasPrefix("wrote /tmp/x.md from the copy in memory: the ledger file could not be read: \(file):"))
  }

  @Test func aFileChangedSinceItWasLoadedIsNamedAfterTheExport() throws {
    let (folder, copy) = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder.path) }
    let stored = try folder.load(id: Self.id)
    var changed = stored.incident
    changed.costLines.remove(at: 1)
    try folder.save(changed, over: stored)
    #expect(
      ExportMessage.text(wrote: "/tmp/x.md", from: copy, in: folder)
        == .warning(
          "wrote /tmp/x.md from the copy in memory: the ledger file changed since it was loaded "
            + "(reopen the dashboard to export it as it is)"))
  }
}

import Foundation
import Testing

/// `spendtop ledger edit ID` in an editor: a failing editor or an invalid edit saves nothing and
/// says so with the documented exit code.
@Suite struct LedgerEditCommandTests {
  private static let sample = TestPaths.packageRoot + "/sample-bills/ledger/INC-2026-10-bill-spike.toml"
  private static let id = "INC-2026-10-bill-spike"

  /// A ledger folder holding a copy of the sample incident, and its environment.
  private static func ledger() throws -> (directory: TemporaryDirectory, file: String) {
    let directory = try TemporaryDirectory()
    let file = directory.file(id + ".toml")
    try FileManager.default.copyItem(atPath: sample, toPath: file)
    return (directory, file)
  }

  @Test func anEditorThatIsNotFoundIsAnErrorNotNoChanges() throws {
    let (directory, file) = try Self.ledger()
    defer { directory.remove() }
    let before = try String(contentsOfFile: file, encoding: .utf8)
    let output = try Spendtop.run(
      ["ledger", "edit", Self.id, "--ledger", directory.path],
      environment: ["EDITOR": "nonexistent-editor-\(getpid())", "VISUAL": ""])
    #expect(output.status == 74)
    #expect(!output.stdout.contains("no changes"))
    #expect(output.stderr.contains("exited with status 127; nothing saved"))
    #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
  }

  @Test func anEditorThatFailsAfterEditingSavesNothing() throws {
    let (directory, file) = try Self.ledger()
    defer { directory.remove() }
    let before = try String(contentsOfFile: file, encoding: .utf8)
    // Changes the title, then exits 1 (as vim's :cq does).
    let output = try Spendtop.run(
      ["ledger", "edit", Self.id, "--ledger", directory.path],
      environment: ["EDITOR": "f() { sed -i 's/^title = .*/title = \"x\"/' \"$1\"; exit 1; }; f", "VISUAL": ""])
    #expect(output.status == 74)
    #expect(output.stderr.contains("exited with status 1; nothing saved (the edited copy is kept in"))
    #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
  }

  @Test func anInvalidEditedFileExits65AndKeepsTheCopy() throws {
    let (directory, file) = try Self.ledger()
    defer { directory.remove() }
    let before = try String(contentsOfFile: file, encoding: .utf8)
    let output = try Spendtop.run(
      ["ledger", "edit", Self.id, "--ledger", directory.path],
      environment: ["EDITOR": "sed -i '$a peple = 3'", "VISUAL": ""])
    #expect(output.status == 65)
    #expect(output.stderr.contains("unknown key \"peple\""))
    let kept = try #require(output.stderr.split(separator: "\n").first { $0.contains("your edit is kept in") })
    let copy = String(kept.split(separator: " ").first { $0.hasSuffix(".toml;") }?.dropLast() ?? "")
    #expect(FileManager.default.fileExists(atPath: copy))
    try? FileManager.default.removeItem(atPath: copy)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
  }

  @Test func aFileChangedWhileEditingExits75AndSaysWhereTheEditIsAfterTheMessage() throws {
    let (directory, file) = try Self.ledger()
    defer { directory.remove() }
    // Edits the copy, and meanwhile someone else changes the incident's file.
    let editor = "f() { sed -i 's/^title = .*/title = \"x\"/' \"$1\"; echo '# touched' >> '\(file)'; }; f"
    let output = try Spendtop.run(
      ["ledger", "edit", Self.id, "--ledger", directory.path], environment: ["EDITOR": editor, "VISUAL": ""])
    #expect(output.status == 75)
    let lines = output.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(output.stderr)")
    #expect(lines.first?.hasPrefix("spendtop: \(file) changed on disk since it was read") == true)
    #expect(lines.last?.hasPrefix("your edit is kept in ") == true)
    let copy = String(lines.last?.split(separator: " ").first { $0.hasSuffix(".toml;") }?.dropLast() ?? "")
    #expect(FileManager.default.fileExists(atPath: copy))
    try? FileManager.default.removeItem(atPath: copy)
  }
}

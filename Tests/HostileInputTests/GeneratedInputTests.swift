import Foundation
import Testing

/// Broken inputs too large to commit or that cannot live in git (FIFOs, dangling links), made in
/// a scratch folder at run time and run through the real `spendtop cube` binary.
@Suite(.timeLimit(.minutes(5)))
struct GeneratedInputTests {
  static let header =
    "identity/LineItemId,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,"
    + "lineItem/ProductCode,lineItem/UnblendedCost,lineItem/CurrencyCode\n"
  static let goodRow = "id1,111122223333,Usage,2026-08-01T00:00:00Z,AmazonEC2,1.25,USD\n"
  static let twentyMB = 20 << 20

  @Test func aTwentyMegabyteFieldInAColumnNotReadIsFine() throws {
    let scratch = try ScratchDirectory("20mb-id")
    defer { scratch.remove() }
    let huge = String(repeating: "x", count: Self.twentyMB)
    try scratch.write(
      "big.csv", Self.header + "\"\(huge)\",111122223333,Usage,2026-08-01T00:00:00Z,AmazonS3,2.5,USD\n" + Self.goodRow)
    let outcome = try SpendtopProcess.run(["cube", "big.csv", "--by", "service"], in: scratch.path)
    #expect(!outcome.timedOut)
    #expect(outcome.status == 0)
    #expect(outcome.stdout == "service,cost\nAmazonEC2,1.250000\nAmazonS3,2.500000\n")
    #expect(outcome.stderr == "")
  }

  @Test func aTwentyMegabyteCostFieldIsQuotedShortly() throws {
    let scratch = try ScratchDirectory("20mb-cost")
    defer { scratch.remove() }
    let huge = String(repeating: "9", count: Self.twentyMB - 1) + "x"
    try scratch.write("big.csv", Self.header + Self.goodRow + "id2,1,Usage,2026-08-01T00:00:00Z,AmazonS3,\(huge),USD\n")
    let outcome = try SpendtopProcess.run(["cube", "big.csv", "--by", "service"], in: scratch.path)
    #expect(!outcome.timedOut)
    #expect(outcome.status == 65)
    let quoted = String(repeating: "9", count: 60) + "…"
    #expect(
      outcome.stderr
        == "spendtop: big.csv:3:6: column lineItem/UnblendedCost: expected a decimal amount, found \"\(quoted)\"\n")
    #expect(outcome.stdout == "")
  }

  @Test func aHeaderOfAMillionColumnsIsRefusedAtItsLine() throws {
    let scratch = try ScratchDirectory("wide")
    defer { scratch.remove() }
    try scratch.write("wide.csv", "lineItem/UsageStartDate,lineItem/UnblendedCost" + String(repeating: ",x", count: 1_000_000) + "\n")
    let outcome = try SpendtopProcess.run(["cube", "wide.csv", "--by", "service"], in: scratch.path)
    #expect(!outcome.timedOut)
    #expect(outcome.status == 65)
    #expect(
      outcome.stderr
        == "spendtop: wide.csv:1: a record of more than 65536 fields; expected a billing export (hundreds of columns at most)\n")
  }

  /// Files and folders without read permission, read as a user they are closed to: as root
  /// (where permissions do not apply) through `setpriv` as `nobody`, with a copy of the binary
  /// that user may run.
  @Test func filesAndFoldersWithoutReadPermissionAreNamed() throws {
    let scratch = try ScratchDirectory("permissions")
    defer {
      _ = chmod(scratch.path + "/closed-folder", 0o700)
      _ = chmod(scratch.path + "/bills/closed-sub", 0o700)
      scratch.remove()
    }
    try scratch.write("closed.csv", Self.header + Self.goodRow)
    try scratch.write("closed-folder/a.csv", Self.header + Self.goodRow)
    try scratch.write("bills/a.csv", Self.header + Self.goodRow)
    try scratch.write("bills/closed-sub/b.csv", Self.header + Self.goodRow)
    #expect(chmod(scratch.path + "/closed.csv", 0) == 0)
    #expect(chmod(scratch.path + "/closed-folder", 0) == 0)
    #expect(chmod(scratch.path + "/bills/closed-sub", 0) == 0)
    #expect(chmod(scratch.path, 0o755) == 0)
    var launcher = [SpendtopProcess.binary]
    if getuid() == 0 {
      let copy = scratch.path + "/spendtop"
      try Self.copyClosingOnExec(SpendtopProcess.binary, to: copy)
      launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", copy]
    }
    let expected = [
      "closed.csv": "closed.csv: cannot open: Permission denied",
      "closed-folder": "closed-folder: cannot list the folder: Permission denied",
      "bills": "bills/closed-sub: cannot list the folder: Permission denied",
    ]
    for (path, message) in expected {
      // The copied binary can still be "Text file busy" for an instant if a process spawned by
      // another test forked while the copy was being written; exec again, as Go's os/exec does.
      var outcome = try SpendtopProcess.run(["cube", path, "--by", "service"], in: scratch.path, launcher: launcher)
      for _ in 0..<20 where outcome.status == 126 && outcome.stderr.contains("Text file busy") {
        outcome = try SpendtopProcess.run(["cube", path, "--by", "service"], in: scratch.path, launcher: launcher)
      }
      #expect(outcome.status == 66)
      #expect(outcome.stderr == "spendtop: \(message)\n")
      #expect(outcome.stdout == "")
    }
  }

  @Test func aFIFOGivenByNameIsRefusedWithoutHanging() throws {
    let scratch = try ScratchDirectory("fifo")
    defer { scratch.remove() }
    #expect(mkfifo(scratch.path + "/bill.csv", 0o600) == 0)
    let outcome = try SpendtopProcess.run(["cube", "bill.csv", "--by", "service"], in: scratch.path)
    #expect(!outcome.timedOut)
    #expect(outcome.status == 66)
    #expect(
      outcome.stderr
        == "spendtop: bill.csv: a FIFO (named pipe), not a regular file or folder; expected a bill, manifest or folder\n")
  }

  @Test func aFIFONamedLikeABillInAFolderIsAnErrorNotSkipped() throws {
    let scratch = try ScratchDirectory("fifo-folder")
    defer { scratch.remove() }
    try scratch.write("bills/a.csv", Self.header + Self.goodRow)
    #expect(mkfifo(scratch.path + "/bills/b.csv", 0o600) == 0)
    let outcome = try SpendtopProcess.run(["cube", "bills", "--by", "service"], in: scratch.path)
    #expect(!outcome.timedOut)
    #expect(outcome.status == 66)
    #expect(outcome.stderr == "spendtop: bills/b.csv: a FIFO (named pipe), not a regular file; expected a bill file\n")
    #expect(outcome.stdout == "")
  }

  @Test func aDanglingLinkNamedLikeABillInAFolderIsAnError() throws {
    let scratch = try ScratchDirectory("dangling")
    defer { scratch.remove() }
    try scratch.write("bills/a.csv", Self.header + Self.goodRow)
    #expect(symlink(scratch.path + "/gone.csv", scratch.path + "/bills/b.csv") == 0)
    let outcome = try SpendtopProcess.run(["cube", "bills", "--by", "service"], in: scratch.path)
    #expect(outcome.status == 66)
    #expect(outcome.stderr == "spendtop: bills/b.csv: cannot open: a symbolic link to nothing\n")
  }

  @Test func anAbsoluteManifestKeyNeverReadsTheFileItNames() throws {
    let scratch = try ScratchDirectory("absolute")
    defer { scratch.remove() }
    let outside = try scratch.write("outside/secret.csv", Self.header + Self.goodRow)
    try scratch.write("report/report-Manifest.json", "{\"assemblyId\": \"a\", \"reportKeys\": [\"\(outside)\"]}")
    let outcome = try SpendtopProcess.run(["cube", "report", "--by", "service"], in: scratch.path)
    #expect(outcome.status == 65)
    #expect(
      outcome.stderr
        == "spendtop: report/report-Manifest.json: lists part \(outside), which is missing; expected a file at "
        + "report/secret.csv\n")
    #expect(outcome.stdout == "")
  }

  /// Copies an executable with its write descriptor closed on exec, so that processes other tests
  /// spawn meanwhile do not keep it open (which makes executing the copy fail: "Text file busy").
  private static func copyClosingOnExec(_ source: String, to destination: String) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
    let descriptor = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    #expect(written == bytes.count)
  }
}

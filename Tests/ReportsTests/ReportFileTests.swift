import Reports
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Atomic writes of report files.
@Suite struct ReportFileTests {
  private func scratch(_ name: String) -> String {
    let folder = "/tmp/spendtop-report-tests-\(getpid())-\(name)"
    mkdir(folder, 0o755)
    return folder
  }

  @Test("writing replaces the file whole and leaves no temporary file")
  func replaces() throws {
    let folder = scratch("replace")
    let path = folder + "/weekly.md"
    try ReportFile.writeAtomically("old\n", to: path)
    try ReportFile.writeAtomically("new report\n", to: path)
    #expect(try ReportFile.read(path) == "new report\n")
    #expect(access(path + ".tmp-\(getpid())", F_OK) != 0)
    unlink(path)
    rmdir(folder)
  }

  @Test("a write that cannot happen throws and leaves the old file as it was")
  func failureKeepsOldFile() throws {
    let folder = scratch("fail")
    let path = folder + "/weekly.md"
    try ReportFile.writeAtomically("old\n", to: path)
    chmod(folder, 0o555)  // no new files in the folder
    defer {
      chmod(folder, 0o755)
      unlink(path)
      rmdir(folder)
    }
    if geteuid() == 0 {
      // root ignores folder permissions; a missing folder fails for everyone.
      #expect(throws: ReportError.self) {
        try ReportFile.writeAtomically("x", to: folder + "/missing/weekly.md")
      }
    } else {
      #expect(throws: ReportError.self) { try ReportFile.writeAtomically("new\n", to: path) }
    }
    #expect(try ReportFile.read(path) == "old\n")
  }

  @Test("reading a missing file names it")
  func missing() {
    #expect(throws: ReportError.unreadable(path: "/nonexistent/x.json", reason: "No such file or directory"))
    {
      try ReportFile.read("/nonexistent/x.json")
    }
  }
}

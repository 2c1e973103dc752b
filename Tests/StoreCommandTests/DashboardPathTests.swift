import Foundation
import Testing

/// The dashboard on bills it cannot find stops as `cube` does, before any terminal is needed:
/// 65 for a folder with no bills, 66 for a missing path (it opened an empty UI and exited 0).
@Suite struct DashboardPathTests {
  @Test func aFolderWithNoBillsExits65LikeCube() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let dashboard = try Spendtop.run([folder.path])
    let cube = try Spendtop.run(["cube", folder.path, "--by", "service"])
    #expect(cube.status == 65)
    #expect(dashboard.status == 65)
    #expect(dashboard.stderr == cube.stderr, "\(dashboard.stderr)")
    #expect(dashboard.stderr.contains("no billing exports found"))
  }

  @Test func aMissingPathExits66() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let output = try Spendtop.run([folder.file("nothing-here")])
    #expect(output.status == 66)
    #expect(output.stderr.contains("no such file or folder"))
  }
}

import Foundation
import Testing

/// `spendtop info` lists only usable themes as found, and a broken one apart with its error.
@Suite struct InfoThemesTests {
  @Test func aBrokenUserThemeIsListedApartWithItsError() throws {
    let config = try TemporaryDirectory()
    defer { config.remove() }
    let themes = config.file("spendtop/themes")
    try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
    try "base = \"nope\"\n".write(toFile: themes + "/badbase.toml", atomically: true, encoding: .utf8)
    try "base = \"light\"\n".write(toFile: themes + "/zinc.toml", atomically: true, encoding: .utf8)
    let output = try Spendtop.run(["info"], environment: ["XDG_CONFIG_HOME": config.path])
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("themes found dark, high-contrast, light, mono, zinc"), "\(lines)")
    let broken = lines.filter { $0.hasPrefix("broken theme ") }
    #expect(broken.count == 1)
    let said = "broken theme badbase: theme nope: no such theme (base of badbase)"
    #expect(broken.first?.hasPrefix(said) == true)
  }
}

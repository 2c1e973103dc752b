import Dashboard
import Foundation
import Testing

/// Themes: built-ins in sync with `themes/`, inheritance, colour mapping, errors with lines.
@Suite struct ThemeTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func builtinThemesMatchTheThemeFiles() throws {
    let folder = ThemeTests.root.appendingPathComponent("themes")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".toml")
    }.sorted()
    let catalog = ThemeCatalog()
    #expect(catalog.names == files.map { String($0.dropLast(5)) }, "run scripts/generate-builtin-themes.sh")
    let generated = try String(
      contentsOf: ThemeTests.root.appendingPathComponent("Sources/Dashboard/Theme/BuiltinThemes.swift"),
      encoding: .utf8)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let indented = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        .map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
      #expect(
        generated.contains(indented),
        "BuiltinThemes.swift is stale for \(file): run scripts/generate-builtin-themes.sh")
    }
  }

  @Test(arguments: ["dark", "light", "high-contrast", "mono"])
  func everyBuiltinThemeIsComplete(_ name: String) throws {
    let theme = try ThemeCatalog().theme(named: name)
    #expect(theme.styles.count == StyleRole.allCases.count)
  }

  @Test func darkAndLightRenderDifferently() {
    let dark = Harness(theme: "dark").render()
    let light = Harness(theme: "light").render()
    #expect(dark.lines == light.lines)
    #expect(dark != light)
    #expect(Snapshot.text(of: dark) != Snapshot.text(of: light))
  }

  @Test func userThemesOverridePartsOfABase() throws {
    let user = ThemeCatalog.Source(
      name: "mine", origin: "/x/mine.toml",
      text: """
        base = "light"
        [styles]
        selection = "black on orange bold"
        """)
    let catalog = ThemeCatalog(user: [user])
    let mine = try catalog.theme(named: "mine")
    let light = try catalog.theme(named: "light")
    #expect(mine[.selection] == Style(foreground: .indexed(0), background: .indexed(208), attributes: .bold))
    #expect(mine[.text] == light[.text])
    #expect(mine.heat == light.heat)
  }

  @Test func badThemesNameTheLine() {
    let bad = ThemeCatalog.Source(
      name: "bad", origin: "/x/bad.toml", text: "[styles]\ntext = \"#d0d0d0\"\nmuted = \"#12345\"\n")
    #expect(
      throws: ThemeError(
        file: "/x/bad.toml", line: 3,
        message: "muted: '#12345' is not a colour (name, #rrggbb, 0-255, default) or attribute")
    ) {
      try ThemeCatalog(user: [bad]).theme(named: "bad")
    }
    let role = ThemeCatalog.Source(
      name: "role", origin: "/x/role.toml", text: "\n[styles]\nbogus = \"red\"\n")
    #expect(throws: ThemeError.self) { try ThemeCatalog(user: [role]).theme(named: "role") }
    let cycle = [
      ThemeCatalog.Source(name: "a", origin: "/x/a.toml", text: "base = \"b\""),
      ThemeCatalog.Source(name: "b", origin: "/x/b.toml", text: "base = \"a\""),
    ]
    #expect(throws: ThemeError(file: "/x/a.toml", line: 0, message: "base themes form a cycle through a")) {
      try ThemeCatalog(user: cycle).theme(named: "a")
    }
  }

  @Test func coloursMapToTheNearestTheTerminalHas() {
    #expect(Color.rgb(255, 0, 0).resolved(for: .ansi256) == .indexed(196))
    #expect(Color.rgb(255, 0, 0).resolved(for: .ansi16) == .indexed(9))
    #expect(Color.rgb(0x5f, 0xaf, 0xd7).resolved(for: .ansi256) == .indexed(74))
    #expect(Color.indexed(196).resolved(for: .ansi16) == .indexed(9))
    #expect(Color.rgb(1, 2, 3).resolved(for: .monochrome) == .terminalDefault)
    let selection = Style(foreground: .indexed(15), background: .indexed(24), attributes: .bold)
    #expect(selection.resolved(for: .monochrome) == Style(attributes: [.bold, .reverse]))
  }

  @Test func noColorAndDumbTerminalsGetMonochrome() {
    #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .monochrome)
    #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": ""]) == .ansi256)
    #expect(ColorDepth.detect(colors: 8, environment: ["TERM": "dumb"]) == .monochrome)
    #expect(ColorDepth.detect(colors: 8, environment: [:]) == .ansi16)
  }

  @Test func heatGradientRunsFromCheapToExpensive() throws {
    let dark = try ThemeCatalog().theme(named: "dark")
    #expect(dark.heatColor(0) == .rgb(0x5f, 0xaf, 0x5f))
    #expect(dark.heatColor(1) == .rgb(0xff, 0x5f, 0x5f))
    #expect(dark.heatColor(0.5) == .rgb(0xd7, 0xaf, 0x00))
  }

  @Test func themesSwitchAtRuntime() {
    var harness = Harness()
    harness.press("T")
    #expect(harness.state.theme.name == "high-contrast")
    harness.press(":theme nosuch<Enter>")
    #expect(harness.state.message?.isError == true)
    #expect(harness.state.theme.name == "high-contrast")
  }
}

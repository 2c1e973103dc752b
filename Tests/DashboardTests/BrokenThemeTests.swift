import Dashboard
import Testing

/// A broken user theme does not stop `T`: it is skipped (said once, with why), and it is not
/// among the usable themes (QA: every further `T` repeated the error).
@Suite struct BrokenThemeTests {
  /// The built-ins plus `badbase` (its base does not exist) and `zinc` (fine).
  static func catalog() -> ThemeCatalog {
    ThemeCatalog(user: [
      ThemeCatalog.Source(name: "badbase", origin: "/t/badbase.toml", text: "base = \"nope\"\n"),
      ThemeCatalog.Source(name: "zinc", origin: "/t/zinc.toml", text: "base = \"light\"\n"),
    ])
  }

  @Test func cyclingSkipsABrokenThemeSaysSoOnceAndGoesOn() {
    var harness = Harness()
    harness.state.themes = BrokenThemeTests.catalog()
    var seen: [String] = []
    for _ in 0..<6 {
      harness.press("T")
      seen.append(harness.state.theme.name)
    }
    // dark → high-contrast, light, mono, (badbase skipped) zinc, dark, high-contrast.
    #expect(seen == ["high-contrast", "light", "mono", "zinc", "dark", "high-contrast"])
    for _ in 0..<3 { harness.press("T") }
    #expect(harness.state.theme.name == "zinc")
    #expect(harness.state.message?.text == "theme zinc")
  }

  @Test func theSkipIsSaidOnceWithTheReason() {
    var harness = Harness()
    harness.state.themes = BrokenThemeTests.catalog()
    harness.press("TTTT")
    let message = harness.state.message
    let said = "theme zinc (skipped broken theme badbase: theme nope: no such theme"
    #expect(message?.text.hasPrefix(said) == true)
    #expect(message?.isError == true)
  }

  @Test func brokenThemesAreListedApartFromUsableOnes() {
    let catalog = BrokenThemeTests.catalog()
    #expect(catalog.usableNames == ["dark", "high-contrast", "light", "mono", "zinc"])
    #expect(catalog.brokenThemes.map(\.name) == ["badbase"])
    let why = catalog.brokenThemes.first?.error.description ?? ""
    #expect(why.hasPrefix("theme nope: no such theme (base of badbase)"))
  }
}

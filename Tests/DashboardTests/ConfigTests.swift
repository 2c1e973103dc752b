import Dashboard
import SpendModel
import SpikeDetector
import Testing

/// The config file's validation (its TOML is read by `SpendFormats`).
@Suite struct ConfigTests {
  @Test func readsEverySetting() throws {
    let config = try DashboardConfig(
      parsing: """
        # spendtop settings
        theme = "light"
        mouse = true

        [thresholds]
        anomaly-min-impact = 25
        anomaly-min-percent = 10.5
        monthly-budget = 5_000

        [aliases]
        "111122223333" = "prod"
        444455556666 = 'staging'
        """, file: "config.toml")
    #expect(config.theme == "light")
    #expect(config.mouse)
    #expect(config.anomalyMinimumImpact == Money(whole: 25))
    #expect(config.anomalyMinimumPercent == 10.5)
    #expect(config.monthlyBudget == Money(whole: 5_000))
    #expect(config.accountAliases == ["111122223333": "prod", "444455556666": "staging"])
  }

  @Test(arguments: [
    ("mouse = \"yes\"", 1, "mouse must be true or false"),
    ("\n\ntheme = dark", 3, "\"dark\" is not a value (strings need quotes)"),
    ("[thresholds]\nanomaly-min-impact = -5", 2, "anomaly-min-impact must be a number ≥ 0"),
    (
      "[thresholds]\nbudget = 5", 2,
      "unknown threshold 'budget' (expected anomaly-min-impact, anomaly-min-percent, monthly-budget)"
    ),
    ("colour = 1", 1, "unknown key 'colour' (expected theme, mouse, [thresholds], [aliases])"),
    ("[keys]", 1, "unknown table [keys] (expected [thresholds], [aliases])"),
    ("theme = \"a\"\ntheme = \"b\"", 2, "key \"theme\" is defined twice"),
    ("theme = { name = \"a\" }", 1, "inline tables are not supported; use a [table] header"),
    ("theme = \"open", 1, "the string is not closed with \" on this line"),
  ])
  func errorsNameTheLine(_ example: (text: String, line: Int, message: String)) {
    #expect(throws: ConfigError(file: "c.toml", line: example.line, message: example.message)) {
      try DashboardConfig(parsing: example.text, file: "c.toml")
    }
  }

  @Test func thresholdsAreTheDetectorsPerDayGates() throws {
    let config = try DashboardConfig(
      parsing: "[thresholds]\nanomaly-min-impact = 400\nanomaly-min-percent = 50\n", file: "config.toml")
    #expect(config.detectorSettings.minImpact == Money(whole: 400))
    #expect(config.detectorSettings.minPercent == 50)
    #expect(DashboardConfig().detectorSettings == DetectorSettings())
    // The dashboard lists what `detect --min-impact 400 --min-percent 50` lists on the same bills.
    let cube = try #require(SampleBills.incident).cube
    let listed = AnomalyItems.detect(in: cube, settings: config.detectorSettings).items.map(\.impact)
    let detected = try SpendDetector(settings: config.detectorSettings).detect(cube).anomalies.map(\.impact)
    #expect(listed == detected)
    let byDefault = AnomalyItems.detect(in: cube).items
    #expect(!listed.isEmpty && listed.count < byDefault.count)
  }
}

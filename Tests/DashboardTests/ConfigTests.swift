import Dashboard
import SpendModel
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

  @Test func thresholdsHideSmallAnomalies() {
    var config = DashboardConfig()
    config.anomalyMinimumImpact = Money(whole: 10_000)
    let harness = Harness(config: config)
    let shown = harness.state.data.anomalies.filter { config.shows($0) }.map(\.id)
    #expect(shown == ["a-lambda", "a-transfer"])
  }
}

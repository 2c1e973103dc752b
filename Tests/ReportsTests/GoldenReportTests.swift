import Reports
import SpendModel
import Testing

/// Golden files of whole reports on the sample bills (`__Snapshots__`). Re-record after an
/// intended change with `RECORD_SNAPSHOTS=1 swift test --filter ReportsTests` and review the diff.
@Suite struct GoldenReportTests {
  private func weekly(_ dataset: String, _ end: String) throws -> WeeklyReport {
    let cube = try SampleBills.cube(dataset)
    var report = try WeeklyReport(cube: cube, options: WeeklyOptions(end: Day(iso: end)))
    report.addAnomalies(from: cube)
    return report
  }

  @Test("markdown: incident-127k, the first full incident week")
  func incidentMarkdown() throws {
    try Golden.check(
      WeeklyMarkdown(report: try weekly("incident-127k", "2026-10-11")).render(),
      named: "weekly-incident-127k-2026-10-11.md")
  }

  @Test("markdown: quiet-quarter, the new region's first week")
  func newRegionMarkdown() throws {
    try Golden.check(
      WeeklyMarkdown(report: try weekly("quiet-quarter", "2026-09-21")).render(),
      named: "weekly-quiet-quarter-2026-09-21.md")
  }

  @Test("text: quiet-quarter, the ramp's last week")
  func rampText() throws {
    try Golden.check(
      WeeklyText(report: try weekly("quiet-quarter", "2026-10-31")).render(),
      named: "weekly-quiet-quarter-2026-10-31.txt")
  }

  @Test("markdown and text: October against September by service, top 8")
  func compareMarkdown() throws {
    let cube = try SampleBills.cube("incident-127k")
    let october = try SpendSnapshot(
      cube: cube, period: try #require(ReportPeriod(parsing: "2026-10-01..2026-10-31")),
      dimensions: [.service])
    let september = try SpendSnapshot(
      cube: cube, period: try #require(ReportPeriod(parsing: "2026-09-01..2026-09-30")),
      dimensions: [.service])
    let renderer = ComparisonRenderer(
      comparison: try PeriodComparison(current: october, against: september), limit: 8)
    try Golden.check(renderer.markdown(), named: "compare-incident-127k-oct-sep.md")
    try Golden.check(renderer.text(), named: "compare-incident-127k-oct-sep.txt")
  }
}

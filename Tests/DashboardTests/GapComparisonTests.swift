import Dashboard
import Foundation
import SpendModel
import Testing

/// A month with no rows at all (forgotten, or never imported) is a gap, not $0: the dashboard
/// names it in its notes and compares nothing with it; a first month's rows show no change.
@Suite struct GapComparisonTests {
  static let september = Month(year: 2026, month: 9)

  /// The sample bills without September, as a store reads after `spendtop forget 2026-09`.
  static func harness() throws -> Harness {
    let full: DashboardData = try #require(SampleBills.incident)
    let cube = Cube(rows: full.cube.rows.filter { $0.key.day.month != september })
    return Harness(size: Size(width: 120, height: 40), data: DashboardData(cube: cube, sources: full.sources))
  }

  @Test func theGapIsNamedInTheNotes() throws {
    let data = try GapComparisonTests.harness().state.data
    #expect(data.gaps == [Self.september.firstDay...Self.september.lastDay])
    #expect(
      data.notes.first
        == "no data at all for 2026-09-01 … 2026-09-30 (not imported, or forgotten): a gap, not $0")
  }

  @Test func theMonthAfterAGapIsNotComparedWithZero() throws {
    var harness = try GapComparisonTests.harness()
    harness.press("<")
    let overview = harness.render().lines
    #expect(overview[1].contains("Oct 2026  $51,091.67  no data for Sep"), "\(overview[1])")
    #expect(!overview.joined().contains("(new)"))
    #expect(!overview.joined().contains(" new "), "no mover reads new")
    #expect(overview.contains { $0.contains("Top movers (no data for Sep)") })
    harness.press("2")
    let explorer = harness.render().lines
    #expect(explorer[2].contains("Oct 2026  $51,091.67  no data for Sep · 7 of 7 rows"), "\(explorer[2])")
    #expect(!explorer.joined().contains("new"))
  }

  @Test func theGapMonthItselfReadsAsAGap() throws {
    var harness = try GapComparisonTests.harness()
    harness.press("<<")
    let line = harness.render().lines[1]
    #expect(line.contains("Sep 2026  –  no data for Sep 2026: a gap, not $0"), "\(line)")
    #expect(!line.contains("-100.0%"))
    harness.press("2")
    let explorer = harness.render().lines.joined(separator: "\n")
    #expect(explorer.contains("–  no data for Sep 2026: a gap, not $0"), "\(explorer)")
  }

  @Test func aFirstMonthsRowsShowNoChange() throws {
    var harness = try QAMinorTests.harness()
    harness.press("<<<")
    let movers = harness.render().lines.filter { $0.contains("Lambda · Lambda-GB-Second") }
    #expect(movers.count == 1)
    #expect(movers.allSatisfy { $0.contains("–") && !$0.contains("new") && !$0.contains("+$") }, "\(movers)")
    harness.press("2")
    let rows = harness.render().lines.filter { $0.contains("AmazonEC2") }
    #expect(rows.count == 1)
    #expect(rows.allSatisfy { $0.contains("–") && !$0.contains("new") && !$0.contains("+$") }, "\(rows)")
  }
}

import Dashboard
import SpendModel
import Testing

/// Screen, widgets and the frame diff.
@Suite struct RenderTests {
  @Test func wideCharactersTakeTwoCellsAndAreClipped() {
    var screen = Screen(size: Size(width: 6, height: 1))
    let end = screen.put("東京x", x: 0, y: 0, style: .plain)
    #expect(end == 5)
    #expect(screen.lines == ["東京x "])
    #expect(screen[1, 0].width == 0)
    var narrow = Screen(size: Size(width: 3, height: 1))
    narrow.put("東京", x: 0, y: 0, style: .plain)
    #expect(narrow.lines == ["東 "])
  }

  @Test func truncationKeepsTheEndWhenAsked() {
    #expect(TextWidth.truncate("AmazonElastiCache", to: 8) == "AmazonE…")
    #expect(TextWidth.truncateMiddle("USE1-NodeUsage:cache.r6g.xlarge", to: 20) == "USE1-Node…r6g.xlarge")
    #expect(TextWidth.truncateMiddle("short", to: 20) == "short")
  }

  @Test func sparklineScalesToTheLargestValue() {
    var screen = Screen(size: Size(width: 8, height: 1))
    Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7], style: .plain).render(into: &screen, in: screen.bounds)
    #expect(screen.lines == [" ▂▃▄▅▆▇█"])
    #expect(Sparkline.resample([1, 3, 5, 7], to: 2) == [2, 6])
  }

  @Test func shareBarUsesEighths() {
    var screen = Screen(size: Size(width: 4, height: 1))
    ShareBar(fraction: 0.5 + 1 / 32, fill: .plain, empty: .plain).render(into: &screen, in: screen.bounds)
    #expect(screen.lines == ["██▏·"])
  }

  @Test func tableLaysOutFixedAndFlexibleColumnsAndScrolls() {
    let table = Table(
      columns: [
        Table.Column("Name", .flexible(weight: 1, minimum: 4)),
        Table.Column("Cost", .fixed(5), alignRight: true),
      ],
      rows: (1...5).map { [.text("row\($0)"), .text("$\($0)")] }, selected: 4, header: .plain, body: .plain,
      selection: Style(attributes: .reverse), barEmpty: .plain)
    #expect(table.layout(width: 14) == [8, 5])
    var screen = Screen(size: Size(width: 14, height: 3))
    table.render(into: &screen, in: screen.bounds)
    #expect(screen.lines == ["Name      Cost", "row4        $4", "row5        $5"])
    #expect(screen[0, 2].style.attributes.contains(.reverse))
  }

  @Test func breadcrumbsDropTheOldestStepsWhenNarrow() {
    var screen = Screen(size: Size(width: 24, height: 1))
    Breadcrumbs(steps: ["All", "AmazonElastiCache", "USE1-NodeUsage"], style: .plain, current: .plain)
      .render(into: &screen, in: screen.bounds)
    #expect(screen.lines == ["… › USE1-NodeUsage      "])
  }

  @Test func diffWritesOnlyChangedCells() {
    var before = Harness()
    before.press("2")
    var after = before
    after.press("j")
    let diff = ScreenDiff(from: before.render(), to: after.render())
    #expect(!diff.isFull)
    #expect(Set(diff.runs.map(\.y)) == [4, 5])
    let full = ScreenDiff(from: nil, to: after.render())
    #expect(full.isFull)
    #expect(full.runs.map(\.text.count).reduce(0, +) >= 80 * 24 - 40)
  }

  @Test func resizeRedrawsAtTheNewSize() {
    var harness = Harness()
    harness.send(.resize(Size(width: 120, height: 40)))
    let screen = harness.render()
    #expect(screen.size == Size(width: 120, height: 40))
    #expect(screen.line(at: 0).contains("Nov 2026 (1–28)"))
  }
}

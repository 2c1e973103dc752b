import Dashboard
import SpendModel
import Testing

/// Multi-key bindings (`gg`) and `n` / `N` stepping through the matches of the last `/` search.
@Suite struct KeySequenceTests {
  @Test func ggGoesToTheTopAndASingleGWaits() {
    var harness = Harness()
    harness.press("2G")
    let last = harness.state.explorer.visible.count - 1
    #expect(last > 1)
    #expect(harness.state.explorer.cursor == last)
    harness.press("g")
    #expect(harness.state.explorer.cursor == last)
    #expect(harness.state.pendingKeys == [.character("g")])
    harness.press("g")
    #expect(harness.state.explorer.cursor == 0)
    #expect(harness.state.pendingKeys.isEmpty)
  }

  @Test func aBrokenSequenceRunsTheLastKeyOnItsOwn() {
    var harness = Harness()
    harness.press("2gj")
    #expect(harness.state.explorer.cursor == 1)
    #expect(harness.state.pendingKeys.isEmpty)
  }

  @Test func helpListsTheSequenceFromTheKeymap() {
    var harness = Harness(size: Size(width: 120, height: 40))
    harness.press("?")
    let screen = harness.render()
    #expect(screen.contains("gg Home"))
    #expect(screen.contains("next match of the last /"))
  }

  @Test func keymapTellsAPrefixFromABinding() {
    let keymap = Keymap.standard
    #expect(keymap.match([.character("g")], on: .explorer) == .pending)
    #expect(keymap.match([.character("g"), .character("g")], on: .explorer) == .action(.top))
    #expect(keymap.match([.character("G")], on: .explorer) == .action(.bottom))
    #expect(keymap.match([.character("g"), .character("x")], on: .explorer) == .none)
  }

  @Test func nAndNJumpBetweenMatchesOfTheLastSearch() throws {
    var harness = Harness()
    harness.press("2/^Amazon(EC2|S3)$<Enter>")
    #expect(harness.state.explorer.visible.count == 2)
    harness.press("<Esc>")  // clears the filter, the search is kept for n / N
    let breakdown = try #require(harness.state.explorer.breakdown)
    let names = harness.state.explorer.visible.map { breakdown.rows[$0].name }
    #expect(names.count > 3)
    let matches = names.indices.filter { ["AmazonEC2", "AmazonS3"].contains(names[$0]) }
    #expect(matches.count == 2)
    harness.press("n")
    #expect(harness.state.explorer.cursor == matches[0])
    harness.press("n")
    #expect(harness.state.explorer.cursor == matches[1])
    harness.press("n")
    #expect(harness.state.explorer.cursor == matches[0])
    #expect(harness.state.message?.text == "search hit bottom, continuing at top")
    harness.press("N")
    #expect(harness.state.explorer.cursor == matches[1])
  }

  @Test func nWithoutASearchOrAMatchSaysSo() {
    var harness = Harness()
    harness.press("2n")
    #expect(harness.state.explorer.cursor == 0)
    #expect(harness.state.message?.text == "no search yet: / to search")
    harness.press("3/nothing-like-this<Enter>")
    harness.press("4n")
    #expect(harness.state.message?.text == "no match for /nothing-like-this/")
  }

  @Test func theSearchCarriesIntoTheAnomalies() throws {
    var harness = Harness()
    harness.press("2/s3<Enter><Esc>3n<Enter>")
    let id = try #require(harness.state.anomalies.detail)
    let anomaly = try #require(harness.state.data.anomalies.first { $0.id == id })
    #expect(anomaly.series.contains("S3"))
  }
}

import Dashboard
import Foundation
import Testing

/// A status message longer than the bottom row wraps upward instead of being cut (QA: the triage
/// message on bill files ended in "…then open spendto…" at 120 columns).
@Suite struct LongMessageTests {
  static let triageOnFiles =
    "triage kept for this session only: the dashboard is on bill files (to keep it, "
    + "spendtop import PATH, then open spendtop on the store)"

  @Test func aLongMessageWrapsOverTheRowsAboveTheStatusBar() {
    var harness = Harness(size: Size(width: 120, height: 40))
    harness.send(.effectFailed(LongMessageTests.triageOnFiles))
    let lines = harness.render().lines
    let shown = lines.suffix(2).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(shown == LongMessageTests.triageOnFiles, "\(lines.suffix(2))")
    #expect(!lines.contains { $0.contains("…") && $0.contains("spendto") })
    // The next key clears it and the screen underneath is whole again.
    harness.press("j")
    #expect(harness.render().lines[38] == Harness(size: Size(width: 120, height: 40)).render().lines[38])
  }

  @Test func aShortMessageStaysOnTheBottomRow() {
    var harness = Harness(size: Size(width: 120, height: 40))
    let before = harness.render().lines[38]
    harness.send(.effectDone("theme light"))
    let lines = harness.render().lines
    #expect(lines[39].hasPrefix(" theme light"))
    #expect(lines[38] == before)
  }

  @Test func wrappingBreaksAtSpacesAndSplitsWordsLongerThanALine() {
    #expect(TextWidth.wrap("one two three", to: 7) == ["one two", "three"])
    #expect(TextWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    #expect(TextWidth.wrap("", to: 4) == [""])
  }
}

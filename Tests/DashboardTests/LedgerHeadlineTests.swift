import Dashboard
import SpendModel
import Testing

/// The Ledger screen's headline sums the incidents, and says so when their windows overlap.
@Suite struct LedgerHeadlineTests {
  private static func incident(_ id: String, from start: Int, to end: Int, month: Int = 10) -> IncidentItem {
    var item = IncidentFixture.incident
    item.id = id
    item.start = Day(year: 2026, month: month, day: start)
    item.end = Day(year: 2026, month: month, day: end)
    return item
  }

  @Test func overlappingWindowsAreLabelledAsASumThatCountsTwice() {
    let total = IncidentFixture.incident.total.dollars(decimals: 0)
    let twice = (IncidentFixture.incident.total + IncidentFixture.incident.total).dollars(decimals: 0)
    let overlapping = [Self.incident("INC-A", from: 3, to: 31), Self.incident("INC-B", from: 10, to: 20)]
    #expect(
      IncidentItem.headline(overlapping)
        == "2 incidents · sum \(twice) (windows overlap: shared costs count twice)")
    let apart = [Self.incident("INC-A", from: 3, to: 31), Self.incident("INC-B", from: 1, to: 5, month: 11)]
    #expect(IncidentItem.headline(apart) == "2 incidents · total \(twice)")
    #expect(IncidentItem.headline([Self.incident("INC-A", from: 3, to: 31)]) == "1 incident · total \(total)")
  }
}

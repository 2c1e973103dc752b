import Testing

@testable import SpendModel

@Suite struct DayTests {
  @Test func roundTripsCivilDates() {
    for ordinal in Int32(-1000)...Int32(40_000) {
      let day = Day(ordinal: ordinal)
      let parts = day.components
      #expect(Day(year: parts.year, month: parts.month, day: parts.day) == day)
    }
    #expect(Day(year: 1970, month: 1, day: 1).ordinal == 0)
    #expect(Day(year: 2026, month: 10, day: 3).description == "2026-10-03")
  }

  @Test func knowsWeekdaysAndMonths() {
    #expect(Day(year: 2026, month: 11, day: 29).weekday == 7)  // a Sunday
    #expect(Day(year: 2026, month: 10, day: 5).weekday == 1)  // a Monday
    #expect(Month(year: 2028, month: 2).dayCount == 29)
    #expect(Month(year: 2100, month: 2).dayCount == 28)
    #expect(Month(year: 2026, month: 12).next == Month(year: 2027, month: 1))
    #expect(Month(year: 2026, month: 10).lastDay.description == "2026-10-31")
  }

  @Test func parsesIsoDatesStrictly() {
    #expect(Day(iso: "2026-02-28")?.description == "2026-02-28")
    #expect(Day(iso: "2026-02-29") == nil)
    #expect(Day(iso: "2026-2-28") == nil)
    #expect(Month(iso: "2026-10")?.firstDay.description == "2026-10-01")
  }
}

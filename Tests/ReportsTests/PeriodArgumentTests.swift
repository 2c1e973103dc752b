import Reports
import SpendModel
import Testing

/// The command line's period forms: days, one day, a month, months.
@Suite struct PeriodArgumentTests {
  @Test("a month is the whole month, compared by default with the whole month before")
  func aMonthAgainstTheMonthBefore() throws {
    let october = try #require(PeriodArgument(parsing: "2026-10"))
    #expect(october.period.description == "2026-10-01..2026-10-31")
    #expect(october.preceding.description == "2026-09-01..2026-09-30")
    // Not the 31 days before (2026-08-31..2026-09-30): whole months, whatever their lengths.
    #expect(PeriodArgument(parsing: "2026-03")?.preceding.description == "2026-02-01..2026-02-28")
    #expect(PeriodArgument(parsing: "2026-01")?.preceding.description == "2025-12-01..2025-12-31")
  }

  @Test("months are whole months, compared with as many months just before")
  func monthsAgainstAsManyMonthsBefore() throws {
    let autumn = try #require(PeriodArgument(parsing: "2026-09..2026-11"))
    #expect(autumn.period.description == "2026-09-01..2026-11-30")
    #expect(autumn.preceding.description == "2026-06-01..2026-08-31")
    #expect(PeriodArgument(parsing: "2026-11..2026-09") == nil)
  }

  @Test("days keep their meaning: a range against as many days before, one day against the day before")
  func daysAgainstAsManyDaysBefore() throws {
    let week = try #require(PeriodArgument(parsing: "2026-10-22..2026-10-28"))
    #expect(week.months == nil)
    #expect(week.preceding.description == "2026-10-15..2026-10-21")
    let day = try #require(PeriodArgument(parsing: "2026-10-15"))
    #expect(day.period.description == "2026-10-15..2026-10-15")
    #expect(day.preceding.description == "2026-10-14..2026-10-14")
  }

  @Test(arguments: [
    "2026-13", "2026-1", "2026-10..", "2026-10-01..2026-11", "10-2026", "", "2026-10...2026-11",
  ])
  func refusesWhatIsNotAPeriod(text: String) {
    #expect(PeriodArgument(parsing: text) == nil)
  }
}

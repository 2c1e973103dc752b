import Reports
import SpendFormats
import SpendModel
import Testing

/// The weekly JSON contract: names, types, and amounts written exactly.
@Suite struct JSONContractTests {
  @Test("weekly JSON has the contract's members, amounts as exact JSON numbers")
  func weeklyContract() throws {
    let report = try WeeklyReport(
      cube: try SampleBills.cube("incident-127k"), options: WeeklyOptions(end: Day(iso: "2026-10-11")))
    let document = try JSONParser.parse(WeeklyJSON(report: report).render())
    #expect(document["period"]?["start"] == .string("2026-10-05"))
    #expect(document["period"]?["end"] == .string("2026-10-11"))
    #expect(document["total"] == .number(report.total.exactDecimal(minimumDecimals: 2)))
    #expect(document["total"] == .number("12246.687903942"))
    let previous = try #require(report.previousTotal)
    #expect(document["previousTotal"] == .number(previous.exactDecimal(minimumDecimals: 2)))
    #expect(document["fourWeekAverage"]?.numberText != nil)
    #expect(document["monthToDate"] == .number(report.forecast.monthToDate.exactDecimal(minimumDecimals: 2)))
    for key in ["monthEnd", "low", "high"] {
      #expect(document["forecast"]?[key]?.numberText != nil, "forecast.\(key)")
    }
    let movers = try #require(document["movers"]?.arrayValue)
    #expect(movers.count == report.movers.count)
    let first = try #require(movers.first)
    #expect(first["service"] == .string("AWSLambda"))
    #expect(first["usageType"] == .string("Lambda-GB-Second"))
    for key in ["current", "previous", "delta", "deltaPercent"] {
      #expect(first[key]?.numberText != nil, "\(key)")
    }
    #expect(first["deltaPercent"] == .number("2949.96"))
    #expect(document["new"]?.arrayValue != nil)
    #expect(document["stopped"]?.arrayValue != nil)
    #expect(document["basis"] == .string("unblended"))
  }

  @Test("a missing baseline is null, never zero")
  func nulls() throws {
    var builder = CubeBuilder()
    builder.daily("2026-08-01", "2026-08-10", "AmazonEC2", "BoxUsage", cents: 1000)
    builder.daily("2026-08-08", "2026-08-10", "AmazonEC2", "NewThing", cents: 1234)
    let report = try WeeklyReport(cube: builder.cube)
    let document = try JSONParser.parse(WeeklyJSON(report: report).render())
    #expect(document["fourWeekAverage"] == .null)
    #expect(document["new"]?.arrayValue?.first?["deltaPercent"] == .null)
    #expect(document["new"]?.arrayValue?.first?["usageType"] == .string("NewThing"))
    #expect(document["total"] == .number("107.02"))  // 7 × $10 + 3 × $12.34
  }
}

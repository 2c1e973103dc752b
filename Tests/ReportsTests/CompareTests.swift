import Reports
import SpendModel
import Testing

/// Period comparison and snapshots on the sample bills, against independent sums.
@Suite struct CompareTests {
  private func period(_ text: String) throws -> ReportPeriod { try #require(ReportPeriod(parsing: text)) }

  @Test("October against September by service equals the independent sums")
  func octoberAgainstSeptember() throws {
    let fixture = try Fixtures.json("expected-weekly.json")
    let want = try #require(fixture["compare"]?.arrayValue?.first)
    let cube = try SampleBills.cube("quiet-quarter")
    let october = try SpendSnapshot(
      cube: cube, period: try period("2026-10-01..2026-10-31"), dimensions: [.service])
    let september = try SpendSnapshot(
      cube: cube, period: try period("2026-09-01..2026-09-30"), dimensions: [.service])
    let comparison = try PeriodComparison(current: october, against: september)
    guard case .object(let services)? = want["byService"] else {
      Issue.record("no byService")
      return
    }
    #expect(comparison.rows.count == services.count)
    for member in services {
      let cells = try #require(member.value.arrayValue)
      let row = try #require(comparison.rows.first { $0.values == [member.key] })
      #expect(
        row.change
          == SpendChange(current: try Fixtures.money(cells[0]), previous: try Fixtures.money(cells[1])))
    }
    let totals = try #require(want["total"]?.arrayValue)
    #expect(comparison.total.current == (try Fixtures.money(totals[0])))
    #expect(comparison.total.previous == (try Fixtures.money(totals[1])))
    // Largest move first: EC2 (+$1,634 with the new region's first full month).
    #expect(comparison.rows.first?.values == ["AmazonEC2"])
  }

  @Test("a snapshot survives JSON exactly, and comparing against it equals comparing against the bills")
  func snapshotRoundTrip() throws {
    let cube = try SampleBills.cube("incident-127k")
    let dimensions: [Dimension] = [.account, .service, .usageType]
    let week = try SpendSnapshot(
      cube: cube, period: try period("2026-10-22..2026-10-28"), dimensions: dimensions)
    let read = try SpendSnapshot(parsing: week.json().rendered(), path: "week.json")
    #expect(read == week)
    let now = try SpendSnapshot(
      cube: cube, period: try period("2026-10-29..2026-11-04"), dimensions: dimensions)
    let fromFile = try PeriodComparison(
      current: now, against: read, dimensions: ["service"], snapshotPath: "week.json")
    let fromBills = try PeriodComparison(current: now, against: week, dimensions: ["service"])
    #expect(fromFile.rows == fromBills.rows)
    #expect(fromFile.againstSnapshot == "week.json")
    let fewer = try PeriodComparison(
      current: SpendSnapshot(cube: cube, period: now.period, dimensions: [.service]),
      against: SpendSnapshot(cube: cube, period: week.period, dimensions: [.service]))
    #expect(fewer.rows == fromBills.rows, "regrouping a finer snapshot equals summing at the coarser grain")
  }

  @Test("a dimension the snapshot did not keep, another basis or currency are refused")
  func mismatches() throws {
    let cube = try SampleBills.cube("quiet-quarter")
    let week = try period("2026-10-25..2026-10-31")
    let byService = try SpendSnapshot(cube: cube, period: week, dimensions: [.service])
    let byRegion = try SpendSnapshot(cube: cube, period: week, dimensions: [.region])
    #expect(
      throws: ReportError.snapshotLacksDimension(path: "s.json", dimension: "region", kept: ["service"])
    ) {
      try PeriodComparison(current: byRegion, against: byService, snapshotPath: "s.json")
    }
    var amortized = byService
    amortized.basis = .amortized
    #expect(throws: ReportError.self) {
      try PeriodComparison(current: byService, against: amortized, snapshotPath: "a.json")
    }
    var euros = byService
    euros.currency = "EUR"
    #expect(throws: ReportError.self) { try PeriodComparison(current: byService, against: euros) }
  }

  @Test("a period outside the data is refused")
  func outsideData() throws {
    let cube = try SampleBills.cube("quiet-quarter")
    #expect(throws: ReportError.self) {
      try SpendSnapshot(cube: cube, period: try period("2026-07-25..2026-08-03"), dimensions: [.service])
    }
  }

  @Test("broken snapshots name the line and column or the missing member")
  func invalidSnapshots() {
    #expect(
      throws: ReportError.invalidSnapshot(path: "x.json", line: 2, column: 14, reason: "expected ',' or '}'")
    ) {
      try SpendSnapshot(parsing: "{\"spendtopSnapshot\": 1,\n  \"basis\": 1 2}", path: "x.json")
    }
    #expect(
      throws: ReportError.invalidSnapshot(
        path: "y.json", line: 1, column: 1, reason: "no \"spendtopSnapshot\": 1 member")
    ) {
      try SpendSnapshot(parsing: "{\"rows\": []}", path: "y.json")
    }
    let noCost = """
      {"spendtopSnapshot": 1, "period": {"start": "2026-10-01", "end": "2026-10-07"}, "basis": "unblended",
       "currency": "USD", "dimensions": ["service"], "rows": [{"service": "AmazonEC2", "cost": "12"}]}
      """
    #expect(
      throws: ReportError.invalidSnapshot(
        path: "z.json", line: 1, column: 1, reason: "rows[0] has no numeric \"cost\"")
    ) {
      try SpendSnapshot(parsing: noCost, path: "z.json")
    }
  }
}

import Dashboard
import SpendModel
import Testing

/// `update` on its own: navigation, drill-down, filtering, sorting, triage, forms, palette.
@Suite struct UpdateTests {
  @Test func tabAndNumberKeysSwitchScreensAndEscGoesBack() {
    var harness = Harness()
    harness.press("<Tab>")
    #expect(harness.state.screen == .explorer)
    harness.press("4")
    #expect(harness.state.screen == .ledger)
    harness.press("<Esc>")
    #expect(harness.state.screen == .explorer)
    harness.press("<Esc>")
    #expect(harness.state.screen == .overview)
  }

  @Test func drillDownKeepsBreadcrumbsAndBackRestoresTheRow() throws {
    var harness = Harness()
    harness.press("2j")
    let second = try #require(harness.state.explorer.selectedRow)
    harness.press("<Enter>")
    #expect(harness.state.explorer.filters == [DimensionFilter(.service, second.name)])
    #expect(harness.state.explorer.groupBy == .usageType)
    harness.press("<Enter>")
    #expect(harness.state.explorer.filters.count == 2)
    #expect(harness.state.explorer.groupBy == .operation)
    harness.press("hh")
    #expect(harness.state.explorer.filters.isEmpty)
    #expect(harness.state.explorer.groupBy == .service)
    #expect(harness.state.explorer.selectedRow?.name == second.name)
  }

  @Test func theBottomLevelAsksForLineItemsAndShowsThem() {
    var harness = Harness()
    harness.press("2/ec2<Enter><Enter><Enter><Enter><Enter>")
    #expect(harness.state.explorer.groupBy == .resource)
    #expect(harness.effects.isEmpty)
    let resource = harness.state.explorer.selectedRow?.name ?? ""
    harness.press("<Enter>")
    guard case .readLineItems(let scope, let paths)? = harness.effects.first else {
      Issue.record("no line items asked for: \(harness.effects)")
      return
    }
    #expect(scope.resource == resource && paths == ["fixture"])
    let table = LineItemTable(
      resource: resource, columns: ["lineItem/UsageStartDate", "lineItem/UnblendedCost"],
      rows: [["2026-11-28T00:00:00Z", "34.00"], ["2026-11-27T00:00:00Z", "30.60"]], files: 4, truncated: false
    )
    harness.send(.lineItems(table))
    let screen = harness.render()
    #expect(screen.contains("line items of"))
    #expect(screen.contains("UsageStartDate"))
    #expect(screen.contains("2026-11-27T00:00:00Z"))
    #expect(screen.contains("2 line items as billed"))
    #expect(!screen.contains("by resource") && !screen.contains(" rows"))
    #expect(harness.state.message?.text == "2 line items from 4 files")
    harness.press("j")
    #expect(harness.state.explorer.lineItemCursor == 1)
    harness.press("<Esc>")
    #expect(harness.state.explorer.lineItems == nil)
    #expect(harness.state.explorer.groupBy == .resource)
  }

  @Test func drilledRowsSumToTheParentRow() throws {
    var harness = Harness()
    harness.press("2<<")  // October
    let parent = try #require(harness.state.explorer.selectedRow)
    harness.press("<Enter>")
    let children = try #require(harness.state.explorer.breakdown)
    #expect(children.total == parent.cost)
    #expect(children.previousTotal == parent.previous)
  }

  @Test func explorerTotalsMatchAnIndependentRollup() throws {
    var harness = Harness()
    harness.press("2")
    let breakdown = try #require(harness.state.explorer.breakdown)
    let november = CubeFilter(
      from: Day(year: 2026, month: 11, day: 1), to: Day(year: 2026, month: 11, day: 28))
    let rollup = try IncidentFixture.cube().rollup(by: [.service], filter: november)
    #expect(breakdown.total == rollup.total)
    let elastiCache = rollup.rows.first { $0.values == ["AmazonElastiCache"] }?.cost
    #expect(breakdown.rows.first { $0.name == "AmazonElastiCache" }?.cost == elastiCache)
  }

  @Test func regexFilterIsSmartCaseAndInvertible() {
    var harness = Harness()
    harness.press("2/amazon<Enter>")
    let names = harness.state.explorer.visible.compactMap { harness.state.explorer.breakdown?.rows[$0].name }
    #expect(!names.isEmpty && names.allSatisfy { $0.hasPrefix("Amazon") })
    harness.press("/!^Amazon<Enter>")
    let others = harness.state.explorer.visible.compactMap { harness.state.explorer.breakdown?.rows[$0].name }
    #expect(Set(others) == ["AWSDataTransfer", "AWSLambda", "AWSSupportBusiness"])
    harness.press("<Esc>")
    #expect(harness.state.explorer.pattern.isEmpty)
    #expect(harness.state.explorer.visible.count == 8)
  }

  @Test func badRegexIsReportedAndTheOldFilterKept() {
    var harness = Harness()
    harness.press("2/ec2<Enter>/(<Enter>")
    #expect(harness.state.message?.isError == true)
    #expect(harness.state.message?.text.contains("bad regex") == true)
    #expect(harness.state.explorer.pattern == "ec2")
  }

  @Test func sortKeysCycleAndReverse() throws {
    var harness = Harness()
    harness.press("2s")
    #expect(harness.state.explorer.sort == .change)
    let rows = try #require(harness.state.explorer.breakdown?.rows)
    let changes = harness.state.explorer.visible.map { rows[$0].change }
    #expect(changes == changes.sorted(by: >))
    harness.press("s")
    let names = harness.state.explorer.visible.map { rows[$0].name }
    #expect(names == names.sorted { $0.lowercased() < $1.lowercased() })  // AmazonS3 before AWSLambda
    harness.press("r")
    #expect(harness.state.explorer.visible.map { rows[$0].name } == names.reversed())
  }

  @Test func groupByAccountUsesAliases() {
    var config = DashboardConfig()
    config.accountAliases = [IncidentFixture.prod: "prod"]
    var harness = Harness(config: config)
    harness.press(":group account<Enter>")
    #expect(harness.state.screen == .explorer)
    #expect(harness.state.explorer.groupBy == .account)
    #expect(harness.render().contains("prod (111122223333)"))
  }

  @Test func basisAndPeriodChangeTheNumbers() throws {
    var harness = Harness()
    let november = try #require(harness.state.overview?.total)
    harness.press("<")
    #expect(harness.state.period?.label == "Oct 2026")
    let october = try #require(harness.state.overview?.total)
    #expect(october > november)
    harness.press("c")
    #expect(harness.state.basis == .amortized)
    #expect(harness.render().line(at: 0).contains("amortized"))
    harness.press(">>")
    #expect(harness.state.message?.text == "no data for 2026-12")
  }

  @Test func triageNeedsAReasonThenEmitsAnEffect() {
    var harness = Harness()
    harness.press("3t<Enter>")
    guard case .triage(let form) = harness.state.overlay else {
      Issue.record("the form closed without a reason")
      return
    }
    #expect(form.problem == "a triage needs a reason")
    // Inside the form's box, not only in the status bar far below it.
    #expect(harness.render().lines.contains { $0.contains("│a triage needs a reason") })
    #expect(harness.effects.isEmpty)
    harness.press("x<BS>")
    if case .triage(let edited) = harness.state.overlay { #expect(edited.problem == nil) }
    harness.press("<Tab>load test<Enter>")
    #expect(harness.state.overlay == nil)
    #expect(
      harness.effects == [.saveTriage(anomalyID: "a-transfer", verdict: .expected, reason: "load test")])
    #expect(
      harness.state.data.anomalies.first { $0.id == "a-transfer" }?.triage
        == Triage(verdict: .expected, reason: "load test"))
  }

  @Test func lineFormValidatesAndSaves() {
    var harness = Harness()
    harness.press("4a<Tab>pager escalation<Tab>abc<Enter>")
    if case .lineForm(let form) = harness.state.overlay {
      #expect(form.problem?.hasPrefix("amount must be") == true)
    } else {
      Issue.record("the form should stay open")
    }
    harness.press("<BS><BS><BS>1,250.50<Enter>")
    #expect(harness.state.overlay == nil)
    let incident = harness.state.data.incidents[0]
    #expect(incident.lines.count == 6)
    #expect(incident.lines.last?.amount == Money(cents: 125_050))
    #expect(incident.total == Money(whole: 127_112) + Money(cents: 125_050))
    guard case .saveIncidentLine(let id, nil, _, _, let edit)? = harness.effects.last else {
      Issue.record("expected a save effect")
      return
    }
    #expect(id == "INC-2026-10" && edit.category == .revenueLoss)
  }

  @Test func paletteCompletesRunsAndReportsUnknownCommands() {
    var harness = Harness()
    harness.press(":th<Tab>")
    #expect(harness.state.overlay == .palette(TextInput(text: "theme ")))
    harness.press("l<Tab><Enter>")
    #expect(harness.state.theme.name == "light")
    harness.press(":period 2026-09<Enter>")
    #expect(harness.state.period?.label == "Sep 2026")
    harness.press(":frobnicate<Enter>")
    #expect(harness.state.message?.isError == true)
    for command in ["overview", "anomalies", "ledger", "help", "top", "export", "quit"] {
      #expect(harness.state.message?.text.contains(command) == true, "\(command)")
    }
  }

  @Test func helpScrollsLikeAListAndStopsAtItsEnds() throws {
    var harness = Harness()
    harness.press("?jjj")
    #expect(harness.state.overlay == .help(scroll: 3))
    harness.press("g")
    #expect(harness.state.overlay == .help(scroll: 3))
    harness.press("g")
    #expect(harness.state.overlay == .help(scroll: 0))
    harness.press("k")
    #expect(harness.state.overlay == .help(scroll: 0))
    harness.press("G")
    guard case .help(let end) = harness.state.overlay else { throw HelpClosed() }
    #expect(end > 0)
    harness.press("j")
    #expect(harness.state.overlay == .help(scroll: end))
    #expect(harness.render().contains("(Tab completes)"))  // the help's last line is in view
    harness.press("gj")
    #expect(harness.state.overlay == .help(scroll: end))
    harness.press("<Esc>")
    #expect(harness.state.overlay == nil)
    #expect(harness.state.pendingKeys.isEmpty)
  }

  private struct HelpClosed: Error {}

  @Test func quitKeysAskForQuitEvenInOverlays() {
    var harness = Harness()
    harness.press("q")
    #expect(harness.effects == [.quit])
    var overlay = Harness()
    overlay.press(":<C-c>")
    #expect(overlay.effects == [.quit])
  }

  @Test func loadingStartsWithALoadEffect() {
    #expect(
      DashboardApp.start(paths: ["sample-bills/incident-127k"]) == [
        .load(paths: ["sample-bills/incident-127k"])
      ])
  }

  @Test func mouseClicksSelectTabsAndRows() {
    var harness = Harness()
    harness.send(.mouse(.press(x: 24, y: 0)))
    #expect(harness.state.screen == .explorer)
    harness.send(.mouse(.press(x: 5, y: 6)))
    #expect(harness.state.explorer.cursor == 2)
    harness.send(.mouse(.wheelDown))
    #expect(harness.state.explorer.cursor == 3)
  }

  @Test func todayIsTheLastDayInTheData() throws {
    let harness = Harness()
    #expect(harness.state.today == Day(year: 2026, month: 11, day: 28))
    let overview = try #require(harness.state.overview)
    let mtd = try IncidentFixture.cube().rollup(
      by: [], filter: CubeFilter(from: Day(year: 2026, month: 11, day: 1))
    ).total
    #expect(overview.monthToDate == mtd)
    // Usage run rate of the last 7 days over the 2 days left in November (the report's forecast).
    let lastWeek = try IncidentFixture.cube().rollup(
      by: [], filter: CubeFilter(from: Day(year: 2026, month: 11, day: 22))
    ).total
    #expect(overview.forecast == mtd + lastWeek.divided(by: 7) * 2)
  }
}

import Dashboard
import SpendModel
import Testing

/// The Ledger's line form checks amounts by the ledger model's rule, and names the field.
@Suite struct LedgerFormAmountTests {
  @Test func aNegativeRevenueLossIsRefusedInTheForm() {
    var harness = Harness()
    harness.press("4a")
    harness.press(String(repeating: "<BS>", count: 20) + "revenue-loss<Tab>lost sales<Tab>-500<Enter>")
    guard case .lineForm(let form) = harness.state.overlay else {
      Issue.record("the form should stay open")
      return
    }
    #expect(form.problem?.hasPrefix("amount cannot be negative for a revenue-loss line") == true)
    #expect(harness.state.data.incidents[0].lines.count == 5)
    #expect(!harness.effects.contains { if case .saveIncidentLine = $0 { return true } else { return false } })
  }

  @Test func aNegativeOverageOverrideIsAllowed() {
    var harness = Harness()
    harness.press("4a")
    harness.press(String(repeating: "<BS>", count: 20) + "aws-overage<Tab>AWS refund<Tab>-120<Enter>")
    #expect(harness.state.overlay == nil)
    #expect(harness.state.data.incidents[0].lines.last?.amount == Money(whole: -120))
  }
}

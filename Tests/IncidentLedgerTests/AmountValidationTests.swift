import IncidentLedger
import SpendModel
import Testing

/// Which entered amounts a line may have: one rule in the model, the same in the file, on the
/// command line and in the dashboard.
@Suite struct AmountValidationTests {
  private static let header = "id = \"a\"\ntitle = \"t\"\nstart = 2026-10-01\nend = 2026-10-01\n\n[[cost]]\n"

  @Test func onlyTheBillsOwnLinesMayBeNegative() {
    #expect(CostCategory.allCases.filter(\.allowsNegativeAmount) == [.awsOverage, .runRateIncrease])
    #expect(CostCategory.revenueLoss.problem(amount: Money(whole: -500))?.contains("amount") == true)
    #expect(CostCategory.revenueLoss.problem(amount: Money(whole: 500)) == nil)
    #expect(CostCategory.revenueLoss.problem(amount: .zero) == nil)
    #expect(CostCategory.awsOverage.problem(amount: Money(whole: -500)) == nil)
  }

  @Test(arguments: [
    ("category = \"revenue-loss\"\namount = -500", 8, "amount cannot be negative for a revenue-loss line"),
    ("category = \"customer-credits\"\namount = -1", 8, "amount cannot be negative for a customer-credits line"),
    ("category = \"lost-velocity\"\namount = -0.01", 8, "amount cannot be negative for a lost-velocity line"),
    (
      "category = \"customer-credits\"\nmonthly_contract_value = 100\ncredit_percent = 150", 9,
      "credit_percent must be 0-100"
    ),
  ])
  func aFileWithAnImpossibleAmountNamesTheField(cost: String, line expected: Int, fragment: String) {
    do {
      _ = try IncidentDecoder.decode(Self.header + cost, path: "/ledger/a.toml", expectedID: "a")
      Issue.record("decoded: \(cost)")
    } catch {
      guard case .invalidFile(_, let line, _, let message) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(line == expected, "the line of the field: \(message)")
      #expect(message.contains(fragment), "\(message)")
    }
  }

  @Test func negativeOverridesAndDeltasStillRead() throws {
    let text =
      Self.header + "category = \"aws-overage\"\noverride = -120\noverride_reason = \"AWS refund\"\n\n"
      + "[[cost]]\ncategory = \"run-rate-increase\"\nmonthly_delta = -50\n"
    let incident = try IncidentDecoder.decode(text, path: "/ledger/a.toml", expectedID: "a")
    #expect(incident.costLines.count == 2)
  }

  @Test(arguments: [
    ("revenue-loss", [("amount", "-500")], "--amount cannot be negative for a revenue-loss line"),
    ("customer-credits", [("monthly_contract_value", "100"), ("credit_percent", "150")], "--credit-percent"),
  ])
  func theCommandLineSaysWhichOption(category: String, fields: [(String, String)], fragment: String) {
    do {
      _ = try CostLineBuilder.line(category: category, fields: fields.map { (key: $0.0, text: $0.1) })
      Issue.record("built a \(category) line from \(fields)")
    } catch {
      #expect(error.description.hasPrefix(fragment), "\(error)")
    }
  }
}

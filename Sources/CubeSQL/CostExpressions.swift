/// The four cost bases of one line item as SQL, following the importer's rules exactly: the CUR
/// amortized CASE (formats.md §5) with its fallbacks where a commitment column is absent, the
/// `Net*` twins falling back to their gross value where a field is empty.
struct CostExpressions {
  let unblended: String
  let netUnblended: String
  let amortized: String
  let netAmortized: String

  init(mapping m: LineMapping, dialect d: SQLDialect) {
    let gross = d.money(m.unblended)
    let net = m.netUnblended.map { "COALESCE(\(d.nullableMoney($0)), \(gross))" } ?? gross
    unblended = gross
    netUnblended = net
    switch m.amortization {
    case .none:
      amortized = gross
      netAmortized = net
    case .column(let effective):
      amortized = d.money(effective)
      netAmortized = d.money(effective)
    case .curCase(let c):
      let lineItemType = m.lineItemType.map { "lower(COALESCE(\(d.identifier($0)), ''))" } ?? "''"
      let branches = CostExpressions.branches(c, dialect: d, gross: gross, net: net)
      amortized = CostExpressions.caseExpression(
        lineItemType, branches.map { ($0.type, $0.gross) }, else: gross)
      netAmortized = CostExpressions.caseExpression(
        lineItemType, branches.map { ($0.type, $0.net) }, else: net)
    }
  }

  /// One WHEN of the amortized CASE: the lower-case line item type and its amortized and net amortized cost.
  private struct Branch {
    var type: String
    var gross: String
    var net: String
  }

  private static func branches(
    _ c: LineMapping.Commitments, dialect d: SQLDialect, gross: String, net: String
  ) -> [Branch] {
    /// A net twin: its decimal when the field is not empty, else the gross value.
    func twin(_ column: String?, or fallback: String) -> String {
      column.map { "COALESCE(\(d.nullableMoney($0)), \(fallback))" } ?? fallback
    }
    var branches = [
      Branch(type: "savingsplannegation", gross: "0", net: "0"),
      Branch(type: "savingsplanupfrontfee", gross: "0", net: "0"),
    ]
    if let arn = c.reservationARN {
      let isReservation = "\(d.text(arn)) IS NOT NULL"
      branches.append(
        Branch(
          type: "fee", gross: "CASE WHEN \(isReservation) THEN 0 ELSE \(gross) END",
          net: "CASE WHEN \(isReservation) THEN 0 ELSE \(net) END"))
    }
    if let effective = c.savingsPlanEffectiveCost {
      let value = d.money(effective)
      branches.append(
        Branch(
          type: "savingsplancoveredusage", gross: value, net: twin(c.netSavingsPlanEffectiveCost, or: value)))
    }
    if let total = c.totalCommitmentToDate, let used = c.usedCommitment {
      let value = "(\(d.money(total)) - \(d.money(used)))"
      branches.append(Branch(type: "savingsplanrecurringfee", gross: value, net: value))
    }
    if let effective = c.reservationEffectiveCost {
      let value = d.money(effective)
      branches.append(
        Branch(type: "discountedusage", gross: value, net: twin(c.netReservationEffectiveCost, or: value)))
    }
    if let upfront = c.unusedAmortizedUpfrontFee, let recurring = c.unusedRecurringFee {
      let upfrontValue = d.money(upfront)
      let recurringValue = d.money(recurring)
      branches.append(
        Branch(
          type: "rifee", gross: "(\(upfrontValue) + \(recurringValue))",
          net: "(\(twin(c.netUnusedAmortizedUpfrontFee, or: upfrontValue)) + "
            + "\(twin(c.netUnusedRecurringFee, or: recurringValue)))"))
    }
    return branches
  }

  private static func caseExpression(_ subject: String, _ whens: [(String, String)], else fallback: String)
    -> String
  {
    var out = "CASE \(subject)"
    for (type, value) in whens { out += "\n      WHEN '\(type)' THEN \(value)" }
    return out + "\n      ELSE \(fallback)\n    END"
  }
}

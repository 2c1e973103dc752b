import SpendModel

/// Reads one `[[cost]]` table: its category, description and that category's inputs.
enum CostLineDecoder {
  static func decode(_ table: inout TableReader) throws(LedgerError) -> CostLine {
    guard let category = try table.choice("category", CostCategory.self) else {
      throw table.error(
        "[[cost]] needs category = one of "
          + CostCategory.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
    }
    let description = try table.string("description") ?? category.label
    let note = try table.string("note") ?? ""
    let owner = try table.string("owner") ?? ""
    let inputs: CostInputs
    switch category {
    case .awsOverage: inputs = .awsOverage(try overage(&table))
    case .engineeringTime: inputs = .engineeringTime(try engineering(&table))
    case .revenueLoss: inputs = .revenueLoss(try revenue(&table))
    case .customerCredits: inputs = .customerCredits(try credits(&table))
    case .runRateIncrease: inputs = .runRateIncrease(try runRate(&table))
    case .lostVelocity: inputs = .lostVelocity(try velocity(&table))
    }
    return CostLine(description: description, inputs: inputs, note: note, owner: owner)
  }

  private static func selectors(_ table: inout TableReader) throws(LedgerError) -> [SeriesSelector] {
    var result: [SeriesSelector] = []
    for var element in try table.tables("series", name: "a series of [[cost]]") {
      result.append(try IncidentDecoder.series(&element))
      try element.finish()
    }
    return result
  }

  private static func overage(_ table: inout TableReader) throws(LedgerError) -> AWSOverageInputs {
    let inputs = AWSOverageInputs(
      series: try selectors(&table), basis: try table.choice("basis", CostBasis.self) ?? .unblended,
      baselineWeeks: try table.integer("baseline_weeks", in: 1...52) ?? 4,
      override: try table.money("override"),
      overrideReason: try table.string("override_reason") ?? "")
    if inputs.override != nil, inputs.overrideReason.trimmingSpaces.isEmpty {
      throw table.error("override needs override_reason (why the bill's amount is replaced)", at: "override")
    }
    return inputs
  }

  private static func engineering(_ table: inout TableReader) throws(LedgerError) -> EngineeringTimeInputs {
    guard let people = try table.integer("people", in: 0...100_000) else {
      throw table.error("engineering-time needs people = N")
    }
    guard let hours = try table.nonNegative("hours") else {
      throw table.error("engineering-time needs hours = H")
    }
    return EngineeringTimeInputs(
      people: people, hours: hours, role: try table.choice("role", ResponseRole.self),
      weight: try table.nonNegative("weight"), reviewHours: try table.nonNegative("review_hours") ?? .zero,
      hourlyRate: try table.nonNegative("hourly_rate"))
  }

  private static func revenue(_ table: inout TableReader) throws(LedgerError) -> RevenueLossInputs {
    let inputs = RevenueLossInputs(
      amount: try table.amount("amount", of: .revenueLoss),
      degradedHours: try table.nonNegative("degraded_hours"),
      revenuePerHour: try table.nonNegative("revenue_per_hour"),
      annualRevenue: try table.nonNegative("annual_revenue"),
      operatingHours: try table.integer("operating_hours", in: 1...8784))
    return inputs
  }

  private static func credits(_ table: inout TableReader) throws(LedgerError) -> CustomerCreditsInputs {
    let inputs = CustomerCreditsInputs(
      amount: try table.amount("amount", of: .customerCredits),
      monthlyContractValue: try table.nonNegative("monthly_contract_value"),
      creditPercent: try table.nonNegative("credit_percent"),
      customers: try table.integer("customers", in: 1...10_000_000))
    if let percent = inputs.creditPercent, !CustomerCreditsInputs.creditPercentRange.contains(percent) {
      throw table.error(
        "credit_percent must be 0-100 (a percentage of the monthly contract value), not "
          + percent.exactDecimal(), at: "credit_percent")
    }
    return inputs
  }

  private static func runRate(_ table: inout TableReader) throws(LedgerError) -> RunRateInputs {
    RunRateInputs(
      monthlyDelta: try table.money("monthly_delta"),
      horizonMonths: try table.integer("horizon_months", in: 1...120) ?? 12,
      series: try selectors(&table), stepDate: try table.day("step_date"),
      levelDays: try table.integer("level_days", in: RunRateStep.minimumDays...366) ?? 28,
      basis: try table.choice("basis", CostBasis.self) ?? .unblended)
  }

  private static func velocity(_ table: inout TableReader) throws(LedgerError) -> LostVelocityInputs {
    let inputs = LostVelocityInputs(
      amount: try table.amount("amount", of: .lostVelocity),
      engineerDays: try table.nonNegative("engineer_days"), dailyRate: try table.nonNegative("daily_rate"))
    return inputs
  }
}

extension String {
  /// The text without leading and trailing spaces, tabs and line breaks.
  var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}

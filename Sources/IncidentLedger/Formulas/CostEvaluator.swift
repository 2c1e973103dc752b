import SpendModel

/// Works out every cost line of an incident, from its inputs and (for bill-derived lines) the
/// bills given.
public enum CostEvaluator {
  /// Evaluates all lines; bill-derived lines are missing when `bills` is nil.
  public static func evaluate(_ incident: Incident, bills: Cube?) -> IncidentCosts {
    IncidentCosts(lines: incident.costLines.map { evaluate($0, of: incident, bills: bills) })
  }

  /// Evaluates one line of `incident`.
  public static func evaluate(_ line: CostLine, of incident: Incident, bills: Cube?) -> EvaluatedLine {
    switch line.inputs {
    case .awsOverage(let inputs): return BillFormulas.overage(line, inputs, incident, bills)
    case .runRateIncrease(let inputs): return BillFormulas.runRate(line, inputs, incident, bills)
    case .engineeringTime(let inputs): return PeopleFormulas.engineeringTime(line, inputs, incident.rates)
    case .lostVelocity(let inputs): return PeopleFormulas.lostVelocity(line, inputs, incident.rates)
    case .revenueLoss(let inputs): return AmountFormulas.revenueLoss(line, inputs)
    case .customerCredits(let inputs): return AmountFormulas.customerCredits(line, inputs)
    }
  }
}

// MARK: - People time

/// `engineering-time` and `lost-velocity`.
enum PeopleFormulas {
  static func engineeringTime(_ line: CostLine, _ inputs: EngineeringTimeInputs, _ rates: LoadedRates)
    -> EvaluatedLine
  {
    let hasReview = !inputs.reviewHours.isZero
    var result = EvaluatedLine(
      line: line, source: .computed,
      formula: hasReview
        ? "people × (hours × weight + review hours) × hourly rate" : "people × hours × weight × hourly rate")
    result.inputs = [
      LineInput("people", .integer(inputs.people)), LineInput("hours", .quantity(inputs.hours)),
    ]
    if let role = inputs.role { result.inputs.append(LineInput("role", .text(role.rawValue))) }
    result.inputs.append(LineInput("weight", .quantity(inputs.effectiveWeight)))
    if hasReview { result.inputs.append(LineInput("reviewHours", .quantity(inputs.reviewHours))) }
    let rate: Money
    if let lineRate = inputs.hourlyRate {
      rate = lineRate
    } else if let annualCost = rates.annualCost, let incidentRate = rates.hourlyRate {
      rate = incidentRate
      result.inputs.append(LineInput("annualCost", .money(annualCost)))
      result.inputs.append(LineInput("yearHours", .integer(rates.yearHours)))
    } else {
      result.missing = "no hourly rate: set annual_cost in [rates] or hourly_rate on the line"
      return result
    }
    result.inputs.append(LineInput("hourlyRate", .money(rate)))
    let weightedHours = inputs.hours.multiplied(by: inputs.effectiveWeight) + inputs.reviewHours
    let amount = (rate * inputs.people).multiplied(by: weightedHours)
    let hours = "\(inputs.hours.exactDecimal()) × \(inputs.effectiveWeight.exactDecimal())"
    let factor = hasReview ? "(\(hours) + \(inputs.reviewHours.exactDecimal()))" : hours
    let sign = ShownArithmetic.sign(
      (ShownArithmetic.cents(rate) * inputs.people).multiplied(by: weightedHours), amount)
    result.calculation = "\(inputs.people) × \(factor) × \(rate.dollars()) \(sign) \(amount.dollars())"
    result.amount = amount
    return result
  }

  static func lostVelocity(_ line: CostLine, _ inputs: LostVelocityInputs, _ rates: LoadedRates)
    -> EvaluatedLine
  {
    if let amount = inputs.amount {
      let formula = LostVelocityInputs(engineerDays: inputs.engineerDays, dailyRate: inputs.dailyRate)
      let overridden = formula == LostVelocityInputs() ? nil : lostVelocity(line, formula, rates)
      return AmountFormulas.entered(line, amount, overriding: overridden)
    }
    var result = EvaluatedLine(line: line, source: .computed, formula: "engineer-days × daily rate")
    guard let days = inputs.engineerDays else {
      result.missing = "enter amount, or engineer_days (with a daily rate)"
      return result
    }
    result.inputs = [LineInput("engineerDays", .quantity(days))]
    let rate: Money
    if let lineRate = inputs.dailyRate {
      rate = lineRate
    } else if let annualCost = rates.annualCost, let incidentRate = rates.dailyRate {
      rate = incidentRate
      result.inputs.append(LineInput("annualCost", .money(annualCost)))
      result.inputs.append(LineInput("yearHours", .integer(rates.yearHours)))
      result.inputs.append(LineInput("hoursPerDay", .quantity(rates.hoursPerDay)))
    } else {
      result.missing = "no daily rate: set annual_cost in [rates] or daily_rate on the line"
      return result
    }
    result.inputs.append(LineInput("dailyRate", .money(rate)))
    let amount = rate.multiplied(by: days)
    let sign = ShownArithmetic.sign(ShownArithmetic.cents(rate).multiplied(by: days), amount)
    result.calculation = "\(days.exactDecimal()) × \(rate.dollars()) \(sign) \(amount.dollars())"
    result.amount = amount
    return result
  }
}

// MARK: - Entered amounts and simple products

/// `revenue-loss`, `customer-credits`, and entered amounts of any category.
enum AmountFormulas {
  /// An entered amount; when the line also has its formula's inputs, the amount overrides them
  /// and the line says so (with what the inputs give), never showing that formula as if it held.
  static func entered(_ line: CostLine, _ amount: Money, overriding formula: EvaluatedLine? = nil)
    -> EvaluatedLine
  {
    var result = EvaluatedLine(line: line, source: .entered, formula: "entered amount")
    result.amount = amount
    result.calculation = amount.dollars()
    if let formula {
      result.formula = "entered amount (overrides \(formula.formula))"
      let given = formula.amount == nil ? formula.formula : formula.calculation
      result.calculation = "\(amount.dollars()) entered (overrides \(given))"
    }
    return result
  }

  static func revenueLoss(_ line: CostLine, _ inputs: RevenueLossInputs) -> EvaluatedLine {
    if let amount = inputs.amount {
      var formula = inputs
      formula.amount = nil
      let overridden = formula == RevenueLossInputs() ? nil : revenueLoss(line, formula)
      return entered(line, amount, overriding: overridden)
    }
    var result = EvaluatedLine(line: line, source: .computed, formula: "degraded hours × revenue per hour")
    guard let hours = inputs.degradedHours else {
      result.missing = "enter amount, or degraded_hours with revenue_per_hour"
      return result
    }
    result.inputs = [LineInput("degradedHours", .quantity(hours))]
    let perHour: Money
    if let given = inputs.revenuePerHour {
      perHour = given
    } else if let annual = inputs.annualRevenue {
      let operating = inputs.operatingHours ?? 8760
      perHour = annual.divided(by: operating)
      result.formula = "degraded hours × annual revenue ÷ operating hours"
      result.inputs += [
        LineInput("annualRevenue", .money(annual)), LineInput("operatingHours", .integer(operating)),
      ]
    } else {
      result.missing = "enter revenue_per_hour (or annual_revenue)"
      return result
    }
    result.inputs.append(LineInput("revenuePerHour", .money(perHour)))
    let amount = perHour.multiplied(by: hours)
    let sign = ShownArithmetic.sign(ShownArithmetic.cents(perHour).multiplied(by: hours), amount)
    result.calculation = "\(hours.exactDecimal()) × \(perHour.dollars()) \(sign) \(amount.dollars())"
    result.amount = amount
    return result
  }

  static func customerCredits(_ line: CostLine, _ inputs: CustomerCreditsInputs) -> EvaluatedLine {
    if let amount = inputs.amount {
      var formula = inputs
      formula.amount = nil
      let overridden = formula == CustomerCreditsInputs() ? nil : customerCredits(line, formula)
      return entered(line, amount, overriding: overridden)
    }
    var result = EvaluatedLine(
      line: line, source: .computed, formula: "customers × monthly contract value × credit % ÷ 100")
    guard let monthly = inputs.monthlyContractValue, let percent = inputs.creditPercent else {
      result.missing = "enter amount, or monthly_contract_value with credit_percent"
      return result
    }
    let customers = inputs.customers ?? 1
    result.inputs = [
      LineInput("customers", .integer(customers)), LineInput("monthlyContractValue", .money(monthly)),
      LineInput("creditPercent", .quantity(percent)),
    ]
    let amount = (monthly * customers).multiplied(by: percent).divided(by: 100)
    let shown = (ShownArithmetic.cents(monthly) * customers).multiplied(by: percent).divided(by: 100)
    let sign = ShownArithmetic.sign(shown, amount)
    result.calculation =
      "\(customers) × \(monthly.dollars()) × \(percent.exactDecimal())% \(sign) \(amount.dollars())"
    result.amount = amount
    return result
  }
}

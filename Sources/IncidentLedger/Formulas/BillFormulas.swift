import SpendModel

/// `aws-overage` and `run-rate-increase`: the lines computed from the bills.
enum BillFormulas {
  static let overageFormula =
    "Σ over the window of (actual − expected); expected usage = median of the same weekday in the weeks "
    + "before the start, expected fees and tax = the same day of the month before"

  static func overage(_ line: CostLine, _ inputs: AWSOverageInputs, _ incident: Incident, _ bills: Cube?)
    -> EvaluatedLine
  {
    let series = inputs.series.isEmpty ? incident.series : inputs.series
    var computed: OverageResult?
    var failure: BillComputationError?
    if let bills {
      do throws(BillComputationError) {
        computed = try AWSOverage.compute(
          cube: bills, series: series, window: incident.start...incident.end, basis: inputs.basis,
          weeks: inputs.baselineWeeks)
      } catch {
        failure = error
      }
    } else {
      failure = .noBills
    }
    var commonInputs = [
      LineInput("series", .series(series)), LineInput("basis", .text(inputs.basis.rawValue)),
      LineInput("baselineWeeks", .integer(inputs.baselineWeeks)),
    ]
    if let override = inputs.override {
      var result = AmountFormulas.entered(line, override)
      result.formula = "entered override of the bill's overage"
      // What the override replaces, as an entered amount over a formula's inputs says it.
      let overridden =
        computed.map(overageCalculation)
        ?? "the bill's overage, not computed: "
        + (failure.map { $0 == .noBills ? "no bills were given" : $0.description } ?? "no bills were given")
      result.calculation = "\(override.dollars()) entered (overrides \(overridden))"
      commonInputs.append(LineInput("overrideReason", .text(inputs.overrideReason)))
      if let computed { commonInputs.append(LineInput("computedFromBill", .money(computed.amount))) }
      result.inputs = commonInputs
      result.overage = computed
      return result
    }
    var result = EvaluatedLine(line: line, source: .bill, formula: overageFormula)
    result.inputs = commonInputs
    guard let computed else {
      result.missing = (failure ?? .noBills).description
      return result
    }
    result.inputs += [
      LineInput("baselineFrom", .day(computed.baseline.lowerBound)),
      LineInput("baselineTo", .day(computed.baseline.upperBound)),
      LineInput("countedFrom", .day(computed.counted.lowerBound)),
      LineInput("countedTo", .day(computed.counted.upperBound)),
      LineInput("actual", .money(computed.actual)), LineInput("expected", .money(computed.expected)),
    ]
    result.amount = computed.amount
    result.overage = computed
    result.calculation = overageCalculation(computed)
    return result
  }

  /// `actual − expected over N days = amount`, `≈` when the shown operands are rounded.
  static func overageCalculation(_ computed: OverageResult) -> String {
    let partial = computed.isPartial ? " (bills end \(computed.counted.upperBound): partial)" : ""
    let sign = ShownArithmetic.sign(
      ShownArithmetic.cents(computed.actual) - ShownArithmetic.cents(computed.expected), computed.amount)
    return "\(computed.actual.dollars()) − \(computed.expected.dollars()) over \(computed.days.count) days"
      + " \(sign) \(computed.amount.dollars())\(partial)"
  }

  static func runRate(_ line: CostLine, _ inputs: RunRateInputs, _ incident: Incident, _ bills: Cube?)
    -> EvaluatedLine
  {
    let months = inputs.horizonMonths
    if let delta = inputs.monthlyDelta {
      var result = EvaluatedLine(line: line, source: .computed, formula: "monthly delta × horizon months")
      result.inputs = [
        LineInput("monthlyDelta", .money(delta)), LineInput("horizonMonths", .integer(months)),
      ]
      result.amount = delta * months
      let sign = ShownArithmetic.sign(ShownArithmetic.cents(delta) * months, delta * months)
      result.calculation = "\(delta.dollars()) × \(months) \(sign) \((delta * months).dollars())"
      return result
    }
    let series = inputs.series.isEmpty ? incident.series : inputs.series
    let stepDate =
      inputs.stepDate ?? incident.anomalies.first { $0.kind == "step" }?.start ?? incident.start
    var result = EvaluatedLine(
      line: line, source: .bill,
      formula:
        "(monthly level after the step − monthly level before) × horizon months; "
        + "level = mean daily usage cost × 365 ÷ 12"
    )
    result.inputs = [
      LineInput("series", .series(series)), LineInput("stepDate", .day(stepDate)),
      LineInput("horizonMonths", .integer(months)), LineInput("basis", .text(inputs.basis.rawValue)),
    ]
    guard let bills else {
      result.missing = BillComputationError.noBills.description
      return result
    }
    do throws(BillComputationError) {
      let step = try RunRateStep.measure(
        cube: bills, series: series, stepDate: stepDate, window: incident.start...incident.end,
        levelDays: inputs.levelDays, basis: inputs.basis)
      result.inputs += [
        LineInput("beforeFrom", .day(step.before.lowerBound)),
        LineInput("beforeTo", .day(step.before.upperBound)),
        LineInput("afterFrom", .day(step.after.lowerBound)),
        LineInput("afterTo", .day(step.after.upperBound)),
        LineInput("monthlyBefore", .money(step.monthlyBefore)),
        LineInput("monthlyAfter", .money(step.monthlyAfter)),
        LineInput("monthlyDelta", .money(step.monthlyDelta)),
      ]
      let amount = step.monthlyDelta * months
      result.amount = amount
      result.runRate = step
      let shownDelta = ShownArithmetic.cents(step.monthlyAfter) - ShownArithmetic.cents(step.monthlyBefore)
      let sign = ShownArithmetic.sign(shownDelta * months, amount)
      result.calculation =
        "(\(step.monthlyAfter.dollars()) − \(step.monthlyBefore.dollars())) × \(months) \(sign) "
        + amount.dollars()
    } catch {
      result.missing = error.description
    }
    return result
  }
}

import SpendFormats
import SpendModel

/// Writes an incident as TOML in a fixed layout: header fields, `[rates]`, `[[series]]`,
/// `[[anomaly]]`, `[[cost]]`, `[[event]]`, `[[action]]`, each key in a fixed order, defaults
/// written out where they explain a formula. The same incident always gives the same text.
public enum IncidentEncoder {
  /// The file's text.
  public static func encode(_ incident: Incident) -> String {
    var out = TOMLWriter()
    out.comment(
      """
      spendtop incident ledger: one incident per file; `spendtop ledger show \(incident.id) BILLS...`
      recomputes the bill-derived lines. Amounts in USD, days and times in UTC.
      """)
    out.set("id", incident.id)
    out.set("title", incident.title)
    out.set("status", incident.status.rawValue)
    out.set("start", literal: incident.start.description)
    out.set("end", literal: incident.end.description)
    out.setIfPresent("notes", incident.notes)
    if incident.rates != LoadedRates() {
      out.table("rates")
      out.setIfPresent("annual_cost", incident.rates.annualCost)
      out.set("year_hours", literal: String(incident.rates.yearHours))
      out.set("hours_per_day", literal: incident.rates.hoursPerDay.exactDecimal())
    }
    for series in incident.series {
      out.arrayTable("series")
      write(series, to: &out)
    }
    for anomaly in incident.anomalies {
      out.arrayTable("anomaly")
      out.set("kind", anomaly.kind)
      out.set("start", literal: anomaly.start.description)
      out.set("end", literal: anomaly.end.description)
      write(anomaly.series, to: &out)
      out.setIfPresent("impact", anomaly.impact)
      out.setIfPresent("root_cause", anomaly.rootCause)
    }
    for line in incident.costLines {
      out.arrayTable("cost")
      out.set("category", line.category.rawValue)
      out.set("description", line.description)
      CostLineEncoder.write(line.inputs, to: &out)
      out.setIfPresent("note", line.note)
      out.setIfPresent("owner", line.owner)
    }
    for entry in incident.timeline {
      out.arrayTable("event")
      out.set("at", literal: entry.at.description)
      out.set("text", entry.text)
    }
    for item in incident.actionItems {
      out.arrayTable("action")
      out.set("text", item.text)
      out.setIfPresent("owner", item.owner)
      out.setIfPresent("due", item.due)
      out.set("done", literal: item.done ? "true" : "false")
    }
    return out.text
  }

  static func write(_ series: SeriesSelector, to out: inout TOMLWriter) {
    for field in series.fields { out.set(field.key, field.value) }
  }

  /// `[{ service = "AmazonElastiCache" }, ...]`.
  static func inline(_ series: [SeriesSelector]) -> String {
    let tables = series.map { selector in
      "{ " + selector.fields.map { "\($0.key) = \(TOMLLiteral.string($0.value))" }.joined(separator: ", ")
        + " }"
    }
    return "[" + tables.joined(separator: ", ") + "]"
  }
}

/// Writes the inputs of one `[[cost]]` table in a fixed order.
enum CostLineEncoder {
  static func write(_ inputs: CostInputs, to out: inout TOMLWriter) {
    switch inputs {
    case .awsOverage(let overage):
      if !overage.series.isEmpty { out.set("series", literal: IncidentEncoder.inline(overage.series)) }
      out.set("basis", overage.basis.rawValue)
      out.set("baseline_weeks", literal: String(overage.baselineWeeks))
      out.setIfPresent("override", overage.override)
      out.setIfPresent("override_reason", overage.overrideReason)
    case .engineeringTime(let time):
      out.setIfPresent("role", time.role?.rawValue)
      out.set("people", literal: String(time.people))
      out.set("hours", literal: time.hours.exactDecimal())
      out.setIfPresent("weight", time.weight)
      if !time.reviewHours.isZero { out.set("review_hours", literal: time.reviewHours.exactDecimal()) }
      out.setIfPresent("hourly_rate", time.hourlyRate)
    case .revenueLoss(let revenue):
      out.setIfPresent("amount", revenue.amount)
      out.setIfPresent("degraded_hours", revenue.degradedHours)
      out.setIfPresent("revenue_per_hour", revenue.revenuePerHour)
      out.setIfPresent("annual_revenue", revenue.annualRevenue)
      out.setIfPresent("operating_hours", revenue.operatingHours)
    case .customerCredits(let credits):
      out.setIfPresent("amount", credits.amount)
      out.setIfPresent("customers", credits.customers)
      out.setIfPresent("monthly_contract_value", credits.monthlyContractValue)
      out.setIfPresent("credit_percent", credits.creditPercent)
    case .runRateIncrease(let runRate):
      out.setIfPresent("monthly_delta", runRate.monthlyDelta)
      out.set("horizon_months", literal: String(runRate.horizonMonths))
      if !runRate.series.isEmpty { out.set("series", literal: IncidentEncoder.inline(runRate.series)) }
      out.setIfPresent("step_date", runRate.stepDate)
      // Level days and basis only matter when the delta comes from the bills.
      let measured = runRate.monthlyDelta == nil
      if measured || runRate.levelDays != 28 { out.set("level_days", literal: String(runRate.levelDays)) }
      if measured || runRate.basis != .unblended { out.set("basis", runRate.basis.rawValue) }
    case .lostVelocity(let velocity):
      out.setIfPresent("amount", velocity.amount)
      out.setIfPresent("engineer_days", velocity.engineerDays)
      out.setIfPresent("daily_rate", velocity.dailyRate)
    }
  }
}

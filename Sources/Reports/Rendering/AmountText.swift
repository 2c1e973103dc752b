import SpendModel

/// How amounts, changes and days read in reports.
struct AmountText {
  /// The report's currency.
  let currency: String

  /// `$1,234.57` for USD, `1,234.57 EUR` otherwise.
  func money(_ amount: Money) -> String {
    if currency == "USD" { return amount.dollars() }
    return amount.formatted(decimals: 2, grouping: true) + " " + currency
  }

  /// `+$1,234.57`, `-$3.00`, `$0.00`.
  func signed(_ amount: Money) -> String {
    let rounded = amount.roundedToCents
    return rounded.units > 0 ? "+" + money(amount) : money(amount)
  }

  /// `+12.34%`, `-0.50%`; `new` when there was nothing before.
  static func percent(_ percent: Percent?) -> String {
    guard let percent else { return "new" }
    return (percent.hundredths > 0 ? "+" : "") + percent.description + "%"
  }

  /// `+$1,234.57 (+12.34%)`.
  func change(_ change: SpendChange) -> String {
    signed(change.delta) + " (" + AmountText.percent(change.deltaPercent) + ")"
  }

  /// `Oct 22–28`, `Sep 29 – Oct 5`, `Dec 29, 2026 – Jan 4, 2027`.
  static func span(_ period: ReportPeriod) -> String {
    let start = period.start.components
    let end = period.end.components
    let startText = monthNames[start.month - 1] + " \(start.day)"
    if start.year != end.year {
      return startText + ", \(start.year) – " + monthNames[end.month - 1] + " \(end.day), \(end.year)"
    }
    if period.start == period.end { return startText }
    if start.month == end.month { return startText + "–\(end.day)" }
    return startText + " – " + monthNames[end.month - 1] + " \(end.day)"
  }

  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// The basis sentence every report states.
  static func basisSentence(_ basis: CostBasis, currency: String) -> String {
    let what: String
    switch basis {
    case .unblended: what = "unblended cost (the invoice view)"
    case .amortized: what = "amortized cost (commitment fees spread over the usage they cover)"
    case .netUnblended: what = "net unblended cost (after discounts)"
    case .netAmortized: what = "net amortized cost (amortized, after discounts)"
    }
    return "Cost basis: \(what), every line item type (usage, fees, tax, credits, refunds), in \(currency)."
  }
}

import SpendModel

/// Number formats shared by the screens.
enum Format {
  /// `+$2,100.00` / `-$310.20`.
  static func signedDollars(_ amount: Money, decimals: Int = 2) -> String {
    amount.units > 0 ? "+" + amount.dollars(decimals: decimals) : amount.dollars(decimals: decimals)
  }

  /// A bill's own amount with nothing rounded away: at least cents, more decimals only when the bill
  /// has them (`$39.504`, `$1,234.50`, `-$0.0000012`).
  static func billedDollars(_ amount: Money) -> String {
    let exact = amount.exactDecimal(minimumDecimals: 2)
    let decimals = exact.split(separator: ".").last.map(\.count) ?? 2
    return amount.dollars(decimals: decimals)
  }

  /// `+$2.1k` / `-$310`.
  static func signedCompact(_ amount: Money) -> String {
    amount.units > 0 ? "+" + amount.compactDollars() : amount.compactDollars()
  }

  /// `+35.2%`, `-87.6%`, `new` when there was nothing before. Relative to the size of the
  /// previous amount, so the sign is the change's even from a negative one (credits).
  static func percentChange(_ current: Money, from previous: Money) -> String {
    let base = previous.units < 0 ? .zero - previous : previous
    guard let ratio = (current - previous).ratio(to: base) else { return current.isZero ? "0%" : "new" }
    return relative(ratio)
  }

  /// A relative change for narrow columns: `+35.2%`, and `×117` once it passes +999%.
  static func relative(_ ratio: Double) -> String {
    if ratio >= 9.995 { return "×" + Money(approximately: ratio + 1).formatted(decimals: 0) }
    return percent(ratio * 100, signed: true)
  }

  /// A percentage with one decimal (`12.5%`), optionally signed.
  static func percent(_ value: Double, signed: Bool = false) -> String {
    let rounded = Money(approximately: value).formatted(decimals: 1)
    return (signed && value > 0 ? "+" : "") + rounded + "%"
  }

  /// `▲` for up, `▼` for down, `=` for no change.
  static func arrow(_ change: Money) -> String { change.units > 0 ? "▲" : change.units < 0 ? "▼" : "=" }
}

import SpendModel

/// Number formats shared by the screens.
enum Format {
  /// `+$2,100.00` / `-$310.20`; a change that rounds to zero is `$0.00`, with no sign.
  static func signedDollars(_ amount: Money, decimals: Int = 2) -> String {
    signed(amount.dollars(decimals: decimals), up: amount.units > 0)
  }

  /// `text` with `+` in front when `up`, and without any sign when it shows no digit but zeros
  /// (`-$0.00` from a change of a fraction of a cent is `$0.00`).
  private static func signed(_ text: String, up: Bool) -> String {
    guard text.contains(where: { $0.isNumber && $0 != "0" }) else { return text.filter { $0 != "-" } }
    return up ? "+" + text : text
  }

  /// A bill's own amount with nothing rounded away: at least cents, more decimals only when the bill
  /// has them (`$39.504`, `$1,234.50`, `-$0.0000012`).
  static func billedDollars(_ amount: Money) -> String {
    let exact = amount.exactDecimal(minimumDecimals: 2)
    let decimals = exact.split(separator: ".").last.map(\.count) ?? 2
    return amount.dollars(decimals: decimals)
  }

  /// `+$2.1k` / `-$310`; `$0.00` for a change that rounds to zero.
  static func signedCompact(_ amount: Money) -> String {
    signed(amount.compactDollars(), up: amount.units > 0)
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

  /// `1 line item`, `2 line items`: a count and its noun, plural unless one.
  static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

  /// `▲` for up, `▼` for down, `=` for no change.
  static func arrow(_ change: Money) -> String { change.units > 0 ? "▲" : change.units < 0 ? "▼" : "=" }
}

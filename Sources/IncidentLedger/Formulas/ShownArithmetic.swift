import SpendModel

/// The sign between a calculation's operands and its result, as people read them (in cents).
///
/// Amounts are exact (1e-10) and shown rounded to cents, so rounded operands can miss the rounded
/// result by a cent (`$48,912.35 − $2,116.17 … = $46,796.19`). A calculation says `=` only when the
/// operands as shown give the result as shown, and `≈` otherwise; the amount itself stays exact, so
/// the ledger's totals are the exact sums.
enum ShownArithmetic {
  /// An amount as `dollars()` shows it: rounded half to even to cents.
  static func cents(_ amount: Money) -> Money {
    let unitsPerCent = Money.unitsPerWhole / 100
    return Money(units: Money.divideRounded(amount.units, by: unitsPerCent) * unitsPerCent)
  }

  /// `=` when `fromShown` (the arithmetic done on the operands as shown) shows as `exact` does,
  /// else `≈`.
  static func sign(_ fromShown: Money, _ exact: Money) -> String {
    cents(fromShown) == cents(exact) ? "=" : "≈"
  }
}

import SpendModel

/// How an amount is kept in SQLite: two INTEGER columns, whole currency units and the 10⁻¹⁰
/// remainder (same sign), so that `units = whole × 10¹⁰ + fraction`.
///
/// A single Int64 column of 10⁻¹⁰ units overflows at about $922 M for one cell, and SQLite's
/// `SUM` raises `integer overflow` far sooner when summing many large cells. Split, a cell may hold
/// up to ±$9.2 × 10¹⁸, `SUM(whole)` is safe for any real bill and `SUM(fraction)` for up to 9 × 10⁸
/// cells; the recombined sum is exact. Small amounts cost almost nothing: SQLite stores 0 and 1 in
/// zero bytes and other integers in as few bytes as they need.
struct StoredMoney: Equatable, Sendable {
  /// Whole currency units (truncated toward zero).
  var whole: Int64
  /// The remainder in 10⁻¹⁰ units, `|fraction| < 10¹⁰`, with the sign of the amount.
  var fraction: Int64

  /// Splits an amount.
  ///
  /// - Throws: `StoreError.amountOutOfRange` when the whole part does not fit Int64.
  init(_ money: Money) throws(StoreError) {
    let (quotient, remainder) = money.units.quotientAndRemainder(dividingBy: Money.unitsPerWhole)
    guard let whole = Int64(exactly: quotient) else { throw .amountOutOfRange(money) }
    self.whole = whole
    self.fraction = Int64(remainder)
  }

  /// Recombines summed columns (sums of many fractions may exceed 10¹⁰; that is fine).
  static func money(whole: Int64, fraction: Int64) -> Money {
    Money(units: Int128(whole) * Money.unitsPerWhole + Int128(fraction))
  }
}

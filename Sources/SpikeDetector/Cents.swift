import SpendModel

/// Whole cents for the money an anomaly reports, so that its numbers add up in every format.
///
/// An anomaly's `actual` is rounded half to even to the cent, its `expected` is a whole number of
/// cents, and `impact` is the difference of the two; contributors' impacts are whole cents that add
/// up to exactly that impact (largest remainder). JSON, CSV and the table then print the same
/// numbers, and `impact == actual − expected` holds in each.
enum Cents {
  /// The units of one cent.
  private static let cent = Money.unitsPerWhole / 100

  /// `money` rounded half to even to whole cents.
  static func rounded(_ money: Money) -> Money {
    Money(units: Money.divideRounded(money.units, by: cent) * cent)
  }

  /// Whole-cent amounts, one per value, that add up to exactly `total` (a whole number of cents),
  /// each as near its value as that allows.
  ///
  /// Each value starts at its floor in cents; the cents still missing go, one each, to the values
  /// with the largest fractions (or, when the floors overshoot, come off the smallest), the first
  /// in order on ties, round and round when there are more cents than values.
  static func allocate(_ values: [Money], total: Money) -> [Money] {
    guard !values.isEmpty else { return [] }
    var cents = values.map { floorCents($0.units) }
    let fractions = values.indices.map { values[$0].units - cents[$0] * cent }
    var missing = total.units / cent - cents.reduce(0, +)
    let step: Int128 = missing >= 0 ? 1 : -1
    let order = values.indices.sorted {
      fractions[$0] != fractions[$1] ? (fractions[$0] > fractions[$1]) == (step > 0) : $0 < $1
    }
    var position = 0
    while missing != 0 {
      cents[order[position]] += step
      missing -= step
      position = (position + 1) % order.count
    }
    return cents.map { Money(units: $0 * cent) }
  }

  /// The largest whole number of cents not above `units`.
  private static func floorCents(_ units: Int128) -> Int128 {
    let quotient = units / cent
    return units % cent < 0 ? quotient - 1 : quotient
  }
}

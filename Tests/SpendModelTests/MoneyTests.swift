import Testing

@testable import SpendModel

@Suite struct MoneyTests {
  @Test func parsesPlainDecimals() throws {
    #expect(try Money(parsing: "12.5").units == 125_000_000_000)
    #expect(try Money(parsing: "-0.25").units == -2_500_000_000)
    #expect(try Money(parsing: "+3").units == 30_000_000_000)
    #expect(try Money(parsing: ".5").units == 5_000_000_000)
    #expect(try Money(parsing: "0.0000000001").units == 1)
  }

  @Test func parsesENotationExactly() throws {
    #expect(try Money(parsing: "9.984E-7").units == 9984)
    #expect(try Money(parsing: "1e-06").units == 10_000)
    #expect(try Money(parsing: "-2.1e-9").units == -21)
    #expect(try Money(parsing: "35.2E-7").units == 35_200)
    #expect(try Money(parsing: "1.5E3").units == 15_000_000_000_000)
  }

  @Test func roundsBeyondTenDecimalsHalfToEven() throws {
    #expect(try Money(parsing: "0.00000000005").units == 0)
    #expect(try Money(parsing: "0.00000000015").units == 2)
    #expect(try Money(parsing: "0.000000000151").units == 2)
    #expect(try Money(parsing: "0.00000000025").units == 2)
    #expect(try Money(parsing: "0.000000000251").units == 3)
    #expect(try Money(parsing: "-0.00000000015").units == -2)
    #expect(try Money(parsing: "7.865e-11").units == 1)
  }

  @Test func rejectsWhatIsNotANumber() {
    #expect(throws: MoneyParseError.empty) { try Money(parsing: "") }
    #expect(throws: MoneyParseError.unexpectedCharacter(offset: 1)) { try Money(parsing: "1x") }
    #expect(throws: MoneyParseError.unexpectedCharacter(offset: 1)) { try Money(parsing: "-") }
    #expect(throws: MoneyParseError.unexpectedCharacter(offset: 3)) { try Money(parsing: "1e-") }
    #expect(throws: MoneyParseError.unexpectedCharacter(offset: 0)) { try Money(parsing: "NULL") }
    #expect(throws: MoneyParseError.unexpectedCharacter(offset: 3)) { try Money(parsing: "1.2.3") }
  }

  @Test func sumsNeverLoseACent() throws {
    // A million E-notation amounts: Double drifts, Money does not.
    var total = Money.zero
    let item = try Money(parsing: "9.984E-7")
    for _ in 0..<1_000_000 { total += item }
    #expect(total.units == 9_984_000_000)
    #expect(total.exactDecimal() == "0.9984")
  }

  @Test func formatsForPeopleAndMachines() throws {
    let amount = try Money(parsing: "-1234567.891")
    #expect(amount.formatted(decimals: 2, grouping: true) == "-1,234,567.89")
    #expect(amount.dollars() == "-$1,234,567.89")
    #expect(amount.exactDecimal(minimumDecimals: 6) == "-1234567.891000")
    #expect(try Money(parsing: "0.125").formatted(decimals: 2) == "0.12")
    #expect(try Money(parsing: "0.135").formatted(decimals: 2) == "0.14")
    #expect(Money(whole: 51_000).compactDollars() == "$51.0k")
    #expect(Money.zero.exactDecimal() == "0")
  }

  @Test func multipliesByDecimalFactors() throws {
    let rate = try Money(parsing: "72.115384615")
    #expect(rate.multiplied(by: try Money(parsing: "1.5")).exactDecimal() == "108.1730769225")
    #expect(Money(whole: 2_100) * 12 == Money(whole: 25_200))
    #expect(Money(whole: 150_000).divided(by: 2_080).exactDecimal() == "72.1153846154")
  }
}

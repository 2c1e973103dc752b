import SpendFormats
import SpendModel

extension JSONValue {
  /// A money amount as an exact JSON number in dollars, or `null`.
  static func money(_ amount: Money?) -> JSONValue {
    amount.map { .number($0.exactDecimal()) } ?? .null
  }
}

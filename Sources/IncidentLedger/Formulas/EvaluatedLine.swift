import SpendModel

/// A named input of a cost line as reports show it (JSON key, value).
public struct LineInput: Sendable, Equatable {
  /// The input's name in camelCase (`hourlyRate`), as JSON writes it.
  public var key: String
  /// The value.
  public var value: InputValue

  /// Creates an input.
  public init(_ key: String, _ value: InputValue) {
    self.key = key
    self.value = value
  }
}

/// The value of an input.
public enum InputValue: Sendable, Equatable {
  /// An amount of money.
  case money(Money)
  /// An exact decimal quantity (hours, weights, days).
  case quantity(Quantity)
  /// A count.
  case integer(Int)
  /// Text.
  case text(String)
  /// A day.
  case day(Day)
  /// Series selectors.
  case series([SeriesSelector])

  /// The value for people: `$100.00`, `0.75`, `2026-10-01`, `AmazonElastiCache / * / * / *`.
  public var display: String {
    switch self {
    case .money(let money): return money.dollars()
    case .quantity(let quantity): return quantity.exactDecimal()
    case .integer(let count): return String(count)
    case .text(let text): return text
    case .day(let day): return day.description
    case .series(let series): return series.map(\.description).joined(separator: "; ")
    }
  }
}

/// A cost line with its amount worked out: the formula, the numbers that went in, the source.
public struct EvaluatedLine: Sendable {
  /// The line as stored.
  public var line: CostLine
  /// The amount, or nil when it cannot be computed (see `missing`).
  public var amount: Money?
  /// Where the amount comes from.
  public var source: CostSource
  /// The formula in words (`people × (hours × weight + review hours) × hourly rate`).
  public var formula: String
  /// The formula with its numbers (`2 × (40 × 0.5 + 3) × $100.00`), when the amount is known.
  public var calculation: String
  /// The inputs, for JSON and reports.
  public var inputs: [LineInput]
  /// Why the amount is nil.
  public var missing: String?
  /// The overage computation, for `aws-overage` lines computed from bills.
  public var overage: OverageResult?
  /// The step measurement, for `run-rate-increase` lines computed from bills.
  public var runRate: RunRateResult?

  /// The line's category.
  public var category: CostCategory { line.category }

  init(line: CostLine, source: CostSource, formula: String) {
    self.line = line
    self.amount = nil
    self.source = source
    self.formula = formula
    self.calculation = ""
    self.inputs = []
    self.missing = nil
  }
}

/// An incident's cost worked out: each line, totals per category and in all.
public struct IncidentCosts: Sendable {
  /// The lines, in the incident's order.
  public var lines: [EvaluatedLine]

  /// The total of a category; nil when a line of it is missing its amount; 0 with no lines.
  public func total(of category: CostCategory) -> Money? {
    var sum = Money.zero
    for line in lines where line.category == category {
      guard let amount = line.amount else { return nil }
      sum += amount
    }
    return sum
  }

  /// The total of every line; nil when any line is missing its amount.
  public var total: Money? {
    lines.contains { $0.amount == nil } ? nil : knownTotal
  }

  /// The sum of the lines whose amounts are known.
  public var knownTotal: Money { lines.reduce(.zero) { $0 + ($1.amount ?? .zero) } }

  /// The categories with a line missing its amount.
  public var missingCategories: [CostCategory] {
    CostCategory.allCases.filter { category in lines.contains { $0.category == category && $0.amount == nil }
    }
  }
}

import SpendModel

/// A change to one cost line as a form enters it: category, description, an amount, a note.
///
/// Applied to a stored line it changes only what it names: the note, the owner and the inputs of
/// the category's formula stay. An entered amount overrides the formula (the inputs are kept
/// and the line says it overrides them); categories whose amount is only ever computed
/// (`engineering-time`, `run-rate-increase`) refuse one.
public struct CostLineEdit: Sendable, Equatable {
  /// The line's category.
  public var category: CostCategory
  /// What the line is.
  public var description: String
  /// An entered amount; nil keeps the line's amount (its formula, or the amount it had).
  public var amount: Money?
  /// Assumptions in words.
  public var note: String

  /// Creates an edit.
  public init(category: CostCategory, description: String, amount: Money?, note: String) {
    self.category = category
    self.description = description
    self.amount = amount
    self.note = note
  }

  /// Whether a line of `category` can be given an entered amount: every category but those only
  /// ever computed from their inputs (people's time, the bill's run rate).
  public static func takesEnteredAmount(_ category: CostCategory) -> Bool {
    category != .engineeringTime && category != .runRateIncrease
  }

  /// The line with this edit applied: a new line when `line` is nil, else `line` with its
  /// description, note and (when given) amount changed and everything else kept.
  ///
  /// - Throws: `LedgerError.invalidChange` naming what cannot be done.
  public func applied(to line: CostLine?) throws(LedgerError) -> CostLine {
    if let amount, let problem = category.problem(amount: amount) { throw .invalidChange(problem) }
    guard let line else { return try newLine() }
    guard line.category == category else {
      throw .invalidChange(
        "a saved line keeps its category (\(line.category.rawValue)): add a \(category.rawValue) line "
          + "instead")
    }
    var changed = line
    changed.description = description
    changed.note = note
    guard let amount else { return changed }
    switch line.inputs {
    case .awsOverage(var inputs):
      inputs.override = amount
      if inputs.overrideReason.trimmingSpaces.isEmpty { inputs.overrideReason = Self.dashboardReason }
      changed.inputs = .awsOverage(inputs)
    case .revenueLoss(var inputs):
      inputs.amount = amount
      changed.inputs = .revenueLoss(inputs)
    case .customerCredits(var inputs):
      inputs.amount = amount
      changed.inputs = .customerCredits(inputs)
    case .lostVelocity(var inputs):
      inputs.amount = amount
      changed.inputs = .lostVelocity(inputs)
    case .engineeringTime, .runRateIncrease:
      throw Self.computedOnly(category)
    }
    return changed
  }

  /// The reason an overage override entered without one records.
  public static let dashboardReason = "entered in the dashboard"

  private func newLine() throws(LedgerError) -> CostLine {
    guard Self.takesEnteredAmount(category) else { throw Self.computedOnly(category) }
    guard let amount else { throw .invalidChange("a new \(category.rawValue) line needs an amount") }
    let text = amount.exactDecimal()
    let fields: [CostLineBuilder.Field]
    if category == .awsOverage {
      let reason = note.trimmingSpaces.isEmpty ? Self.dashboardReason : note
      fields = [("description", description), ("override", text), ("override_reason", reason)]
    } else {
      fields = [("description", description), ("amount", text)] + (note.isEmpty ? [] : [("note", note)])
    }
    return try CostLineBuilder.line(category: category.rawValue, fields: fields)
  }

  private static func computedOnly(_ category: CostCategory) -> LedgerError {
    .invalidChange(
      "\(category.rawValue) amounts are computed from their inputs: change them with spendtop ledger edit ID "
        + "(or add the line with spendtop ledger add ID cost --category \(category.rawValue) ...)")
  }
}

extension Incident {
  /// Applies `edit` to cost line `index` (0-based), or appends a new line when `index` is nil.
  ///
  /// - Returns: the index of the line in `costLines`.
  /// - Throws: `LedgerError.invalidChange` for an index the incident does not have, or an edit
  ///   that cannot be applied.
  @discardableResult
  public mutating func apply(_ edit: CostLineEdit, at index: Int?) throws(LedgerError) -> Int {
    guard let index else {
      costLines.append(try edit.applied(to: nil))
      return costLines.count - 1
    }
    guard costLines.indices.contains(index) else {
      throw .invalidChange(
        "\(id) has \(costLines.count) cost lines, not \(index + 1): the file changed; reload the dashboard")
    }
    costLines[index] = try edit.applied(to: costLines[index])
    return index
  }
}

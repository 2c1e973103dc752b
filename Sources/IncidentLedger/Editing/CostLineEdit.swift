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
  /// An edit applies only to the line it was made to: `shown` is line `index` as it was loaded,
  /// and an incident that no longer has it there (a line removed or changed meanwhile) is
  /// refused, never edited in the wrong place.
  ///
  /// - Returns: the index of the line in `costLines`.
  /// - Throws: `LedgerError.changedSinceLoaded` when line `index` is not `shown`,
  ///   `LedgerError.invalidChange` for an edit that cannot be applied.
  @discardableResult
  public mutating func apply(_ edit: CostLineEdit, at index: Int?, shown: CostLine?) throws(LedgerError)
    -> Int
  {
    guard let index else {
      costLines.append(try edit.applied(to: nil))
      return costLines.count - 1
    }
    let current = costLines.indices.contains(index) ? costLines[index] : nil
    guard let current, current == shown else {
      throw .changedSinceLoaded(id: id, detail: Self.difference(line: index, shown: shown, now: current))
    }
    costLines[index] = try edit.applied(to: current)
    return index
  }

  /// Why the incident is not `loaded` any more, in words: the edited line first, else the first
  /// cost line that differs, else its other fields.
  func difference(from loaded: Incident, editing index: Int?) -> String {
    func line(_ lines: [CostLine], _ index: Int) -> CostLine? {
      lines.indices.contains(index) ? lines[index] : nil
    }
    if let index, line(loaded.costLines, index) != line(costLines, index) {
      return Self.difference(line: index, shown: line(loaded.costLines, index), now: line(costLines, index))
    }
    if let changed = (0..<max(costLines.count, loaded.costLines.count)).first(where: {
      line(loaded.costLines, $0) != line(costLines, $0)
    }) {
      return Self.difference(
        line: changed, shown: line(loaded.costLines, changed), now: line(costLines, changed))
    }
    return "its fields other than the cost lines changed"
  }

  private static func difference(line index: Int, shown: CostLine?, now: CostLine?) -> String {
    let was = shown.map { "\"\($0.description)\"" } ?? "none"
    let now = now.map { "is now \"\($0.description)\"" } ?? "is gone"
    return "cost line \(index + 1), \(was), \(now)"
  }
}

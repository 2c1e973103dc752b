/// A `CubeFilter` over a compact cube's keys: each condition decided once per label or tag set,
/// then per cell by an array lookup.
struct CompactFilter {
  private let from: Int32?
  private let to: Int32?
  private let conditions: [Condition]

  private enum Condition {
    /// The field's label must be one of those marked (a field that holds no label matches nothing).
    case label(GroupField?, matching: [Bool])
    /// The cell's tag set must be one of those marked.
    case tags(matching: [Bool])
    /// The day's text must be this.
    case day(String)
    /// The month's text must be this.
    case month(String)
  }

  init(_ filter: CubeFilter, cells: CompactCube) {
    from = filter.from?.ordinal
    to = filter.to?.ordinal
    conditions = filter.equals.map { condition in
      let value = condition.value
      switch condition.dimension {
      case .day: return .day(value)
      case .month: return .month(value)
      case .tag(let key):
        let matching = cells.tagSets.map { set in
          let pair = set.first { cells.labels[Int($0.key)] == key }
          return (pair.map { cells.labels[Int($0.value)] } ?? "") == value
        }
        return .tags(matching: matching)
      default:
        return .label(GroupField(condition.dimension), matching: cells.labels.map { $0 == value })
      }
    }
  }

  /// Whether a cell passes.
  @inline(__always)
  func matches(_ key: CompactCube.Key) -> Bool {
    if let from, key.day < from { return false }
    if let to, key.day > to { return false }
    for condition in conditions {
      switch condition {
      case .label(let field, let matching):
        guard let label = field?.label(in: key), matching[Int(label)] else { return false }
      case .tags(let matching):
        guard matching[Int(key.tags)] else { return false }
      case .day(let text):
        guard Day(ordinal: key.day).description == text else { return false }
      case .month(let text):
        guard Day(ordinal: key.day).month.description == text else { return false }
      }
    }
    return true
  }
}

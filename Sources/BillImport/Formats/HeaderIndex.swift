/// Finds columns by name, case-insensitively, in either CUR spelling.
///
/// Names are compared by a canonical key: lowercase letters and digits only. So
/// `lineItem/UnblendedCost`, `line_item_unblended_cost` and `LINEITEM/UNBLENDEDCOST` are one
/// column, and `savingsPlan/SavingsPlanARN` matches `savings_plan_savings_plan_a_r_n`.
struct HeaderIndex {
  /// The header as written.
  let names: [String]
  private var positions: [String: Int] = [:]

  /// Indexes a header; when two cells share a key the first wins.
  init(_ names: [String]) {
    self.names = names
    for (index, name) in names.enumerated() {
      let key = HeaderIndex.canonical(name)
      if positions[key] == nil { positions[key] = index }
    }
  }

  /// The position of the first column whose canonical key matches one of `names`, in order.
  func position(_ candidates: String...) -> Int? { position(of: candidates) }

  /// The position of the first of `candidates` that exists.
  func position(of candidates: [String]) -> Int? {
    for name in candidates {
      if let index = positions[HeaderIndex.canonical(name)] { return index }
    }
    return nil
  }

  /// The exact-name (case-insensitive) position: for CUR 2.0 map columns such as `product`.
  func exactPosition(_ name: String) -> Int? {
    names.firstIndex { $0.lowercased() == name.lowercased() }
  }

  /// Lowercase letters and digits of a name.
  static func canonical(_ name: String) -> String {
    String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
  }
}

import BillImport
import SpendModel

/// What to say about cost bases a bill has no columns for (they equal the basis they derive from).
enum DefaultedBases {
  /// The import summary's lines for one file: `  basis    net-unblended: no net unblended cost
  /// column: equals unblended`, in `CostBasis` order.
  static func summaryLines(_ summary: ImportSummary) -> [String] {
    CostBasis.allCases.compactMap { basis in
      summary.defaultedBases[basis].map { "  basis    \(basis.rawValue): \($0)\n" }
    }
  }

  /// Notes for `cube --basis BASIS` when files lack its columns: one per distinct reason, naming the
  /// file (or how many of the files with rows).
  static func queryNotes(_ summaries: [ImportSummary], basis: CostBasis) -> [String] {
    guard basis != .unblended else { return [] }
    let withRows = summaries.filter { $0.rowsRead > 0 }
    var byReason: [(reason: String, paths: [String])] = []
    for summary in withRows {
      guard let reason = summary.defaultedBases[basis] else { continue }
      if let index = byReason.firstIndex(where: { $0.reason == reason }) {
        byReason[index].paths.append(summary.path)
      } else {
        byReason.append((reason, [summary.path]))
      }
    }
    return byReason.map { entry in
      let which: String
      if entry.paths.count == 1 {
        which = entry.paths[0]
      } else if entry.paths.count == withRows.count {
        which = "all \(withRows.count) files"
      } else {
        which = "\(entry.paths.count) of \(withRows.count) files, e.g. \(entry.paths[0])"
      }
      return "--basis \(basis.rawValue): \(entry.reason) (\(which))"
    }
  }
}

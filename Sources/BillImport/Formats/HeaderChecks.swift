/// Checks on a header row beyond recognising its format: that it is text, and that no column
/// spendtop reads appears twice (the first would win silently, dropping the other's values).
enum HeaderChecks {
  /// The first header cell that is not UTF-8 text without control characters: its 0-based
  /// column and the problem.
  static func textProblem(_ header: CSVRecord) -> (column: Int, problem: String)? {
    for index in 0..<header.count {
      let bytes = header.field(index)
      if let problem = FieldText.problem(bytes) {
        return (index, "header " + problem.expectation + ": " + FieldText.quote(bytes))
      }
    }
    return nil
  }

  /// The first cell that repeats a column the map reads: its 0-based column and the problem.
  ///
  /// Columns are the same when their canonical names match (`lineItem/UnblendedCost` =
  /// `line_item_unblended_cost`); tag columns, whose keys are case-sensitive and may differ only
  /// in punctuation (`user:Team`, `user:team`, `user:cost-center`, `user:costcenter` are four tags),
  /// only when their names are identical.
  static func duplicate(in header: [String], columns: LineItemColumns) -> (column: Int, problem: String)? {
    // One pass over the header (it may be hostile and wide): keys of the columns read, then every
    // cell with one of those keys.
    let tagIndexes = Set(columns.tagColumns.map(\.index))
    func key(_ index: Int) -> String {
      tagIndexes.contains(index) ? "tag " + header[index] : HeaderIndex.canonical(header[index])
    }
    let usedKeys = Set(columns.usedColumns.map(key))
    var firstIndex: [String: Int] = [:]
    for index in header.indices {
      // Canonical keys have no spaces, so a "tag " key never matches an ordinary column.
      let candidates = [HeaderIndex.canonical(header[index]), "tag " + header[index]]
      for candidate in candidates where usedKeys.contains(candidate) {
        guard let first = firstIndex[candidate] else {
          firstIndex[candidate] = index
          continue
        }
        let repeated = "column \(header[index]) repeats column \(first + 1) (\(header[first]))"
        return (index, repeated + "; expected each column once")
      }
    }
    return nil
  }
}

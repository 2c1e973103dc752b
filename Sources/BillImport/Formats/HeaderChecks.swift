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
    let tagIndexes = Set(columns.tagColumns.map(\.index))
    for used in Set(columns.usedColumns).sorted() {
      let isTag = tagIndexes.contains(used)
      let name = header[used]
      let key = isTag ? name : HeaderIndex.canonical(name)
      for other in header.indices where other != used {
        let otherKey = isTag ? header[other] : HeaderIndex.canonical(header[other])
        guard otherKey == key else { continue }
        let (first, second) = (min(used, other), max(used, other))
        return (
          second,
          "column \(header[second]) repeats column \(first + 1) (\(header[first])); expected each column once"
        )
      }
    }
    return nil
  }
}

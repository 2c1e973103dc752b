import BillImport
import Dashboard

/// Reads one resource's line items straight from the bill files (the cube keeps only sums), for
/// the Explorer's bottom level, newest first: only those of the drill-down's cells in the period
/// on screen (`LineItemScope`). Columns are found by name in any format (CUR, its Athena and 2.0
/// spellings, FOCUS); files without a resource column are skipped.
enum LineItemReader {
  /// Rows kept at most (the rest are counted as truncated).
  static let limit = 2_000

  /// The columns shown, in order; each lists header spellings, compared lowercased without `/` or `_`.
  static let wanted: [[String]] = [
    ["lineitemusagestartdate", "chargeperiodstart"],
    ["lineitemusagetype"],
    ["lineitemoperation"],
    ["lineitemlineitemtype", "chargecategory"],
    ["lineitemlineitemdescription", "chargedescription"],
    ["lineitemusageamount", "consumedquantity"],
    LineItemTable.costSpellings,
  ]

  /// The resource ID column's spellings.
  static let resourceColumn = ["lineitemresourceid", "resourceid"]

  /// The columns a line item is matched to the cube's cells by, as the importer reads them: the
  /// first non-empty field of each list wins (FOCUS has no usage type column of its own).
  static let matchColumns: (day: [String], usageType: [String], operation: [String], type: [String]) = (
    day: ["lineitemusagestartdate", "chargeperiodstart"],
    usageType: ["lineitemusagetype", "xusagetype", "skumeter", "chargedescription"],
    operation: ["lineitemoperation", "xoperation"], type: ["lineitemlineitemtype", "chargecategory"]
  )

  /// Reads the line items of `scope.resource` within `scope` from the files `paths` lead to.
  ///
  /// - Throws: `BillImportError` when the paths cannot be planned (missing files), `CSVError`
  ///   when a file cannot be read.
  static func read(scope: LineItemScope, paths: [String]) throws -> LineItemTable {
    let plan = try ImportPlan.make(paths: paths)
    var columns: [String] = []
    var rows: [[String]] = []
    var truncated = false
    for source in plan.sources {
      var scanner = CSVScanner(source: try FileByteSource(path: source.path))
      guard let header = try scanner.next() else { continue }
      let names = (0..<header.count).map { header.string($0) }
      let normalized = names.map(LineItemTable.normalized)
      guard let resourceIndex = normalized.firstIndex(where: resourceColumn.contains) else { continue }
      let picks = wanted.compactMap { spellings in normalized.firstIndex(where: spellings.contains) }
      if columns.isEmpty { columns = picks.map { names[$0] } }
      guard picks.count == columns.count else { continue }
      func positions(_ spellings: [String]) -> [Int] {
        spellings.compactMap { spelling in normalized.firstIndex(of: spelling) }
      }
      let day = positions(matchColumns.day), usageType = positions(matchColumns.usageType)
      let operation = positions(matchColumns.operation), type = positions(matchColumns.type)
      while let record = try scanner.next() {
        guard record.string(resourceIndex) == scope.resource else { continue }
        func first(_ indices: [Int]) -> String {
          indices.lazy.map { record.string($0) }.first { !$0.isEmpty } ?? ""
        }
        guard
          scope.admits(
            usageStart: first(day), usageType: first(usageType), operation: first(operation),
            lineItemType: first(type))
        else { continue }
        guard rows.count < limit else {
          truncated = true
          break
        }
        rows.append(picks.map { record.string($0) })
      }
    }
    rows.sort { $1.lexicographicallyPrecedes($0) }  // newest first
    return LineItemTable(
      resource: scope.resource, columns: columns, rows: rows, files: plan.sources.count, truncated: truncated,
      days: scope.days)
  }
}

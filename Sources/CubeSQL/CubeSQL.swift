import SpendModel

/// Writes the SQL that computes spendtop's cube from a billing export table or files, in the
/// dialect of DuckDB, Trino or Athena: the importer's column mapping and amortization rules, summed
/// by the engine, as rows of the cube CSV contract (`CubeCSV`).
public enum CubeSQL {
  /// The exact decimal type every amount is cast to and summed in (the store keeps 10 decimals).
  public static let decimalType = "DECIMAL(38, 10)"

  /// The SQL for a request.
  ///
  /// - Throws: `CubeSQLError` when the source lacks required columns, files are asked of an engine
  ///   that cannot read them, or the range is empty.
  public static func query(_ request: CubeSQLRequest) throws(CubeSQLError) -> String {
    if case .files = request.source, request.engine != .duckdb { throw .filesNeedDuckDB(request.engine) }
    if let from = request.from, let to = request.to, from > to {
      throw .emptyRange(from: from.description, to: to.description)
    }
    let columns = SourceColumns(request.columns)
    let mapping = try LineMapping.make(format: request.format, columns: columns)
    let dialect = SQLDialect(engine: request.engine)
    let dimensions = try CubeSQL.dimensions(mapping, grain: request.grain, dialect: dialect)
    let costs = CostExpressions(mapping: mapping, dialect: dialect)
    let partitions = PartitionFilter(columns: columns, from: request.from, to: request.to, dialect: dialect)

    var sql = header(request, columns: columns, partitions: partitions)
    sql += "WITH line_item AS (\n  SELECT\n"
    var selected = dimensions.map { "    \($0.expression) AS \(dialect.identifier($0.name))" }
    selected.append("    \(costs.unblended) AS unblended")
    selected.append("    \(costs.amortized) AS amortized")
    selected.append("    \(costs.netUnblended) AS net_unblended")
    selected.append("    \(costs.netAmortized) AS net_amortized")
    sql += selected.joined(separator: ",\n") + "\n"
    sql += "  FROM \(source(request, dialect: dialect))\n"
    if let predicate = partitions.predicate { sql += "  WHERE \(predicate)\n" }
    sql += ")\nSELECT\n"
    let names = dimensions.map { dialect.identifier($0.name) }
    var outer = names.map { "  \($0)" }
    for basis in CubeCSV.moneyColumns {
      outer.append("  CAST(sum(\(basis)) AS \(decimalType)) AS \(basis)")
    }
    sql += outer.joined(separator: ",\n") + "\nFROM line_item\n"
    var conditions: [String] = []
    if let from = request.from { conditions.append("day >= \(dialect.literal(from.description))") }
    if let to = request.to { conditions.append("day <= \(dialect.literal(to.description))") }
    if !conditions.isEmpty { sql += "WHERE " + conditions.joined(separator: " AND ") + "\n" }
    sql += "GROUP BY " + names.joined(separator: ", ") + ";\n"
    return sql
  }

  // MARK: - Parts

  /// A cube column and the expression that fills it.
  struct Column {
    var name: String
    var expression: String
  }

  /// The dimension columns of the cube CSV, in contract order; those outside the grain are `''`.
  static func dimensions(
    _ m: LineMapping, grain: Set<Dimension>?, dialect d: SQLDialect
  ) throws(CubeSQLError) -> [Column] {
    func kept(_ dimension: Dimension) -> Bool { grain?.contains(dimension) ?? true }
    func first(_ names: [String], extra: [String] = []) -> String {
      let parts = names.map(d.text) + extra
      return parts.isEmpty ? "''" : "COALESCE(\(parts.joined(separator: ", ")), '')"
    }
    let day = d.dayText(m.day)
    let period = m.billingPeriod.map {
      "COALESCE(substr(NULLIF(CAST(\(d.identifier($0)) AS VARCHAR), ''), 1, 7), substr(\(day), 1, 7))"
    }
    var service = first(m.service)
    var region = first(m.region)
    if let product = m.productMap {
      service = first(m.service, extra: ["NULLIF(\(d.mapValue(product, key: "product_name")), '')"])
      region = first(m.region, extra: ["NULLIF(\(d.mapValue(product, key: "region")), '')"])
    }
    var columns = [
      Column(name: "day", expression: day),
      Column(name: "billing_period", expression: period ?? "substr(\(day), 1, 7)"),
      Column(name: "payer_account", expression: first([m.payer].compactMap { $0 })),
      Column(name: "account", expression: kept(.account) ? first([m.account].compactMap { $0 }) : "''"),
      Column(name: "service", expression: kept(.service) ? service : "''"),
      Column(name: "usage_type", expression: kept(.usageType) ? first(m.usageType) : "''"),
      Column(name: "operation", expression: kept(.operation) ? first(m.operation) : "''"),
      Column(name: "region", expression: kept(.region) ? region : "''"),
      Column(name: "resource", expression: kept(.resource) ? first([m.resource].compactMap { $0 }) : "''"),
      Column(
        name: "line_item_type",
        expression: kept(.lineItemType) ? first([m.lineItemType].compactMap { $0 }) : "''"),
      Column(name: "currency", expression: m.currency.map { "COALESCE(\(d.text($0)), 'USD')" } ?? "'USD'"),
    ]
    columns += try tagColumns(m.tags, grain: grain, dialect: d)
    return columns
  }

  /// The `tags` column (a JSON object) and `tag:KEY` columns.
  private static func tagColumns(
    _ source: LineMapping.TagSource, grain: Set<Dimension>?, dialect d: SQLDialect
  ) throws(CubeSQLError) -> [Column] {
    var keys: [String]?
    if let grain {
      keys = grain.compactMap { if case .tag(let key) = $0 { key } else { nil } }.sorted()
    }
    for key in keys ?? [] where key.contains("\"") || key.contains("\\") { throw .unsupportedTagKey(key) }
    let noJSON = Column(name: "tags", expression: "''")
    switch source {
    case .none:
      return [noJSON] + (keys ?? []).map { Column(name: "tag:" + $0, expression: "''") }
    case .columns(let tagColumns):
      guard let keys else {
        return [noJSON]
          + tagColumns.map { Column(name: "tag:" + $0.key, expression: "COALESCE(\(d.text($0.column)), '')") }
      }
      return [noJSON]
        + keys.map { key in
          let column = tagColumns.first { $0.key == key }?.column
          return Column(name: "tag:" + key, expression: column.map { "COALESCE(\(d.text($0)), '')" } ?? "''")
        }
    case .jsonText(let column, let prefix):
      return jsonTags(d.identifier(column), prefix: prefix, keys: keys, dialect: d)
    case .map(let column, let prefix):
      return jsonTags(d.mapAsJSON(column), prefix: prefix, keys: keys, dialect: d)
    }
  }

  /// Tags from a JSON object: whole (keys without `prefix`) at the store grain, else one column per key.
  private static func jsonTags(_ json: String, prefix: String, keys: [String]?, dialect d: SQLDialect)
    -> [Column]
  {
    guard let keys else {
      var stripped = json
      for opening in ["{\"", ",\"", ", \""] {
        stripped = "replace(\(stripped), \(d.literal(opening + prefix)), \(d.literal(opening)))"
      }
      return [Column(name: "tags", expression: "COALESCE(\(stripped), '')")]
    }
    return [Column(name: "tags", expression: "''")]
      + keys.map { key in
        Column(
          name: "tag:" + key,
          expression: "COALESCE(\(d.jsonValue(json, key: key)), \(d.jsonValue(json, key: prefix + key)), '')")
      }
  }

  /// The FROM clause.
  private static func source(_ request: CubeSQLRequest, dialect d: SQLDialect) -> String {
    switch request.source {
    case .table(let name): return d.qualified(name)
    case .files(let glob):
      var options = [
        "header = true", "all_varchar = true", "union_by_name = true", "null_padding = true", "delim = ','",
        "quote = '\"'", "escape = '\"'",
      ]
      if request.format == .focus { options.append("nullstr = ['', 'NULL', 'null', '\\N']") }
      return "read_csv(\(d.literal(glob)), \(options.joined(separator: ", ")))"
    }
  }

  /// Comment lines naming what the query computes and which partitions it prunes by.
  private static func header(_ request: CubeSQLRequest, columns: SourceColumns, partitions: PartitionFilter)
    -> String
  {
    let naming: String
    switch request.format {
    case .cur:
      naming = columns.isSlashNaming ? "legacy CUR (CSV category/Name columns)" : "legacy CUR (Athena naming)"
    case .cur2: naming = "CUR 2.0 (Data Exports)"
    case .focus: naming = "FOCUS"
    }
    var lines = [
      "-- spendtop cube (\(CubeCSV.version)) from \(naming), \(request.engine.rawValue) dialect.",
      "-- Grain: " + (request.grain.map { grainText($0) } ?? "the store's (every dimension and tag)")
        + "; amounts are exact DECIMAL(38, 10) sums on four bases.",
      "-- Import the result with: spendtop import --cube RESULT.csv",
    ]
    lines.append("-- Partition pruning: " + partitions.summary)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func grainText(_ grain: Set<Dimension>) -> String {
    let always = ["day", "billing period", "payer", "currency"]
    let asked = grain.map(\.name).filter { !["day", "month", "payer", "currency"].contains($0) }.sorted()
    return (always + asked).joined(separator: ", ")
  }
}

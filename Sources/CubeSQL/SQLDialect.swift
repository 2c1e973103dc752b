/// The few places where DuckDB and Trino/Athena SQL differ, and quoting shared by all three.
struct SQLDialect {
  let engine: SQLEngine

  /// A quoted identifier; a qualified table name is quoted part by part.
  func identifier(_ name: String) -> String { "\"" + name.replacingAll("\"", "\"\"") + "\"" }

  /// A qualified name (`db.table`) quoted part by part.
  func qualified(_ name: String) -> String {
    name.split(separator: ".", omittingEmptySubsequences: false).map { identifier(String($0)) }
      .joined(separator: ".")
  }

  /// A string literal.
  func literal(_ text: String) -> String { "'" + text.replacingAll("'", "''") + "'" }

  /// A text column with `''` read as NULL.
  func text(_ column: String) -> String { "NULLIF(\(identifier(column)), '')" }

  /// The `YYYY-MM-DD` a timestamp or date-time text starts with (a TIMESTAMP casts to
  /// `2018-10-01 00:00:00.000`, a text column is as the export wrote it: the importer's rule).
  func dayText(_ column: String) -> String { "substr(CAST(\(identifier(column)) AS VARCHAR), 1, 10)" }

  /// An amount as an exact decimal; NULL (an empty field) is zero.
  func money(_ column: String) -> String { "COALESCE(\(nullableMoney(column)), 0)" }

  /// An amount as an exact decimal, NULL when the field is empty.
  func nullableMoney(_ column: String) -> String { "CAST(\(identifier(column)) AS \(CubeSQL.decimalType))" }

  /// The value of `key` in a JSON object held as text.
  func jsonValue(_ expression: String, key: String) -> String {
    switch engine {
    case .duckdb: return "json_extract_string(\(expression), \(literal("$.\"" + key + "\"")))"
    case .athena, .trino: return "json_extract_scalar(\(expression), \(literal("$[\"" + key + "\"]")))"
    }
  }

  /// A CUR 2.0 map column as JSON object text (Trino: a MAP; DuckDB over CSV: already JSON text).
  func mapAsJSON(_ column: String) -> String {
    switch engine {
    case .duckdb: return identifier(column)
    case .athena, .trino: return "json_format(CAST(\(identifier(column)) AS JSON))"
    }
  }

  /// The value of `key` in a CUR 2.0 map column.
  func mapValue(_ column: String, key: String) -> String {
    switch engine {
    case .duckdb: return jsonValue(identifier(column), key: key)
    case .athena, .trino: return "element_at(\(identifier(column)), \(literal(key)))"
    }
  }
}

extension String {
  /// The string with every `target` replaced (no Foundation).
  func replacingAll(_ target: Character, _ replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}

#!/usr/bin/env python3
"""Checks spendtop's Trino/Athena SQL with sqlglot and transpiles it to DuckDB.

Reads the SQL on stdin; parses it with each dialect named on the command line (default: trino
athena), failing on any parse error; prints the DuckDB transpilation of the first dialect.
Used by Tests/CubeSQLTests (differential tests: the transpiled query must give DuckDB's cube).
"""
import sys

import sqlglot
from sqlglot.errors import ErrorLevel

dialects = sys.argv[1:] or ["trino", "athena"]
sql = sys.stdin.read()
for dialect in dialects:
    statements = sqlglot.parse(sql, read=dialect, error_level=ErrorLevel.RAISE)
    if len([s for s in statements if s is not None]) != 1:
        sys.exit(f"expected one statement in {dialect} SQL, found {len(statements)}")
print(sqlglot.transpile(sql, read=dialects[0], write="duckdb", error_level=ErrorLevel.RAISE)[0])

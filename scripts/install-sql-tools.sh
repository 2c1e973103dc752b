#!/usr/bin/env bash
# Installs the tools the SQL push-down tests need (the DuckDB CLI and sqlglot) into a virtual
# environment under .build/ci-tools, and prints the directory to put on PATH.
#
#   scripts/install-sql-tools.sh            # then: export PATH="$PWD/.build/ci-tools/bin:$PATH"
#
# Versions are pinned so that CI runs the same SQL engines every time.
set -euo pipefail
cd "$(dirname "$0")/.."

DUCKDB_CLI_VERSION=1.5.6
SQLGLOT_VERSION=30.30.0
venv=.build/ci-tools

if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv >&2
fi
if [ ! -x "$venv/bin/python3" ]; then
  python3 -m venv "$venv" >&2
fi
want="duckdb-cli==$DUCKDB_CLI_VERSION sqlglot==$SQLGLOT_VERSION"
have=$("$venv/bin/python3" -m pip freeze 2>/dev/null | tr '\n' ' ')
if [[ "$have" != *"duckdb-cli==$DUCKDB_CLI_VERSION"* || "$have" != *"sqlglot==$SQLGLOT_VERSION"* ]]; then
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check $want >&2
fi
"$venv/bin/duckdb" -version >&2
echo "$PWD/$venv/bin"

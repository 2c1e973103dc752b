#!/usr/bin/env bash
# Import speed: `spendtop cube --by day,service,usage-type` vs the DuckDB CLI on one month of
# koku-nise CUR, plain and gzipped, plus the month doubled (same parts twice) for memory growth.
#
#   python3 -m venv /tmp/benchenv && /tmp/benchenv/bin/pip install koku-nise duckdb-cli
#   PATH=/tmp/benchenv/bin:$PATH Benchmarks/import-vs-duckdb.sh [DATA_DIR]
#
# Generated data goes to DATA_DIR (default /tmp/spendtop-bench), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
data="${1:-/tmp/spendtop-bench}"
runs="${RUNS:-3}"
mkdir -p "$data/plain" "$data/gzip" "$data/double"

if ! ls "$data"/plain/August-2026-None-*.csv >/dev/null 2>&1; then
  (cd "$data/plain" && nise report aws -s 2026-08-01 -e 2026-09-01 -w --file-row-limit 80000 >/dev/null)
  rm -f "$data"/plain/September-*.csv
fi
for f in "$data"/plain/August-2026-None-*.csv; do
  name=$(basename "$f")
  [ -f "$data/gzip/$name.gz" ] || gzip -6 -c "$f" >"$data/gzip/$name.gz"
  [ -f "$data/double/a-$name" ] || { cp "$f" "$data/double/a-$name"; cp "$f" "$data/double/b-$name"; }
done

swift build -c release --product spendtop >/dev/null
spendtop="$PWD/.build/release/spendtop"

query() { # $1 = glob
  cat <<SQL
COPY (
  SELECT substr("lineItem/UsageStartDate", 1, 10) AS day,
         coalesce(nullif("lineItem/ProductCode", ''), "product/ProductName", '') AS service,
         coalesce("lineItem/UsageType", '') AS "usage-type",
         sum(CAST(coalesce(nullif("lineItem/UnblendedCost", ''), '0') AS DECIMAL(38, 10))) AS cost
  FROM read_csv('$1', all_varchar = true, header = true)
  GROUP BY ALL ORDER BY ALL
) TO '/dev/stdout' (HEADER, DELIMITER ',');
SQL
}

# Best wall time and the peak RSS of that run, over $runs runs: prints "seconds KiB".
measure() {
  local best="" rss=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" >"$data/out.csv"
    read -r seconds kib <"$data/time.txt"
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; rss=$kib; fi
  done
  echo "$best $rss"
}

compare() { # two CSV outputs: same groups, same sums (as decimals)
  python3 - "$1" "$2" <<'PY'
import csv, sys
from decimal import Decimal
def load(p):
    rows = list(csv.reader(open(p)))[1:]
    return {tuple(r[:-1]): Decimal(r[-1]) for r in rows}
a, b = load(sys.argv[1]), load(sys.argv[2])
bad = [k for k in set(a) | set(b) if a.get(k) != b.get(k)]
print(f"groups {len(a)} vs {len(b)}; total {sum(a.values())} vs {sum(b.values())}; differing groups {len(bad)}")
sys.exit(1 if bad else 0)
PY
}

rows=$(cat "$data"/plain/August-2026-None-*.csv | wc -l)
size=$(du -cm "$data"/plain/August-2026-None-*.csv | tail -1 | cut -f1)
gzsize=$(du -cm "$data"/gzip/*.gz | tail -1 | cut -f1)
cols=$(head -1 "$data"/plain/August-2026-None-1.csv | tr ',' '\n' | wc -l)
echo "input: $(ls "$data"/plain/August-2026-None-*.csv | wc -l) parts, $rows lines, $cols columns, ${size} MB plain, ${gzsize} MB gzipped"
echo "machine: $(nproc) cores; $(duckdb --version | head -1); best of $runs runs"
printf '%-8s %-9s %10s %12s\n' input tool wall_s peak_rss_MiB
for kind in plain gzip double; do
  case $kind in
    plain) glob="$data/plain/August-2026-None-*.csv" ;;
    gzip) glob="$data/gzip/*.csv.gz" ;;
    double) glob="$data/double/*.csv" ;;
  esac
  # shellcheck disable=SC2086
  read -r ours_s ours_k <<<"$(measure "$spendtop" cube --by day,service,usage-type $glob)"
  cp "$data/out.csv" "$data/spendtop-$kind.csv"
  read -r duck_s duck_k <<<"$(measure duckdb -csv -c "$(query "$glob")")"
  cp "$data/out.csv" "$data/duckdb-$kind.csv"
  printf '%-8s %-9s %10s %12d\n' "$kind" spendtop "$ours_s" $((ours_k / 1024))
  printf '%-8s %-9s %10s %12d\n' "$kind" duckdb "$duck_s" $((duck_k / 1024))
  echo "  ratio spendtop/duckdb: $(awk "BEGIN{printf \"%.2f\", $ours_s / $duck_s}")"
  echo "  $(compare "$data/spendtop-$kind.csv" "$data/duckdb-$kind.csv")"
done

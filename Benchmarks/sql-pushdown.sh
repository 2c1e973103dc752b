#!/usr/bin/env bash
# SQL push-down: `spendtop sql` run by the DuckDB CLI plus `spendtop import --cube`, against
# spendtop's native `import`, on one month of koku-nise CUR (gzipped parts), into fresh stores.
#
#   python3 -m venv /tmp/benchenv && /tmp/benchenv/bin/pip install koku-nise
#   scripts/install-sql-tools.sh      # the pinned DuckDB CLI, in .build/ci-tools/bin
#   PATH=/tmp/benchenv/bin:$PWD/.build/ci-tools/bin:$PATH Benchmarks/sql-pushdown.sh [DATA_DIR [BILL_DIR]]
#
# Generated data goes to DATA_DIR (default /tmp/spendtop-sql-bench), never into the repository.
# BILL_DIR: measure existing legacy CUR .csv.gz files instead of the koku-nise month (e.g. the
# hourly WA-lab CUR in ../shared/bills/well-architected-labs).
# Both stores must answer identically (`spendtop cube` at the store's grain, every basis).
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
data="${1:-/tmp/spendtop-sql-bench}"
runs="${RUNS:-3}"
mkdir -p "$data/gzip"
bills="${2:-$data/gzip}"

if [ -z "${2:-}" ] && ! ls "$data"/gzip/*.csv.gz >/dev/null 2>&1; then
  mkdir -p "$data/plain"
  (cd "$data/plain" && nise report aws -s 2026-08-01 -e 2026-09-01 -w --file-row-limit 80000 >/dev/null)
  rm -f "$data"/plain/September-*.csv
  for f in "$data"/plain/August-2026-None-*.csv; do gzip -6 -c "$f" >"$data/gzip/$(basename "$f").gz"; done
  rm -rf "$data/plain"
fi

swift build -c release --product spendtop >/dev/null
spendtop="$PWD/.build/release/spendtop"
glob="$bills/*.csv.gz"

# Best wall time and the peak RSS of that run over $runs runs of "$@": prints "seconds KiB".
measure() {
  local best="" rss=""
  for _ in $(seq "$runs"); do
    rm -f "$data"/*.sqlite*
    /usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" >/dev/null
    read -r seconds kib <"$data/time.txt"
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; rss=$kib; fi
  done
  echo "$best $rss"
}

native() { "$spendtop" import --quiet --db "$data/native.sqlite" "$bills"; }
sql() { "$spendtop" sql --engine duckdb --format cur --files "$glob" >"$data/cube.sql"; }
engine() { duckdb -csv -c ".output $data/cube.csv" -c "$(cat "$data/cube.sql")"; }
load() { "$spendtop" import --quiet --db "$data/cube.sqlite" --cube "$data/cube.csv"; }
pushdown() { sql && engine && load; }
export spendtop data glob bills
export -f native sql engine load

rows=$(zcat "$bills"/*.csv.gz | wc -l)
gzsize=$(du -cm "$bills"/*.csv.gz | tail -1 | cut -f1)
echo "input: $(ls "$bills"/*.csv.gz | wc -l) gzipped parts in $bills, $rows lines, ${gzsize} MB"
echo "machine: $(nproc) cores; $(duckdb --version | head -1); best of $runs runs"
read -r n_s n_k < <(measure bash -c native)
read -r s_s s_k < <(measure bash -c sql)
read -r e_s e_k < <(measure bash -c engine)
read -r l_s l_k < <(measure bash -c load)
printf '%-34s %8s %14s\n' step wall_s peak_rss_MiB
printf '%-34s %8s %14s\n' "native: spendtop import" "$n_s" "$((n_k / 1024))"
printf '%-34s %8s %14s\n' "push-down 1: spendtop sql" "$s_s" "$((s_k / 1024))"
printf '%-34s %8s %14s\n' "push-down 2: duckdb (emitted SQL)" "$e_s" "$((e_k / 1024))"
printf '%-34s %8s %14s\n' "push-down 3: spendtop import --cube" "$l_s" "$((l_k / 1024))"
echo "push-down total: $(awk "BEGIN{print $s_s + $e_s + $l_s}") s; cube: $(($(wc -l <"$data/cube.csv") - 1)) rows, $(du -m "$data/cube.csv" | cut -f1) MB"

# Both stores, freshly made, must answer the same at the store's grain on every basis.
rm -f "$data"/*.sqlite*
native
pushdown
by="day,payer,account,service,usage-type,operation,region,resource,line-item-type,currency"
for basis in unblended amortized net-unblended net-amortized; do
  "$spendtop" cube --db "$data/native.sqlite" --by "$by" --basis "$basis" >"$data/native.csv"
  "$spendtop" cube --db "$data/cube.sqlite" --by "$by" --basis "$basis" >"$data/pushdown.csv"
  cmp -s "$data/native.csv" "$data/pushdown.csv" || { echo "DIFFERENT: $basis"; exit 1; }
done
echo "same answers: $(($(wc -l <"$data/native.csv") - 1)) cells at the store's grain, every basis"

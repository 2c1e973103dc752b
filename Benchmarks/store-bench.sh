#!/usr/bin/env bash
# Spend store benchmarks (issue 3), results in BENCHMARKS.md:
#   1. `spendtop import` of one koku-nise month into a fresh store, against `spendtop cube` on the
#      same files twice: `--by day,service,usage-type` (three columns read) and `--by` the store's
#      full grain (every dimension and tag: the same parse and cube as the import);
#   2. `spendtop cube --by day,service` for one month from a store holding 12 months of a
#      10-account org (3,000 leaf series, 1,095,000 daily cells), with its answer checked against
#      the same query on that month's file;
#   3. `spendtop import` of the 12 org months in one batch: time and peak RSS (it must not grow
#      with the batch: cells go into the transaction a chunk at a time);
#   4. store size per month.
#
# OLD=/path/to/an/older/spendtop runs every import also with that binary, alternating old and new
# back to back (for a machine shared with other builds).
#
#   python3 -m venv /tmp/benchenv && /tmp/benchenv/bin/pip install koku-nise
#   PATH=/tmp/benchenv/bin:$PATH Benchmarks/store-bench.sh [DATA_DIR]
#
# Generated data goes to DATA_DIR (default /tmp/spendtop-store-bench), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
data="${1:-/tmp/spendtop-store-bench}"
runs="${RUNS:-5}"
mkdir -p "$data/koku"

if ! ls "$data"/koku/August-2026-None-*.csv >/dev/null 2>&1; then
  (cd "$data/koku" && nise report aws -s 2026-08-01 -e 2026-09-01 -w --file-row-limit 80000 >/dev/null)
  rm -f "$data"/koku/September-*.csv
fi
[ -d "$data/org-2025" ] || python3 Benchmarks/make-org-bills.py "$data/org-2025" 2>/dev/null

swift build -c release --product spendtop >/dev/null
spendtop="$PWD/.build/release/spendtop"

# Best and median wall time over $runs runs, and the best run's peak RSS: prints "best median KiB".
measure() {
  local times=() best="" rss=""
  for _ in $(seq "$runs"); do
    [ -n "${before_each:-}" ] && eval "$before_each"
    /usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" >"$data/out.txt"
    read -r seconds kib <"$data/time.txt"
    times+=("$seconds")
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; rss=$kib; fi
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  echo "$best $median $rss"
}

koku=("$data"/koku/August-2026-None-*.csv)
echo "koku-nise month: ${#koku[@]} parts, $(cat "${koku[@]}" | wc -l) lines, $(du -cm "${koku[@]}" | tail -1 | cut -f1) MB"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); best and median of $runs runs"
# The store's grain: every plain dimension and every tag key of the files (resourceTags/user:KEY).
tags=$(head -1 "${koku[0]}" | tr ',' '\n' | sed -n 's|^resourceTags/\(user:\)\{0,1\}|tag:|p' | paste -sd,)
full="day,payer,account,service,usage-type,operation,region,resource,line-item-type,currency,$tags"
printf '%-58s %8s %8s %8s\n' "command" best_s median_s rss_MiB

read -r best median kib <<<"$(measure "$spendtop" cube --by day,service,usage-type "${koku[@]}")"
cube_best=$best cube_median=$median
printf '%-58s %8s %8s %8d\n' "cube --by day,service,usage-type (koku month)" "$best" "$median" $((kib / 1024))
read -r best median kib <<<"$(measure "$spendtop" cube --by "$full" "${koku[@]}")"
full_best=$best full_median=$median
printf '%-58s %8s %8s %8d\n' "cube --by the full grain (every dimension and tag)" "$best" "$median" $((kib / 1024))
# Imports into a fresh store, OLD and new alternating run by run; "best median KiB" per binary.
: >"$data/import-new.txt"
[ -n "${OLD:-}" ] && : >"$data/import-old.txt"
for _ in $(seq "$runs"); do
  for binary in ${OLD:+"$OLD"} "$spendtop"; do
    rm -f "$data"/koku.sqlite*
    /usr/bin/time -f "%e %M" -o "$data/time.txt" "$binary" import --quiet --db "$data/koku.sqlite" "${koku[@]}"
    [ "$binary" = "$spendtop" ] && cat "$data/time.txt" >>"$data/import-new.txt" || cat "$data/time.txt" >>"$data/import-old.txt"
  done
done
summarize() { sort -n "$1" | awk '{t[NR]=$1; m[NR]=$2} END{print t[1], t[int((NR+1)/2)], m[1]}'; }
if [ -n "${OLD:-}" ]; then
  read -r best median kib <<<"$(summarize "$data/import-old.txt")"
  printf '%-58s %8s %8s %8d\n' "import into a fresh store (koku month), OLD binary" "$best" "$median" $((kib / 1024))
fi
read -r best median kib <<<"$(summarize "$data/import-new.txt")"
printf '%-58s %8s %8s %8d\n' "import into a fresh store (koku month)" "$best" "$median" $((kib / 1024))
echo "  import / cube (day,service,usage-type): $(awk "BEGIN{printf \"%.2f best, %.2f median\", $best / $cube_best, $median / $cube_median}")"
echo "  import / cube (full grain):             $(awk "BEGIN{printf \"%.2f best, %.2f median\", $best / $full_best, $median / $full_median}")"
for by in day,service,usage-type "$full"; do
  "$spendtop" cube --by "$by" "${koku[@]}" >"$data/files.csv"
  "$spendtop" cube --by "$by" --db "$data/koku.sqlite" >"$data/store.csv"
  cmp -s "$data/files.csv" "$data/store.csv" && echo "  store answer == file answer (--by ${by:0:40}…, $(wc -l <"$data/store.csv") lines)" \
    || { echo "  MISMATCH between store and files"; exit 1; }
done
echo "  store: $(du -k "$data/koku.sqlite" | cut -f1) KiB for $("$spendtop" imports --db "$data/koku.sqlite" --format json | grep -o '"cells": [0-9]*' | awk '{s+=$2} END{print s}') cells"

org=("$data"/org-2025/org-2025-*.csv)
echo "org: 12 months, $(cat "${org[@]}" | wc -l) lines, $(du -cm "${org[@]}" | tail -1 | cut -f1) MB of CSV"
for binary in ${OLD:+"$OLD"} "$spendtop"; do
  rm -f "$data"/org-one.sqlite*
  /usr/bin/time -f "%e %M" -o "$data/time.txt" "$binary" import --quiet --db "$data/org-one.sqlite" "${org[0]}"
  read -r one_seconds one_kib <"$data/time.txt"
  rm -f "$data"/org.sqlite*
  /usr/bin/time -f "%e %M" -o "$data/time.txt" "$binary" import --quiet --db "$data/org.sqlite" "${org[@]}"
  read -r seconds kib <"$data/time.txt"
  [ "$binary" = "$spendtop" ] && which="" || which=" (OLD binary)"
  echo "  12-month batch import$which: ${seconds} s, peak $((kib / 1024)) MiB" \
    "(one month alone: ${one_seconds} s, peak $((one_kib / 1024)) MiB)"
done
size_kib=$(du -k "$data/org.sqlite" | cut -f1)
echo "  store: $((size_kib / 1024)) MiB, $((size_kib / 12 / 1024)) MiB per month"
read -r best median kib <<<"$(measure "$spendtop" cube --by day,service --from 2025-06-01 --to 2025-06-30 --db "$data/org.sqlite")"
printf '%-58s %8s %8s %8d\n' "cube --by day,service, June, from the 12-month store" "$best" "$median" $((kib / 1024))
"$spendtop" cube --by day,service --from 2025-06-01 --to 2025-06-30 --db "$data/org.sqlite" >"$data/store.csv"
"$spendtop" cube --by day,service "$data/org-2025/org-2025-06.csv" >"$data/files.csv"
cmp -s "$data/files.csv" "$data/store.csv" && echo "  store answer == file answer ($(wc -l <"$data/store.csv") lines)" \
  || { echo "  MISMATCH between store and files"; exit 1; }
read -r best median kib <<<"$(measure "$spendtop" cube --by day,resource --from 2025-06-01 --to 2025-06-30 --db "$data/org.sqlite")"
printf '%-58s %8s %8s %8d\n' "cube --by day,resource, June (cells, not the rollup)" "$best" "$median" $((kib / 1024))
read -r best median kib <<<"$(measure "$spendtop" cube --by month,service --db "$data/org.sqlite")"
printf '%-58s %8s %8s %8d\n' "cube --by month,service, all 12 months" "$best" "$median" $((kib / 1024))

#!/usr/bin/env bash
# `spendtop cube PATH --by ...` from files at a narrow and at the widest grain (every dimension and
# every tag key of the files), old and new binaries alternating run by run (the cores are shared).
#
#   python3 -m venv /tmp/benchenv && /tmp/benchenv/bin/pip install koku-nise
#   OLD=/path/to/old/spendtop PATH=/tmp/benchenv/bin:$PATH Benchmarks/cube-wide-grain.sh [DATA_DIR]
#
# Prints, per grain and binary: best and median wall seconds, CPU seconds (user+sys) of the best
# run, peak RSS, groups and peak RSS per group; fails unless both binaries print byte-identical
# csv, json and table output. Data (one koku-nise month) goes to DATA_DIR (default
# /tmp/spendtop-store-bench, as Benchmarks/store-bench.sh), never into the repository.
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
if [ -z "${NEW:-}" ]; then
  swift build -c release --product spendtop >/dev/null
  NEW="$PWD/.build/release/spendtop"
fi
koku=("$data"/koku/August-2026-None-*.csv)
tags=$(head -1 "${koku[0]}" | tr ',' '\n' | sed -n 's|^resourceTags/\(user:\)\{0,1\}|tag:|p' | paste -sd,)
wide="day,payer,account,service,usage-type,operation,region,resource,line-item-type,currency,$tags"
narrow="day,service,usage-type"
echo "koku-nise month: ${#koku[@]} parts, $(cat "${koku[@]}" | wc -l) lines, $(du -cm "${koku[@]}" | tail -1 | cut -f1) MB"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per binary, alternating"

binaries=(${OLD:+old} new)
path_of() { if [ "$1" = old ]; then echo "$OLD"; else echo "$NEW"; fi; }

if [ -n "${OLD:-}" ]; then
  for by in "$narrow" "$wide" "resource,$tags"; do
    for format in csv json table; do
      "$OLD" cube --by "$by" --format "$format" "${koku[@]}" >"$data/cube-old.out"
      "$NEW" cube --by "$by" --format "$format" "${koku[@]}" >"$data/cube-new.out"
      cmp -s "$data/cube-old.out" "$data/cube-new.out" || { echo "output differs: --by $by --format $format"; exit 1; }
    done
  done
  echo "old and new print byte-identical csv, json and table at three grains"
fi

printf '%-8s %-4s %8s %9s %7s %8s %8s %10s\n' grain bin best_s median_s cpu_s rss_MiB groups B/group
for name in narrow wide; do
  if [ "$name" = narrow ]; then by=$narrow; else by=$wide; fi
  lines=$("$NEW" cube --by "$by" "${koku[@]}" | wc -l)
  groups=$((lines - 1))
  for binary in "${binaries[@]}"; do : >"$data/cube-$binary.times"; done
  for _ in $(seq "$runs"); do
    for binary in "${binaries[@]}"; do
      /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$(path_of "$binary")" cube --by "$by" "${koku[@]}" >/dev/null
      cat "$data/time.txt" >>"$data/cube-$binary.times"
    done
  done
  for binary in "${binaries[@]}"; do
    sort -n "$data/cube-$binary.times" | awk -v name="$name" -v bin="$binary" -v groups="$groups" '
      { wall[NR] = $1; cpu[NR] = $2 + $3; rss[NR] = $4 }
      END {
        median = wall[int((NR + 1) / 2)]
        printf "%-8s %-4s %8.2f %9.2f %7.2f %8d %8d %10d\n", name, bin, wall[1], median, cpu[1], rss[1] / 1024,
          groups, rss[1] * 1024 / groups
      }'
  done
done

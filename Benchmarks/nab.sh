#!/usr/bin/env bash
# Scores `spendtop detect --series` on the NAB subset in ../shared/nab with ../shared/tools/nab_score.py.
# usage: Benchmarks/nab.sh [RESULTS_DIR]   (run from the package root; builds release)
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
nab=../shared/nab
results=${1:-Benchmarks/data/nab-results}
swift build -c release --product spendtop >/dev/null
bin=$(swift build -c release --show-bin-path)/spendtop
rm -rf "$results"
for file in "$nab"/data/*/*.csv; do
  category=$(basename "$(dirname "$file")")
  mkdir -p "$results/$category"
  "$bin" detect --series "$file" --format csv >"$results/$category/$(basename "$file")"
done
echo "== fixed threshold 0.5 (all files)"
python3 ../shared/tools/nab_score.py "$nab" "$results" --threshold 0.5
echo "== swept threshold (upper bound, all files)"
python3 ../shared/tools/nab_score.py "$nab" "$results"
for category in "$results"/*/; do
  name=$(basename "$category")
  subset=$(mktemp -d)
  mkdir -p "$subset/$name"
  cp "$category"/*.csv "$subset/$name/"
  echo "== fixed threshold 0.5, $name"
  python3 ../shared/tools/nab_score.py "$nab" "$subset" --threshold 0.5
  rm -rf "$subset"
done

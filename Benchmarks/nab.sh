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
  if [ "$(ls "$nab/data/$name" | wc -l)" -gt 0 ] && python3 -c "
import json, sys
w = json.load(open('$nab/labels/combined_windows.json'))
sys.exit(0 if any(v for k, v in w.items() if k.startswith('$name/')) else 1)"; then
    subset=$(mktemp -d)
    mkdir -p "$subset/$name"
    cp "$category"/*.csv "$subset/$name/"
    echo "== fixed threshold 0.5, $name"
    python3 ../shared/tools/nab_score.py "$nab" "$subset" --threshold 0.5
    rm -rf "$subset"
  else
    # No windows: the NAB score is undefined; count flagged rows after probation (all false).
    echo "== $name (no anomaly windows): rows flagged after probation"
    for file in "$category"/*.csv; do
      awk -F, 'NR > 1 { n++; s[n] = $NF } END { p = int(0.15 * n); if (p > 750) p = 750; c = 0
        for (i = p + 1; i <= n; i++) if (s[i] >= 0.5) c++; print FILENAME ": " c }' "$file"
    done
  fi
done

#!/usr/bin/env bash
# Fuzz the importer with libFuzzer: Fuzz/run.sh MINUTES [TARGET...]
#
# Builds the fuzz targets (release with testing enabled for `@testable import`, -sanitize=fuzzer,
# linked with lld; bounds and overflow checks stay on in release), seeds each target's corpus
# from ../shared/bills and sample-bills (the first 16 KiB of every bill, decompressed), then runs
# each target for MINUTES minutes in one process (the equivalent of -jobs=1: the machine is shared).
# Crashes, timeouts and out-of-memory inputs land in Fuzz/artifacts/TARGET/; the grown corpus in
# Fuzz/corpus/TARGET/ is kept between runs; logs in Fuzz/logs/. Every artifact becomes a
# regression test (see TESTING.md).
set -euo pipefail
cd "$(dirname "$0")"
minutes=${1:?usage: Fuzz/run.sh MINUTES [FuzzCSVScanner|FuzzFormatDetector|FuzzColumnMaps ...]}
shift
if [ "$#" -gt 0 ]; then targets=("$@"); else targets=(FuzzCSVScanner FuzzFormatDetector FuzzColumnMaps); fi

swift build -c release -Xswiftc -enable-testing -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld

# Seeds: real bills, cut to 16 KiB so libFuzzer mutates headers and rows rather than bulk.
seeds=corpus/seeds
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds"
  find ../../shared/bills ../sample-bills -type f \( -name '*.csv' -o -name '*.csv.gz' -o -name '*.json' \) |
    sort | while read -r bill; do
      name=$(echo "$bill" | tr '/' '_' | tr -cd 'A-Za-z0-9._-' | sed 's/^[._]*//')
      { zcat -f -- "$bill" 2>/dev/null || true; } | head -c 16384 > "$seeds/$name"
    done
fi

for target in "${targets[@]}"; do
  mkdir -p "corpus/$target" "artifacts/$target" logs
  if [ -z "$(ls -A "corpus/$target")" ]; then
    if [ "$target" = FuzzColumnMaps ]; then
      # The first byte picks a header to prepend; byte 5 prepends none, so seeds import as they are.
      for seed in "$seeds"/*; do { printf '\005'; cat "$seed"; } > "corpus/$target/$(basename "$seed")"; done
    else
      cp "$seeds"/* "corpus/$target/"
    fi
  fi
  echo "== $target: $minutes minute(s)"
  status=0
  ".build/release/$target" "corpus/$target" -max_total_time=$((minutes * 60)) -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="artifacts/$target/" -print_final_stats=1 \
    > "logs/$target.log" 2>&1 || status=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)|SUMMARY|ERROR' "logs/$target.log" || true
  echo "exit $status; artifacts: $(ls "artifacts/$target" | wc -l)"
done

#!/usr/bin/env bash
# Detection time over generated daily leaf series (default 10,000 series × 400 days), best of 3.
# usage: Benchmarks/detector-speed.sh [SERIES DAYS]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product detector-bench >/dev/null
bin="$(swift build -c release --show-bin-path)/detector-bench"
for run in 1 2 3; do "$bin" speed "${1:-10000}" "${2:-400}"; done

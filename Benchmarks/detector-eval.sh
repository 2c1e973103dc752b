#!/usr/bin/env bash
# The detector's evaluation on generated bills (precision, recall, F1, root cause, delay, asOf check).
# usage: Benchmarks/detector-eval.sh [FIRST_SEED COUNT]   (default: the held-out seeds 7000, 12)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product detector-bench >/dev/null
"$(swift build -c release --show-bin-path)/detector-bench" eval "${1:-7000}" "${2:-12}"

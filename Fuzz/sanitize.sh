#!/usr/bin/env bash
# The test suite under sanitizers: Fuzz/sanitize.sh [address] [undefined] [thread]
#
# Each sanitizer builds into its own scratch folder (.build-SANITIZER, so the normal .build is
# untouched) with `swift build --sanitize`, then runs `swift test` on that build: the unit tests
# and the hostile-input corpus, whose tests start the `spendtop` binary built beside them, so the
# binary runs sanitized too. Set FILTER to run part of the suite (e.g. FILTER=HostileInputTests).
# Logs in Fuzz/logs/sanitize-SANITIZER.log. Default: address. Leaks in XCTest and Foundation are
# suppressed (Fuzz/lsan.supp). `undefined` does not build for Swift on Linux (swiftc: unsupported
# option '-sanitize=undefined'); see TESTING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
if [ "$#" -gt 0 ]; then sanitizers=("$@"); else sanitizers=(address); fi
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"
mkdir -p Fuzz/logs
for sanitizer in "${sanitizers[@]}"; do
  log="Fuzz/logs/sanitize-$sanitizer.log"
  echo "== $sanitizer (log: $log)"
  filter=()
  if [ -n "${FILTER:-}" ]; then filter=(--filter "$FILTER"); fi
  status=0
  {
    swift build --build-tests --scratch-path ".build-$sanitizer" --sanitize "$sanitizer" &&
      swift test --skip-build --scratch-path ".build-$sanitizer" --sanitize "$sanitizer" "${filter[@]}"
  } > "$log" 2>&1 || status=$?
  grep -E 'Test run with|tests? in .* (passed|failed)|ERROR: .*Sanitizer|runtime error:|SUMMARY' "$log" | tail -5 || true
  echo "exit $status"
done

#!/usr/bin/env bash
# Kill tests (TESTING.md): start a write, kill -9 it at a random moment, check that nothing was lost
# or half-written. Repeats N times (default 20) for each of:
#   import  - `spendtop import` of the quiet-quarter bills into a store that already holds the
#             incident bills: afterwards the store's cube is exactly as before or fully imported
#             (compared by a hash of `spendtop cube` over every dimension), and SQLite's
#             integrity check passes (spendtop opens the store without error);
#   ledger  - `spendtop ledger add` to the sample incident: afterwards the file is byte-identical to
#             the old one or to the new one, and it parses (`spendtop ledger show`).
# Random kill moments are the point here; the deterministic version, killing at points read from
# the import's progress output, is Tests/StoreCommandTests (run by `swift test`).
#
# Usage: scripts/kill-test.sh [N]          (from anywhere; uses .build/debug/spendtop, building it if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
bin=${SPENDTOP_BIN:-.build/debug/spendtop}
[ -x "$bin" ] || swift build --product spendtop
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
dims=day,account,service,usage-type,operation,region,resource,line-item-type,currency
cube_hash() { "$bin" cube --db "$1" --by "$dims" --format csv | sha256sum | cut -c1-64; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# A random moment within 0…120% of a complete run's duration (so some kills land after the commit).
random_ms() { echo $(( (RANDOM * 32768 + RANDOM) % ($1 * 6 / 5 + 1) )); }
pause_ms() { sleep "$(printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )))"; }

# Reference hashes: the store before, and after a complete import.
"$bin" import --quiet --db "$work/before.sqlite" sample-bills/incident-127k >/dev/null
cp "$work/before.sqlite" "$work/after.sqlite"
started=$(now_ms)
"$bin" import --quiet --db "$work/after.sqlite" sample-bills/quiet-quarter >/dev/null
import_ms=$(( $(now_ms) - started ))
before=$(cube_hash "$work/before.sqlite")
after=$(cube_hash "$work/after.sqlite")
[ "$before" != "$after" ] || { echo "FAIL: the import under test changes nothing"; exit 1; }

outcomes_before=0 outcomes_after=0
for run in $(seq 1 "$runs"); do
  rm -f "$work"/victim.sqlite*
  cp "$work/before.sqlite" "$work/victim.sqlite"
  "$bin" import --quiet --db "$work/victim.sqlite" sample-bills/quiet-quarter >/dev/null 2>&1 &
  pid=$!
  pause_ms "$(random_ms "$import_ms")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  now=$(cube_hash "$work/victim.sqlite")
  if [ "$now" = "$before" ]; then outcomes_before=$((outcomes_before + 1))
  elif [ "$now" = "$after" ]; then outcomes_after=$((outcomes_after + 1))
  else echo "FAIL: import run $run left a store that is neither before nor after"; exit 1; fi
done
echo "import: $runs kills, store intact every time ($outcomes_before before, $outcomes_after after)"

ledger="$work/ledger"
mkdir -p "$ledger"
cp sample-bills/ledger/INC-2026-10-bill-spike.toml "$ledger/"
file="$ledger/INC-2026-10-bill-spike.toml"
old="$work/old.toml" new="$work/new.toml"
cp "$file" "$old"
started=$(now_ms)
SPENDTOP_LEDGER="$ledger" "$bin" ledger add INC-2026-10-bill-spike action --text "Kill test" --owner qa \
  --due 2026-12-01 >/dev/null
ledger_ms=$(( $(now_ms) - started ))
cp "$file" "$new"
cmp -s "$old" "$new" && { echo "FAIL: the ledger edit under test changes nothing"; exit 1; }
old_count=0 new_count=0
for run in $(seq 1 "$runs"); do
  cp "$old" "$file"
  rm -f "$ledger"/.*.tmp* 2>/dev/null || true
  SPENDTOP_LEDGER="$ledger" "$bin" ledger add INC-2026-10-bill-spike action --text "Kill test" --owner qa \
    --due 2026-12-01 >/dev/null 2>&1 &
  pid=$!
  pause_ms "$(random_ms "$ledger_ms")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if cmp -s "$file" "$old"; then old_count=$((old_count + 1))
  elif cmp -s "$file" "$new"; then new_count=$((new_count + 1))
  else echo "FAIL: ledger run $run left a file that is neither the old nor the new one"; exit 1; fi
  SPENDTOP_LEDGER="$ledger" "$bin" ledger show INC-2026-10-bill-spike >/dev/null \
    || { echo "FAIL: ledger run $run left a file that does not parse"; exit 1; }
done
echo "ledger: $runs kills, file intact every time ($old_count old, $new_count new)"
echo PASS

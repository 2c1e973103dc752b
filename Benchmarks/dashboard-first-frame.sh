#!/usr/bin/env bash
# First frames of the real dashboard binary on a store holding 12 months of a 10-account org
# (BENCHMARKS.md, issue 7): the time from launching `spendtop --db STORE` in a 200×60 tmux pane to the
# loading frame ("Loading" on screen), and to the first frame with data (the Overview's "Month to
# date"), and until the full six months (anomalies, resources) replace that preview (the status bar's
# "loading" note goes). Polls capture-pane without sleeping, so the resolution is one capture (~2–5 ms).
#
#   Benchmarks/store-bench.sh        # once: generates the org store (default /tmp/spendtop-store-bench)
#   Benchmarks/dashboard-first-frame.sh [STORE]  # default /tmp/spendtop-store-bench/org.sqlite
#
# SPENDTOP_BIN picks the binary (default: a release build of this checkout). RUNS (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
store="${1:-/tmp/spendtop-store-bench/org.sqlite}"
runs="${RUNS:-5}"
[ -f "$store" ] || { echo "no store at $store: run Benchmarks/store-bench.sh first" >&2; exit 1; }
if [ -z "${SPENDTOP_BIN:-}" ]; then
  swift build -c release --product spendtop >/dev/null
  SPENDTOP_BIN="$PWD/.build/release/spendtop"
fi
work=$(mktemp -d)
socket="spendtop-frame-$$"
tmux() { command tmux -L "$socket" -f /dev/null "$@"; }
trap 'tmux kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" TERM=xterm-256color
mkdir -p "$HOME"
tmux new-session -d -s keeper -x 200 -y 60 "exec sleep 3600"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# wait_ms SESSION TEXT START: prints the milliseconds from START until TEXT is on the screen.
wait_ms() {
  local deadline=$(( $3 + 60000 ))
  until tmux capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; do
    (( $(now_ms) < deadline )) || { echo "timed out waiting for $2" >&2; exit 1; }
  done
  echo $(( $(now_ms) - $3 ))
}

# gone_ms SESSION TEXT START: prints the milliseconds from START until TEXT has left the screen.
gone_ms() {
  local deadline=$(( $3 + 60000 ))
  while tmux capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; do
    (( $(now_ms) < deadline )) || { echo "timed out waiting for $2 to go" >&2; exit 1; }
  done
  echo $(( $(now_ms) - $3 ))
}

echo "store: $store ($(du -m "$store" | cut -f1) MB); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
loading=() data=() full=()
for run in $(seq "$runs"); do
  start=$(now_ms)
  tmux new-session -d -s "run$run" -x 200 -y 60 "exec '$SPENDTOP_BIN' --db '$store'"
  loading+=("$(wait_ms "run$run" "Loading" "$start")")
  data+=("$(wait_ms "run$run" "Month to date" "$start")")
  [ "$run" = 1 ] && tmux capture-pane -p -t "run$run" >"$work/preview.txt"
  full+=("$(gone_ms "run$run" "loading " "$start")")
  tmux send-keys -t "run$run" q
  while tmux has-session -t "run$run" 2>/dev/null; do :; done
done
summary() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{printf "best %d ms, median %d ms, worst %d ms", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "first frame (loading):   $(summary "${loading[@]}") (n=$runs)"
echo "first frame with data:   $(summary "${data[@]}") (n=$runs)"
echo "full data (anomalies):   $(summary "${full[@]}") (n=$runs)"
[ -n "${SHOW_PREVIEW:-}" ] && cat "$work/preview.txt"

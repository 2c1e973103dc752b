#!/usr/bin/env bash
# End-to-end test of the dashboard: drives the real binary in tmux on sample-bills/incident-127k.
# Opens it, sees ElastiCache, opens help (gg listed), drills down to a resource's line items, n with the
# last search, resizes (also below the minimum), quits, and
# checks the terminal is sane afterwards (stty -a); then checks that Ctrl-C, SIGTERM, SIGHUP and a crash
# (SIGSEGV) restore the terminal too, and that no terminal gives a clear message. It waits on what
# the screen shows (polling capture-pane with a timeout), never on fixed sleeps.
#
# Usage: Tests/e2e/dashboard.sh            (from anywhere; builds spendtop if SPENDTOP_BIN is unset)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
if [ -z "${SPENDTOP_BIN:-}" ]; then
  swift build --product spendtop >/dev/null
  SPENDTOP_BIN="$root/.build/debug/spendtop"
fi
work=$(mktemp -d)
session="spendtop-e2e-$$"
# A private tmux server (its own socket, no user config), so other tmux users on the machine cannot
# disturb the test; a keeper session holds it up while test sessions are killed and re-created
# (otherwise a new session can race the server's exit: "server exited unexpectedly").
socket="spendtop-e2e-$$"
tmux() { command tmux -L "$socket" -f /dev/null "$@"; }
trap 'tmux kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
# The server copies this environment into every session it starts: create it after the exports.
tmux new-session -d -s keeper "exec sleep 3600"
bills="$root/sample-bills/incident-127k"

fail() {
  echo "FAIL: $*" >&2
  echo "--- screen ---" >&2
  tmux capture-pane -p -t "$session" >&2 || true
  exit 1
}

screen() { tmux capture-pane -p -t "$session"; }

# wait_for TEXT [SECONDS]: polls the screen until TEXT shows up.
wait_for() {
  local text=$1 limit=${2:-30} start=$SECONDS
  until screen | grep -qF -- "$text"; do
    (( SECONDS - start < limit )) || fail "timed out waiting for: $text"
    sleep 0.1
  done
}

# wait_gone TEXT [SECONDS]: polls the screen until TEXT is gone.
wait_gone() {
  local text=$1 limit=${2:-10} start=$SECONDS
  while screen | grep -qF -- "$text"; do
    (( SECONDS - start < limit )) || fail "timed out waiting for this to go: $text"
    sleep 0.1
  done
}

# start: runs spendtop in a fresh 120×40 session; afterwards the pane prints EXIT=<status> and stty -a.
# The wrapping shell ignores SIGINT so that it survives Ctrl-C to report (spendtop installs its own
# handler, which replaces the inherited "ignore").
start() {
  tmux kill-session -t "$session" 2>/dev/null || true
  tmux new-session -d -s "$session" -x 120 -y 40 \
    "trap '' INT; TERM=tmux-256color '$SPENDTOP_BIN' '$bills'; echo EXIT=\$?; stty -a; exec sleep 600"
}

check_sane() {
  local settings
  settings=$(screen | tr -s ' \n' ' ')
  grep -qE '(^| )icanon( |$)' <<<"$settings" || fail "terminal left without icanon"
  grep -qE '(^| )echo( |$)' <<<"$settings" || fail "terminal left without echo"
}

echo "1. opens on the sample bills and shows ElastiCache"
start
wait_for "basis: unblended"
wait_for "ElastiCache"
wait_for "today 2026-11-28"

echo "2. help is generated from the keymap"
tmux send-keys -t "$session" '?'
wait_for "Keys (Esc closes"
wait_for "regex filter"
wait_for "gg Home"
tmux send-keys -t "$session" Escape
wait_gone "Keys (Esc closes"

echo "3. drills down into ElastiCache"
tmux send-keys -t "$session" '2'
wait_for "by service"
tmux send-keys -t "$session" '/' 'ElastiCache' Enter
wait_for "/ElastiCache"
tmux send-keys -t "$session" Enter
wait_for "All › AmazonElastiCache"
wait_for "by usage-type"
wait_for "cache.r6g"
tmux send-keys -t "$session" Enter
wait_for "by operation"
tmux send-keys -t "$session" Enter
wait_for "by region"
tmux send-keys -t "$session" Enter
wait_for "by resource"
wait_for "arn:aws:elasticache"
tmux send-keys -t "$session" Enter
wait_for "line items of arn:aws:elasticache"
wait_for "UsageStartDate"
tmux send-keys -t "$session" Escape Escape Escape Escape
wait_for "by usage-type"
# n steps through matches of the last / search (ElastiCache): no usage type row matches it.
tmux send-keys -t "$session" 'n'
wait_for "no match for /ElastiCache/"

echo "4. redraws on resize, with a message below the minimum size"
tmux resize-window -t "$session" -x 80 -y 24
wait_for "All › AmazonElastiCache"
tmux resize-window -t "$session" -x 50 -y 12
wait_for "spendtop needs 60×16"
tmux resize-window -t "$session" -x 120 -y 40
wait_gone "spendtop needs"
wait_for "All › AmazonElastiCache"

echo "5. q quits and the terminal is sane"
tmux send-keys -t "$session" 'q'
wait_for "EXIT=0"
check_sane

echo "6. Ctrl-C restores the terminal"
start
wait_for "ElastiCache"
tmux send-keys -t "$session" C-c
wait_for "EXIT=130"
check_sane

echo "7. SIGTERM restores the terminal"
start
wait_for "ElastiCache"
pkill -TERM -f "^$SPENDTOP_BIN $bills\$" || fail "spendtop process not found"
wait_for "EXIT=143"
check_sane

echo "8. SIGHUP (the terminal went away) restores the terminal"
start
wait_for "ElastiCache"
pkill -HUP -f "^$SPENDTOP_BIN $bills\$" || fail "spendtop process not found"
wait_for "EXIT=129"
check_sane

echo "9. a crash (SIGSEGV) restores the terminal and prints where the log is"
start
wait_for "ElastiCache"
pkill -SEGV -f "^$SPENDTOP_BIN $bills\$" || fail "spendtop process not found"
wait_for "EXIT=139"
wait_for "the log is $XDG_STATE_HOME/spendtop/spendtop.log"
check_sane

echo "10. no usable terminal: a clear message and a hint"
set +e
message=$(TERM=dumb "$SPENDTOP_BIN" "$bills" </dev/null 2>&1 >/dev/null)
status=$?
set -e
[ "$status" -eq 2 ] || fail "expected exit 2 without a terminal, got $status"
grep -qF "no usable terminal" <<<"$message" || fail "no message without a terminal: $message"
grep -qF "spendtop cube" <<<"$message" || fail "no hint without a terminal: $message"

echo "PASS"

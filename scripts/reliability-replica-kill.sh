#!/usr/bin/env bash
# Reliability: a replica dies mid-load (docs/reliability.md). Two packaged replicas share one private redis-server;
# virtual MCP clients (src/test/java/dev/switchboard/reliability) open their sessions on both, half on each, and call
# calendar.add and weather.get; after --kill-after seconds replica A gets `kill -9`. Its clients retry on replica B
# with the same Mcp-Session-Id. After the load every session is checked on B: it must answer, with every calendar
# event whose calendar.add was answered. Loopback only; everything it started is stopped on exit; about 2 minutes
# (plus the build unless --no-build). Results in bench-results/replica-kill-<date>/ (ignored by git).
#
#   scripts/reliability-replica-kill.sh [--no-build] [--users 32] [--rate 400] [--duration 60] [--kill-after 30]
#   --users: virtual clients (one session each)  --rate: HTTP requests per second, all clients together
#   --duration: seconds of load  --kill-after: seconds of load before the kill  --no-build: reuse the last build
#   Environment: LOADGEN_JAVA_OPTS (JVM flags of the load client).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/reliability-lib.sh
. scripts/reliability-lib.sh

BUILD=1 USERS=32 RATE=400 DURATION=60 KILL_AFTER=30
usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --users) USERS=$2; shift ;;
    --rate) RATE=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --kill-after) KILL_AFTER=$2; shift ;;
    -h|--help) usage 0 ;;
    *) echo "scripts/reliability-replica-kill.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
  shift
done
[ "$KILL_AFTER" -lt "$DURATION" ] || { echo "--kill-after must be less than --duration" >&2; exit 2; }

rl_setup replica-kill
rl_build "$BUILD"
MACHINE=$(rl_machine)
rl_start_redis
rl_start_replica a
A_PID=$REPLICA_PID A_URL=$REPLICA_URL
rl_start_replica b
B_URL=$REPLICA_URL

MARKS=$OUT/marks.txt
: >"$MARKS"
rl_log "load: $USERS clients, $RATE requests/s, ${DURATION}s; kill -9 of replica A after ${KILL_AFTER}s"
rl_load --urls "$A_URL,$B_URL" --verify-urls "$B_URL" --users "$USERS" --rate "$RATE" --duration "$DURATION" \
  --calendar-every 4 --retry-delay 100 --marks "$MARKS" --out "$OUT/summary.json" --figures "$OUT/figures.env" \
  >"$OUT/load.txt" 2>"$OUT/load.err" &
LOAD_PID=$!
PIDS+=("$LOAD_PID")
sleep "$KILL_AFTER"
rl_mark "$MARKS" kill
{ kill -9 "$A_PID"; wait "$A_PID"; } 2>/dev/null || true
rl_log "replica A (pid $A_PID) killed with SIGKILL at second $KILL_AFTER of the load"
wait "$LOAD_PID" || { cat "$OUT/load.err" >&2; exit 1; }

cat "$OUT/load.txt"
# shellcheck disable=SC1091
. "$OUT/figures.env"
echo
echo "== Replica kill: figures ($MACHINE)"
echo "load: $USERS clients on 2 replicas (half on each), $RATE requests/s, ${DURATION}s; kill -9 of replica A at" \
  "second $KILL_SECOND; clients retry on B at once, with their Mcp-Session-Id"
lost=$(( SESSIONS_LOST_OF_THOSE + VERIFY_BEFORE - VERIFY_BEFORE_COMPLETE ))
echo "sessions created before the kill:            $SESSIONS_BEFORE_FIRST_MARK"
echo "  answered 404 (lost) during the load:       $SESSIONS_LOST_OF_THOSE"
echo "  answering calendar.list on the survivor:   $VERIFY_BEFORE_ANSWERED of $VERIFY_BEFORE checked"
echo "  with every acknowledged calendar event:    $VERIFY_BEFORE_COMPLETE ($VERIFY_EVENTS events expected in all" \
  "sessions, $VERIFY_EVENTS_MISSING missing, $VERIFY_DUPLICATES duplicated by a retried calendar.add)"
echo "sessions lost:                               $lost (goal 0)"
echo "requests failed:                             $FAILED of $REQUESTS ($KILL_PHASE_FAILED after the kill:" \
  "$KILL_PHASE_REASONS)"
echo "answers by HTTP status:                      $STATUSES"
echo "clients disrupted by the kill:               $KILL_DISRUPTED of $USERS"
echo "time until all clients were served again:    ${KILL_ALL_SERVED_MS} ms after the kill (median client" \
  "${KILL_MEDIAN_SERVED_MS} ms; first good answer after ${KILL_FIRST_GOOD_MS} ms; clients still failing at the" \
  "end: $KILL_NEVER)"
echo "  each disrupted client, ms after the kill:  $KILL_EACH_SERVED_MS"
echo "  failed requests reached the clients:       ${KILL_FIRST_FAILURE_MS} to ${KILL_LAST_FAILURE_MS} ms after the kill"
rl_log "results: $OUT (summary.json, load.txt, replica and redis logs)"
[ "$lost" = 0 ] && [ "$KILL_NEVER" = 0 ]

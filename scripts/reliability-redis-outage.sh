#!/usr/bin/env bash
# Reliability: Redis goes away for 10 s under load, then comes back with its data (docs/reliability.md). One
# packaged replica on a private redis-server; virtual MCP clients (src/test/java/dev/switchboard/reliability) call
# calendar.add and weather.get on their sessions while readiness (/q/health/ready on the management port) is polled
# every 100 ms. After --stop-after seconds Redis is stopped for --outage seconds, then resumed. A refused request is
# retried after 100 ms, as a client would (Retry-After asks for 1 s; the figures want a finer grain). After the load
# every session is checked: it must answer, with every calendar event whose calendar.add was answered.
#   --mode pause    (default) SIGSTOP, then SIGCONT: Redis hangs with its connections open, as in a network
#                   partition or a frozen host; commands wait for quarkus.redis.timeout (3 s)
#   --mode restart  `SHUTDOWN SAVE`, then redis-server again on the same port and data folder (it loads the
#                   snapshot): connections are refused while it is away
# Loopback only; everything it started is stopped on exit; about 1.5 minutes (plus the build unless --no-build).
# Results in bench-results/redis-outage-<date>/ (ignored by git).
#
#   scripts/reliability-redis-outage.sh [--mode pause|restart] [--no-build] [--users 16] [--rate 200]
#                                       [--duration 50] [--stop-after 25] [--outage 10]
#   Environment: LOADGEN_JAVA_OPTS (JVM flags of the load client).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/reliability-lib.sh
. scripts/reliability-lib.sh

MODE=pause BUILD=1 USERS=16 RATE=200 DURATION=50 STOP_AFTER=25 OUTAGE=10
usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) MODE=$2; shift ;;
    --no-build) BUILD=0 ;;
    --users) USERS=$2; shift ;;
    --rate) RATE=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --stop-after) STOP_AFTER=$2; shift ;;
    --outage) OUTAGE=$2; shift ;;
    -h|--help) usage 0 ;;
    *) echo "scripts/reliability-redis-outage.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
  shift
done
case "$MODE" in pause|restart) ;; *) echo "--mode is pause or restart" >&2; exit 2 ;; esac
[ $((STOP_AFTER + OUTAGE)) -lt "$DURATION" ] || { echo "--stop-after + --outage must be less than --duration" >&2; exit 2; }

rl_setup "redis-outage-$MODE"
rl_build "$BUILD"
MACHINE=$(rl_machine)
rl_start_redis
rl_start_replica a
A_PID=$REPLICA_PID A_URL=$REPLICA_URL A_MGMT=$REPLICA_MGMT

MARKS=$OUT/marks.txt
: >"$MARKS"
rl_log "load: $USERS clients, $RATE requests/s, ${DURATION}s; Redis stopped ($MODE) after ${STOP_AFTER}s for ${OUTAGE}s"
rl_load --urls "$A_URL" --verify-urls "$A_URL" --ready-url "$A_MGMT/q/health/ready" --users "$USERS" \
  --rate "$RATE" --duration "$DURATION" --calendar-every 4 --retry-delay 100 --marks "$MARKS" \
  --out "$OUT/summary.json" --figures "$OUT/figures.env" >"$OUT/load.txt" 2>"$OUT/load.err" &
LOAD_PID=$!
PIDS+=("$LOAD_PID")
sleep "$STOP_AFTER"
KEYS_BEFORE=$(redis-cli -p "$REDIS_PORT" dbsize)
rl_mark "$MARKS" redis_stopped
if [ "$MODE" = pause ]; then
  kill -STOP "$REDIS_PID"
  PAUSED_PIDS+=("$REDIS_PID")
  rl_log "redis-server (pid $REDIS_PID) stopped with SIGSTOP ($KEYS_BEFORE keys)"
  sleep "$OUTAGE"
  kill -CONT "$REDIS_PID"
  rl_mark "$MARKS" redis_back
  rl_log "redis-server resumed with SIGCONT"
else
  redis-cli -p "$REDIS_PORT" shutdown save >/dev/null 2>&1 || true
  wait "$REDIS_PID" 2>/dev/null || true
  rl_log "redis-server shut down with SHUTDOWN SAVE ($KEYS_BEFORE keys saved to $REDIS_DIR)"
  sleep "$OUTAGE"
  rl_mark "$MARKS" redis_back # redis-server launched: it accepts connections a few ms later
  rl_start_redis
  rl_log "redis-server back on the same port with the saved data ($(redis-cli -p "$REDIS_PORT" dbsize) keys)"
fi
wait "$LOAD_PID" || { cat "$OUT/load.err" >&2; exit 1; }
READY_AT_END=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$A_MGMT/q/health/ready" || true)
ERRORS_LOGGED=$(grep -c '"level":"ERROR"\|ERROR \[' "$OUT/replica-a.log" || true)

cat "$OUT/load.txt"
# shellcheck disable=SC1091
. "$OUT/figures.env"
echo
echo "== Redis outage ($MODE): figures ($MACHINE)"
echo "load: $USERS clients on 1 replica, $RATE requests/s, ${DURATION}s; Redis stopped ($MODE) at second" \
  "$REDIS_STOPPED_SECOND for ${OUTAGE}s; refused requests retried after 100 ms"
echo "requests refused during the outage:         $REDIS_STOPPED_PHASE_FAILED ($REDIS_STOPPED_PHASE_REASONS);" \
  "answered well meanwhile: $REDIS_STOPPED_PHASE_GOOD"
echo "requests refused after Redis was back:      $REDIS_BACK_PHASE_FAILED $REDIS_BACK_PHASE_REASONS"
echo "answers by HTTP status (whole run):         $STATUSES"
echo "503 with Retry-After / without:             $RETRY_AFTER_503 / $NO_RETRY_AFTER_503"
echo "5xx other than 503 (goal 0):                $FAILED_5XX_NOT_503"
echo "time from Redis back to the first good answer: ${REDIS_BACK_FIRST_GOOD_MS} ms; all $REDIS_BACK_DISRUPTED" \
  "disrupted clients served again after ${REDIS_BACK_ALL_SERVED_MS} ms (median ${REDIS_BACK_MEDIAN_SERVED_MS} ms;" \
  "never: $REDIS_BACK_NEVER)"
echo "readiness: $REDIS_STOPPED_READY_AT when Redis stopped, first DOWN ${REDIS_STOPPED_FIRST_DOWN_MS} ms after;" \
  "first UP ${REDIS_BACK_FIRST_UP_MS} ms after Redis was back; HTTP $READY_AT_END at the end"
echo "sessions kept: $VERIFY_ANSWERED of $VERIFY_SESSIONS answer, $VERIFY_COMPLETE with every acknowledged" \
  "calendar event ($VERIFY_EVENTS expected, $VERIFY_EVENTS_MISSING missing); lost (404) during the load: $SESSIONS_LOST"
echo "ERROR lines in the replica's log:           $ERRORS_LOGGED"
rl_log "results: $OUT (summary.json, load.txt, replica and redis logs)"
[ "$FAILED_5XX_NOT_503" = 0 ] && [ "$SESSIONS_LOST" = 0 ] && [ "$VERIFY_COMPLETE" = "$VERIFY_SESSIONS" ]

#!/usr/bin/env bash
# Reliability: a soak at half of peak load (docs/reliability.md). One packaged replica on a private redis-server;
# virtual MCP clients (src/test/java/dev/switchboard/reliability) each run sessions of 20 tool calls (calendar.add
# every 5th, weather.get otherwise), check the session's calendar with calendar.list, end it with DELETE and open the
# next. First the peak: a warm-up, then a closed loop of --users clients for --peak-seconds (skipped with --rate).
# Then the soak, paced at half that many requests per second, for --minutes. Every --sample-every seconds from the
# start of the soak the replica's RSS (/proc/<pid>/status), its heap used (jvm_memory_used_bytes{area="heap"} on the
# management port) and its live heap (the total of jcmd <pid> GC.class_histogram, after the full GC it runs) are
# printed; at the end the growth from the first sample at 5 minutes to the last, the range of the live heap meanwhile,
# the classes whose live bytes grew most, and the errors. Goals: RSS and live heap at most 10 % above their 5-minute
# sample at the end, 0 errors (heap used is printed, not checked: it follows the young generation's fill). One line per
# goal; exit status 1 when one is missed or could not be measured, "goals met" and 0 otherwise (a run with fewer than
# two samples from minute 5 on, --minutes under 10 at the default --sample-every, checks the errors only).
# Loopback only; everything it started is stopped on exit; --minutes plus about 2 minutes (plus the build unless
# --no-build). Results in bench-results/soak-<date>/ (ignored by git).
#
#   scripts/reliability-soak.sh [--minutes 30] [--rate REQUESTS_PER_SECOND] [--users 64] [--sample-every 300]
#                               [--warmup 30] [--peak-seconds 30] [--no-build]
#   Environment: LOADGEN_JAVA_OPTS (JVM flags of the load client).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/reliability-lib.sh
. scripts/reliability-lib.sh

MINUTES=30 RATE= USERS=64 SAMPLE_EVERY=300 WARMUP=30 PEAK_SECONDS=30 BUILD=1
GROWTH_GOAL=10   # percent: RSS and live heap at the end against their first sample at or after 5 minutes
usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES=$2; shift ;;
    --rate) RATE=$2; shift ;;
    --users) USERS=$2; shift ;;
    --sample-every) SAMPLE_EVERY=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --peak-seconds) PEAK_SECONDS=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) usage 0 ;;
    *) echo "scripts/reliability-soak.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
  shift
done
[[ "$MINUTES" =~ ^[0-9]+$ && "$SAMPLE_EVERY" =~ ^[0-9]+$ ]] || { echo "--minutes and --sample-every are whole numbers" >&2; exit 2; }
command -v jcmd >/dev/null 2>&1 || { echo "scripts/reliability-soak.sh: jcmd (the JDK's) is needed" >&2; exit 1; }

rl_setup soak
rl_build "$BUILD"
MACHINE=$(rl_machine)
rl_start_redis
rl_start_replica a
A_PID=$REPLICA_PID A_URL=$REPLICA_URL A_MGMT=$REPLICA_MGMT
SESSION_ARGS=(--calls-per-session 20 --calendar-every 5 --retry-delay 100)

if [ -z "$RATE" ]; then
  rl_log "peak: ${WARMUP}s of warm-up, then a closed loop of $USERS clients for ${PEAK_SECONDS}s"
  rl_load --urls "$A_URL" --users "$USERS" --duration $((WARMUP + PEAK_SECONDS)) --warmup "$WARMUP" \
    "${SESSION_ARGS[@]}" --out "$OUT/peak.json" --figures "$OUT/peak.env" >"$OUT/peak.txt" 2>&1 \
    || { cat "$OUT/peak.txt" >&2; exit 1; }
  # shellcheck disable=SC1091
  PEAK=$(. "$OUT/peak.env"; echo "$GOOD_PER_SECOND")
  PEAK_ERRORS=$(. "$OUT/peak.env"; echo "$FAILED")
  RATE=$((PEAK / 2))
  rl_log "peak $PEAK requests/s ($PEAK_ERRORS failed); the soak runs at $RATE requests/s"
else
  PEAK=
fi

# sample LABEL: RSS, heap used, and the live heap, as one line of samples.txt. The live heap is the total of a class
# histogram (jcmd <pid> GC.class_histogram, which runs a full GC first): every object still reachable at that moment,
# those of the requests in flight included. The histogram is kept as histogram-LABEL.txt.
sample() {
  local rss heap live
  rss=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$A_PID/status")
  heap=$(curl -s --max-time 5 "$A_MGMT/q/metrics" | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {sum += $NF}
    END {if (NR) printf "%.0f", sum / 1048576}')
  jcmd "$A_PID" GC.class_histogram >"$OUT/histogram-$1.txt"
  live=$(awk '/^Total/ {printf "%.1f", $3 / 1048576}' "$OUT/histogram-$1.txt")
  echo "$1 $rss ${heap:--} ${live:--}" >>"$OUT/samples.txt"
  rl_log "at $1 s: RSS $rss MiB, heap used ${heap:--} MiB, live heap ${live:--} MiB"
}

: >"$OUT/samples.txt"
DURATION=$((MINUTES * 60))
rl_log "soak: $USERS clients, $RATE requests/s, $MINUTES min; a sample every ${SAMPLE_EVERY}s"
sample 0
rl_load --urls "$A_URL" --users "$USERS" --rate "$RATE" --duration "$DURATION" --report-every "$SAMPLE_EVERY" \
  "${SESSION_ARGS[@]}" --out "$OUT/summary.json" --figures "$OUT/figures.env" >"$OUT/load.txt" 2>"$OUT/load.err" &
LOAD_PID=$!
PIDS+=("$LOAD_PID")
t0=$(date +%s)
next=$SAMPLE_EVERY
while [ "$next" -le "$DURATION" ]; do
  sleep $((t0 + next - $(date +%s)))
  kill -0 "$LOAD_PID" 2>/dev/null || break
  sample "$next"
  next=$((next + SAMPLE_EVERY))
done
wait "$LOAD_PID" || { cat "$OUT/load.err" >&2; exit 1; }

cat "$OUT/load.txt"
# shellcheck disable=SC1091
. "$OUT/figures.env"
echo
echo "== Soak: figures ($MACHINE)"
if [ -n "$PEAK" ]; then
  echo "peak: $PEAK requests/s (closed loop of $USERS clients, ${PEAK_SECONDS}s after ${WARMUP}s of warm-up," \
    "$PEAK_ERRORS failed); soak at half: $RATE requests/s"
else
  echo "soak at $RATE requests/s (--rate)"
fi
echo "soak: $MINUTES min, $USERS clients, sessions of 20 calls; $REQUESTS requests ($GOOD_PER_SECOND good/s)," \
  "$SESSIONS_OPENED sessions; latency p50 $P50_MS ms, p99 $P99_MS ms, max $MAX_MS ms"
echo "errors: $FAILED (goal 0) $FAILURE_REASONS"
printf '%8s  %8s  %14s  %14s\n' second "RSS MiB" "heap used MiB" "live heap MiB"
while read -r second rss heap live; do
  printf '%8s  %8s  %14s  %14s\n' "$second" "$rss" "$heap" "$live"
done <"$OUT/samples.txt"
# growth from the first sample at or after 5 minutes to the last one, as shell assignments (growth.env); "-" for a
# figure that a sample could not read; GROWTH_FROM empty when fewer than two samples are from minute 5 on
awk -v from=300 '
  function growth(a, b) { return (a == "-" || b == "-" || a + 0 <= 0) ? "-" : sprintf("%+.1f", 100 * (b - a) / a) }
  $1 >= from && !seen { seen = 1; t0 = $1; rss0 = $2; heap0 = $3; live0 = $4 }
  $1 >= from && $4 != "-" { if (lo == "" || $4 + 0 < lo + 0) lo = $4; if (hi == "" || $4 + 0 > hi + 0) hi = $4 }
  { t = $1; rss = $2; heap = $3; live = $4 }
  END {
    if (!seen || t == t0) { print "GROWTH_FROM=\x27\x27"; exit }
    printf "GROWTH_FROM=%d\nGROWTH_TO=%d\nRSS_GROWTH=\x27%s\x27\nHEAP_GROWTH=\x27%s\x27\nLIVE_GROWTH=\x27%s\x27\n", t0, t,
      growth(rss0, rss), growth(heap0, heap), growth(live0, live)
    printf "LIVE_LOW=\x27%s\x27\nLIVE_HIGH=\x27%s\x27\n", lo == "" ? "-" : lo, hi == "" ? "-" : hi
  }' "$OUT/samples.txt" >"$OUT/growth.env"
# shellcheck disable=SC1091
. "$OUT/growth.env"
if [ -n "$GROWTH_FROM" ]; then
  echo "growth from second $GROWTH_FROM to $GROWTH_TO: RSS $RSS_GROWTH %, heap used $HEAP_GROWTH %, live heap" \
    "$LIVE_GROWTH % (goal: RSS and live heap at most $GROWTH_GOAL %); live heap from second $GROWTH_FROM on between" \
    "$LIVE_LOW and $LIVE_HIGH MiB"
else
  echo "growth after the first 5 minutes: fewer than two samples from minute 5 on"
fi | tee "$OUT/growth.txt"
first=$(awk '$1 >= 300 {print $1; exit}' "$OUT/samples.txt")
last=$(awk 'END {print $1}' "$OUT/samples.txt")
if [ -n "$first" ] && [ "$first" != "$last" ]; then
  echo "classes whose live bytes grew most from second $first to $last (bytes, instances):"
  awk 'FNR == 1 {file++} $1 ~ /^[0-9]+:$/ {bytes[file, $4] = $3; count[file, $4] = $2; names[$4] = 1}
    END {for (n in names) {d = bytes[2, n] - bytes[1, n]; if (d > 0) printf "%12d %+10d  %s\n", d,
      count[2, n] - count[1, n], n}}' "$OUT/histogram-$first.txt" "$OUT/histogram-$last.txt" | sort -rn | head -10
fi

# The goals: a line each, and the exit status.
echo "== Soak: goals"
missed=0
if [ -n "$GROWTH_FROM" ]; then
  rl_goal_at_most "RSS growth from second $GROWTH_FROM to $GROWTH_TO" "$RSS_GROWTH" "$GROWTH_GOAL" % \
    || missed=$((missed + 1))
  rl_goal_at_most "live heap growth from second $GROWTH_FROM to $GROWTH_TO" "$LIVE_GROWTH" "$GROWTH_GOAL" % \
    || missed=$((missed + 1))
else
  echo "memory goals not checked: fewer than two samples from minute 5 on (run 10 minutes or more)"
fi
rl_goal_at_most "errors" "$FAILED" 0 || missed=$((missed + 1))
rl_log "results: $OUT (samples.txt, growth.env, summary.json, load.txt, replica and redis logs)"
if [ "$missed" -gt 0 ]; then
  echo "goals missed: $missed"
  exit 1
fi
if [ -n "$GROWTH_FROM" ]; then echo "goals met"; else echo "goals met (errors only; memory not checked)"; fi

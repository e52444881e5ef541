#!/usr/bin/env bash
# Load benchmark of the MCP hot paths (docs/benchmarks.md). Builds the benchmark variant of the service
# (./mvnw package -Pbench into target/bench-build, tests skipped), starts a private redis-server and the service on
# free loopback ports, drives each scenario from a separate load-generator process (src/test/java/dev/switchboard/
# bench), stops everything on exit, and writes results.md, results.json and the raw results.jsonl to
# bench-results/<date>/ (ignored by git).
#
#   scripts/bench.sh                     all scenarios at 1, 16, 64 and 256 connections (about 10 minutes)
#   scripts/bench.sh --quick             all scenarios at 1 and 64 connections, short windows (about 3 minutes)
#   scripts/bench.sh --jmh [--quick]     the JMH micro-benchmarks of the dispatch path instead
#   Options: --scenarios a,b,c,d,e (or a-redis, a-memory, b-memory, c-builtin, c-1000)  --connections 1,16,64
#            --duration SECONDS  --warmup SECONDS (per level)  --jvm-warmup SECONDS (per scenario, once per service)
#            --no-build  --profile (JFR on each service run, top frames printed)
#   Environment: SERVICE_JAVA_OPTS (JVM flags of the service), LOADGEN_JAVA_OPTS (of the load generator).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh

MODE=full
SCENARIOS=a,b,c,d,e
CONNECTIONS=1,16,64,256
DURATION=10
WARMUP=3
# Seconds of load per scenario before anything is measured on a fresh service: a cold JVM on two cores compiles its
# hot paths for tens of seconds, and without this the first scenario of each run measured the JIT compiler.
JVM_WARMUP=15
BUILD=1
JMH=0
PROFILE=0
custom_connections= custom_duration= custom_warmup= custom_jvm_warmup=

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --jmh) JMH=1 ;;
    --scenarios) SCENARIOS=$2; shift ;;
    --connections) custom_connections=$2; shift ;;
    --duration) custom_duration=$2; shift ;;
    --warmup) custom_warmup=$2; shift ;;
    --jvm-warmup) custom_jvm_warmup=$2; shift ;;
    --no-build) BUILD=0 ;;
    --profile) PROFILE=1 ;;
    -h|--help) usage 0 ;;
    *) echo "scripts/bench.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
  shift
done
if [ "$MODE" = quick ]; then
  CONNECTIONS=1,64 DURATION=3 WARMUP=1.5 JVM_WARMUP=3
fi
JVM_WARMUP=${custom_jvm_warmup:-$JVM_WARMUP}
CONNECTIONS=${custom_connections:-$CONNECTIONS}
DURATION=${custom_duration:-$DURATION}
WARMUP=${custom_warmup:-$WARMUP}
[ -n "$custom_connections$custom_duration$custom_warmup" ] && MODE="$MODE (custom)"

BUILD_DIR=target/bench-build
APP=$BUILD_DIR/quarkus-app/quarkus-run.jar
CLASSPATH_FILE=$BUILD_DIR/test-classpath.txt
OUT=$PWD/bench-results/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl

log() { echo "bench: $*" >&2; }

# --- what the benchmark needs ------------------------------------------------------------------------------------
[ "$JMH" = 1 ] || need_redis_server scripts/bench.sh
command -v curl >/dev/null 2>&1 || { echo "scripts/bench.sh: curl is needed to time the start-up" >&2; exit 1; }

if [ "$BUILD" = 1 ] || [ ! -f "$APP" ] || [ ! -f "$CLASSPATH_FILE" ]; then
  log "building the benchmark variant into $BUILD_DIR (./mvnw package -Pbench -DskipTests)"
  ./mvnw -B -q package -Pbench -DskipTests -Dnative.sources.skip
  ./mvnw -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
fi
BENCH_CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$CLASSPATH_FILE")"

# --- JMH ---------------------------------------------------------------------------------------------------------
if [ "$JMH" = 1 ]; then
  if [ "$MODE" = quick ]; then jmh_args=(-f 1 -wi 2 -w 1s -i 3 -r 1s); else jmh_args=(-f 1 -wi 4 -w 2s -i 5 -r 2s); fi
  log "JMH micro-benchmarks (dispatch path), results in $OUT/jmh.json"
  # -prof gc adds the bytes allocated per operation (gc.alloc.rate.norm)
  java -cp "$BENCH_CP" org.openjdk.jmh.Main DispatchBenchmark "${jmh_args[@]}" -prof gc \
    -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.txt"
  exit 0
fi

# --- processes ---------------------------------------------------------------------------------------------------
REDIS_PID= SERVER_PID= REDIS_DIR=
stop_on_exit

REDIS_PORT=$(free_port)
REDIS_DIR=$(mktemp -d)
start_redis "$REDIS_PORT" "$REDIS_DIR" "$OUT/redis.log"
log "redis-server on 127.0.0.1:$REDIS_PORT (pid $REDIS_PID)"

SERVICE_PORT=
DISCOVER='{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}'

# start_service NAME [java -D options...]: starts the service and records the time from launch to the first 200.
start_service() {
  local name=$1; shift
  SERVICE_PORT=$(free_port)
  local jfr=()
  if [ "$PROFILE" = 1 ]; then
    jfr=("-XX:StartFlightRecording=filename=$OUT/service-$name.jfr,settings=${PROFILE_SETTINGS:-profile},dumponexit=true")
  fi
  local t0
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${SERVICE_JAVA_OPTS:-} "${jfr[@]}" \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$SERVICE_PORT" \
    -Dquarkus.redis.hosts="redis://127.0.0.1:$REDIS_PORT" \
    -Dswitchboard.weather.provider=offline \
    -Dquarkus.shutdown.delay-enabled=false \
    -Dswitchboard.auth.enabled=false \
    -Dswitchboard.rate-limit.per-session=50000000 -Dswitchboard.rate-limit.per-principal=50000000 \
    "$@" -jar "$APP" >"$OUT/service-$name.log" 2>&1 &
  SERVER_PID=$!
  await_200 "$SERVER_PID" "$OUT/service-$name.log" "http://127.0.0.1:$SERVICE_PORT/mcp" "$DISCOVER" \
    -H 'MCP-Protocol-Version: 2026-07-28' -H 'Mcp-Method: server/discover'
  record_startup "$RESULTS" "$name" "$SERVER_PID" "$t0"
  log "service ($name) on 127.0.0.1:$SERVICE_PORT (pid $SERVER_PID): first 200 after $STARTUP_MILLIS ms," \
    "RSS $STARTUP_RSS MiB"
}

stop_service() {
  stop_pid "$SERVER_PID"
  SERVER_PID=
}

# load SCENARIO LABEL [--tag k=v ...]: one scenario at every concurrency level, from a separate JVM.
load() {
  local scenario=$1 label=$2; shift 2
  # shellcheck disable=SC2086
  java ${LOADGEN_JAVA_OPTS:--Xmx512m} -cp "$BENCH_CP" dev.switchboard.bench.LoadGenerator \
    --url "http://127.0.0.1:$SERVICE_PORT/mcp" --scenario "$scenario" --connections "$CONNECTIONS" \
    --warmup "$WARMUP" --duration "$DURATION" --redis-port "$REDIS_PORT" --pid "$SERVER_PID" \
    --out "$RESULTS" --tag "label=$label" "$@"
}

# warm_jvm SCENARIO...: load the fresh service with each scenario at 4 connections (leaving CPU to the JIT compiler)
# for JVM_WARMUP seconds, recording nothing, so the measured windows run compiled code.
warm_jvm() {
  local scenario
  for scenario in "$@"; do
    # shellcheck disable=SC2086
    java ${LOADGEN_JAVA_OPTS:--Xmx512m} -cp "$BENCH_CP" dev.switchboard.bench.LoadGenerator \
      --url "http://127.0.0.1:$SERVICE_PORT/mcp" --scenario "$scenario" --connections 4 \
      --warmup "$JVM_WARMUP" --duration 1 --redis-port "$REDIS_PORT" --pid "$SERVER_PID" \
      --out /dev/null --tag label=jvm-warm-up >/dev/null
  done
}

wanted() { # wanted a-redis: true when --scenarios names it, or its letter
  local id=$1 letter=${1%%-*}
  [[ ",$SCENARIOS," == *",$id,"* || ",$SCENARIOS," == *",$letter,"* ]]
}

# --- the runs ----------------------------------------------------------------------------------------------------
echo "{\"type\":\"meta\",$(meta_fields "$MODE"),\"connections\":\"$CONNECTIONS\",\"warmupSeconds\":$WARMUP," \
  "\"durationSeconds\":$DURATION,\"jvmWarmupSeconds\":$JVM_WARMUP}" | tr -d '\n' >>"$RESULTS"
echo >>"$RESULTS"
log "mode $MODE: connections $CONNECTIONS, warm-up ${WARMUP}s, window ${DURATION}s per level; results in $OUT"

if wanted a-redis || wanted b || wanted c-builtin || wanted d || wanted e; then
  start_service redis -Dswitchboard.sessions.store=redis
  warm_jvm tools-call session-cycle tools-list progress-sse stateless-call
  wanted a-redis && load tools-call "a. tools/call, Redis store" --tag store=redis
  wanted b && load session-cycle "b. session per operation (4 requests)" --tag store=redis
  wanted c-builtin && load tools-list "c. tools/list, built-in tools" --tag store=redis --tag tools=builtin
  wanted d && load progress-sse "d. tools/call as SSE, 3 progress" --tag store=redis
  wanted e && load stateless-call "e. 2026-07-28 tools/call" --tag store=redis
  stop_service
fi
if wanted a-memory || wanted b-memory; then
  start_service memory -Dswitchboard.sessions.store=memory
  wanted a-memory && warm_jvm tools-call
  wanted b-memory && warm_jvm session-cycle
  wanted a-memory && load tools-call "a. tools/call, memory store" --tag store=memory
  wanted b-memory && load session-cycle "b. session per operation (4 requests), memory store" --tag store=memory
  stop_service
fi
if wanted c-1000; then
  start_service redis-1000-tools -Dswitchboard.sessions.store=redis -Dswitchboard-bench.generated-tools=true
  warm_jvm tools-list
  load tools-list "c. tools/list, 1,000 more tools (21 pages)" --tag store=redis --tag tools=1000
  stop_service
fi

java -cp "$BENCH_CP" dev.switchboard.bench.BenchReport "$RESULTS" "$OUT/results.md" "$OUT/results.json"
if [ "$PROFILE" = 1 ]; then
  # Top frames of the CPU samples of each run: the leaf frame, and the innermost dev.switchboard frame of each sample.
  for recording in "$OUT"/service-*.jfr; do
    [ -f "$recording" ] || continue
    run=$(basename "$recording" .jfr)
    jfr print --events jdk.ExecutionSample "$recording" >"$OUT/samples-${run#service-}.txt"
    {
      echo "Top leaf frames (JFR execution samples of the ${run#service-} run):"
      awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' "$OUT/samples-${run#service-}.txt" \
        | sort | uniq -c | sort -rn | head -25
      echo
      echo "Innermost dev.switchboard frames:"
      awk '/stackTrace = \[/ {inside=1; found=0; next} inside && /^[ \t]*\]/ {inside=0; next}
           inside && !found && /dev\.switchboard\./ {found=1; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' \
        "$OUT/samples-${run#service-}.txt" | sort | uniq -c | sort -rn | head -25
      echo
    } >>"$OUT/profile.txt"
  done
  [ -f "$OUT/profile.txt" ] && cat "$OUT/profile.txt"
fi
echo
cat "$OUT/results.md"
log "results: $OUT/results.md, $OUT/results.json"

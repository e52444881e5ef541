#!/usr/bin/env bash
# Switchboard side by side with the Quarkiverse MCP server and a bare Quarkus REST endpoint (docs/benchmarks.md).
# Builds the production jar of this tree (./mvnw package -DskipTests)
# and the two peers under scripts/peers/ (each a Maven project of its own, never in the production jar), then for
# each server in turn: launches it pinned to CPU 1 (taskset -c 1, default JVM flags) and times the first 200 on an
# MCP initialize (polled every 20 ms), measures its time to peak (scenario a at 64 connections, per second from the
# first call), warms it up, and measures every scenario at each concurrency level with the load generator of
# scripts/bench.sh pinned to CPU 0. Stops everything on exit; writes results.md and results.jsonl to
# bench-results/peers-<date>/ (ignored by git) and prints the table.
#
#   scripts/bench-peers.sh            1, 16 and 64 connections, 10 s windows, 20 s warm-up (about 15 minutes)
#   scripts/bench-peers.sh --quick    1 and 64 connections, 2 s windows, short warm-up and time to peak (4 to 6 minutes)
#   Options: --connections 1,16,64  --duration SECONDS (window per level)  --level-warmup SECONDS (before each
#            level's window)  --warmup SECONDS (load after start, split over the server's scenarios)
#            --peak-seconds SECONDS (time-to-peak run)  --servers ceiling,quarkiverse,switchboard-memory,
#            switchboard-redis,switchboard-aot  --no-build (reuse the last builds)
#            --rounds N (run every server N times, in turn; the report gives each figure's median round and range)
#   switchboard-aot (not in the default list): the memory store on a JDK 25 with the AOT cache of
#   scripts/package-aot.sh, built into target/aot-app and trained there (about 2 to 4 more minutes).
#   Environment: LOADGEN_JAVA_OPTS (JVM flags of the load generator), AOT_JAVA_HOME (see scripts/package-aot.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh

MODE=full CONNECTIONS=1,16,64 DURATION=10 LEVEL_WARMUP=2 WARMUP=20 PEAK_SECONDS=30 ROUNDS=1 BUILD=1
SERVERS=ceiling,quarkiverse,switchboard-memory,switchboard-redis
custom=

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --connections) CONNECTIONS=$2; custom=1; shift ;;
    --duration) DURATION=$2; custom=1; shift ;;
    --level-warmup) LEVEL_WARMUP=$2; custom=1; shift ;;
    --warmup) WARMUP=$2; custom=1; shift ;;
    --peak-seconds) PEAK_SECONDS=$2; custom=1; shift ;;
    --servers) SERVERS=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) usage 0 ;;
    *) echo "scripts/bench-peers.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
  shift
done
if [ "$MODE" = quick ] && [ -z "$custom" ]; then
  CONNECTIONS=1,64 DURATION=2 LEVEL_WARMUP=1 WARMUP=4 PEAK_SECONDS=5
fi
[ -n "$custom" ] && MODE="$MODE (custom)"

command -v taskset >/dev/null 2>&1 || { echo "scripts/bench-peers.sh: taskset (util-linux) is needed" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "scripts/bench-peers.sh: curl is needed to time the start-up" >&2; exit 1; }
[[ ",$SERVERS," == *",switchboard-redis,"* ]] && need_redis_server scripts/bench-peers.sh

SERVER_CPU=1 LOADGEN_CPU=0
OUT=$PWD/bench-results/peers-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl
log() { echo "bench-peers: $*" >&2; }

# --- builds ------------------------------------------------------------------------------------------------------
APP=target/quarkus-app/quarkus-run.jar
CLASSPATH_FILE=target/test-classpath.txt
if [ "$BUILD" = 1 ] || [ ! -f "$APP" ] || [ ! -f "$CLASSPATH_FILE" ]; then
  log "building Switchboard's production jar into target/ (./mvnw package -DskipTests)"
  ./mvnw -B -q package -DskipTests -Dnative.sources.skip
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
fi
BENCH_CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"

# build_peer NAME: scripts/peers/NAME/target/quarkus-app, rebuilt only when missing or older than its sources;
# offline first, so a machine that built it once needs no registry.
build_peer() {
  local dir=scripts/peers/$1
  local jar=$dir/target/quarkus-app/quarkus-run.jar
  if [ -f "$jar" ] && [ -z "$(find "$dir/pom.xml" "$dir/src" -newer "$jar" -print -quit)" ]; then
    return
  fi
  log "building the $1 peer into $dir/target"
  ./mvnw -B -q -o -f "$dir/pom.xml" package -DskipTests >"$OUT/build-$1.log" 2>&1 \
    || ./mvnw -B -q -f "$dir/pom.xml" package -DskipTests >"$OUT/build-$1.log" 2>&1 \
    || { cat "$OUT/build-$1.log" >&2; exit 1; }
}
# The AOT-cached application: its own output directory, so target/quarkus-app stays the fast-jar the others run.
AOT_APP=target/aot-app
build_aot() {
  JAVA25=$(find_java25) || { echo "scripts/bench-peers.sh: switchboard-aot needs a JDK 25 or later" >&2; exit 1; }
  if [ "$BUILD" = 1 ] || [ ! -f "$AOT_APP/app.aot" ]; then
    log "building and training the AOT-cached application into $AOT_APP (scripts/package-aot.sh)"
    ./mvnw -B -q package -DskipTests -Dnative.sources.skip -Dquarkus.package.jar.type=aot-jar \
      -Dquarkus.package.output-directory=aot-app
    scripts/package-aot.sh --no-build --app "$AOT_APP" >"$OUT/build-aot.log" 2>&1 \
      || { cat "$OUT/build-aot.log" >&2; exit 1; }
  fi
}
for server in ${SERVERS//,/ }; do
  case "$server" in
    ceiling|quarkiverse) build_peer "$server" ;;
    switchboard-memory|switchboard-redis) ;;
    switchboard-aot) build_aot ;;
    *) echo "scripts/bench-peers.sh: unknown server $server" >&2; exit 2 ;;
  esac
done

# --- processes ---------------------------------------------------------------------------------------------------
REDIS_PID= REDIS_DIR= SERVER_PID= SERVER_PORT= ROUND_SUFFIX=
stop_on_exit

INITIALIZE='{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",'\
'"capabilities":{},"clientInfo":{"name":"bench-peers","version":"1"}}}'

# start_server NAME JAR [VAR=VALUE...]: launches the jar on CPU 1 with the environment given (and the java command
# in SERVER_JAVA, default java, from the directory SERVER_DIR, default here), and records the time from launching java
# to the first 200 on an initialize. Fails when the JVM says it could not use its AOT cache.
SERVER_JAVA=(java) SERVER_DIR=.
start_server() {
  local name=$1 jar=$2; shift 2
  SERVER_PORT=$(free_port)
  local t0
  t0=$(date +%s%N)
  (cd "$SERVER_DIR" && exec env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$SERVER_PORT" \
    QUARKUS_MANAGEMENT_PORT="$(free_port)" QUARKUS_SHUTDOWN_DELAY_ENABLED=false \
    taskset -c "$SERVER_CPU" "${SERVER_JAVA[@]}" -jar "$jar") >"$OUT/server-$name$ROUND_SUFFIX.log" 2>&1 &
  SERVER_PID=$!
  await_200 "$SERVER_PID" "$OUT/server-$name$ROUND_SUFFIX.log" "http://127.0.0.1:$SERVER_PORT/mcp" "$INITIALIZE"
  if grep -q '^\[[0-9.]*s\]\[error *\]\[aot' "$OUT/server-$name$ROUND_SUFFIX.log"; then
    echo "scripts/bench-peers.sh: $name started without its AOT cache; see $OUT/server-$name$ROUND_SUFFIX.log" >&2
    exit 1
  fi
  record_startup "$RESULTS" "$name" "$SERVER_PID" "$t0"
  log "$name on 127.0.0.1:$SERVER_PORT (pid $SERVER_PID, CPU $SERVER_CPU): first 200 after $STARTUP_MILLIS ms," \
    "RSS $STARTUP_RSS MiB"
}

# loadgen NAME SCENARIO CONNECTIONS WARMUP DURATION OUT [LoadGenerator options...]: the load generator on CPU 0.
loadgen() {
  local name=$1 scenario=$2 connections=$3 warmup=$4 duration=$5 out=$6; shift 6
  local delete_status=204
  [ "$name" = quarkiverse ] && delete_status=200 # its DELETE answers 200 with no body
  # shellcheck disable=SC2086
  taskset -c "$LOADGEN_CPU" java ${LOADGEN_JAVA_OPTS:--Xmx512m} -cp "$BENCH_CP" dev.switchboard.bench.LoadGenerator \
    --url "http://127.0.0.1:$SERVER_PORT/mcp" --scenario "$scenario" --connections "$connections" \
    --warmup "$warmup" --duration "$duration" --pid "$SERVER_PID" --delete-status "$delete_status" \
    --out "$out" --tag server="$name" "$@"
}

# The scenarios: id, load-generator scenario, label. c (2026-07-28) is Switchboard's and the ceiling's only.
SCENARIO_IDS=(a b c d)
declare -A SCENARIO=([a]=tools-call [b]=session-cycle [c]=stateless-call [d]=tools-list)
declare -A LABEL=([a]="a. tools/call" [b]="b. session cycle (4 requests)" [c]="c. 2026-07-28 tools/call"
  [d]="d. tools/list")
scenarios_of() {
  if [ "$1" = quarkiverse ]; then echo a b d; else echo "${SCENARIO_IDS[@]}"; fi
}

# run_server NAME JAR [VAR=VALUE...]: start, time to peak, warm-up, every scenario at every level, RSS, stop.
run_server() {
  local name=$1; shift
  local ids id
  read -r -a ids <<<"$(scenarios_of "$name")"
  start_server "$name" "$@"
  log "$name: time to peak, ${PEAK_SECONDS}s of ${SCENARIO[a]} at 64 connections"
  loadgen "$name" "${SCENARIO[a]}" 64 0 "$PEAK_SECONDS" "$RESULTS" --per-second true --tag phase=timeline \
    --tag case="${LABEL[a]}" --tag label="$name: time to peak" >/dev/null
  local share
  share=$(awk -v w="$WARMUP" -v n="${#ids[@]}" 'BEGIN {printf "%.1f", w / n}')
  log "$name: warm-up, ${share}s of each of ${ids[*]} at 16 connections"
  for id in "${ids[@]}"; do
    loadgen "$name" "${SCENARIO[$id]}" 16 "$share" 0.5 /dev/null --tag label=warm-up >/dev/null
  done
  for id in "${ids[@]}"; do
    loadgen "$name" "${SCENARIO[$id]}" "$CONNECTIONS" "$LEVEL_WARMUP" "$DURATION" "$RESULTS" \
      --tag case="${LABEL[$id]}" --tag label="$name: ${LABEL[$id]}" | sed "s/^/  $name /" >&2
  done
  stop_pid "$SERVER_PID"
  SERVER_PID=
}

echo "{\"type\":\"meta\",$(meta_fields "$MODE"),\"connections\":\"$CONNECTIONS\",\"warmupSeconds\":$WARMUP," \
  "\"levelWarmupSeconds\":$LEVEL_WARMUP,\"durationSeconds\":$DURATION,\"peakSeconds\":$PEAK_SECONDS,\"rounds\":$ROUNDS," \
  "\"serverCpu\":$SERVER_CPU,\"loadGeneratorCpu\":$LOADGEN_CPU}" | tr -d '\n' >>"$RESULTS"
echo >>"$RESULTS"
log "mode $MODE: servers $SERVERS; connections $CONNECTIONS, ${DURATION}s windows; results in $OUT"

# The peers offer weather.get only; Switchboard offers the same one tool, so tools/list pages are alike in size.
SWITCHBOARD_ENV=(SWITCHBOARD_AUTH_ENABLED=false SWITCHBOARD_RATE_LIMIT_ENABLED=false
  SWITCHBOARD_WEATHER_PROVIDER=offline
  SWITCHBOARD_TOOLS_EXCLUDE='calendar.*,history.*,memory.*,research,search,workspace.*')
# Rounds run the servers in turn (A B A B, not A A B B), so a slow spell of the machine falls on all of them.
for round in $(seq 1 "$ROUNDS"); do
  if [ "$ROUNDS" -gt 1 ]; then
    ROUND_SUFFIX=-$round
    log "round $round of $ROUNDS"
  fi
  for server in ${SERVERS//,/ }; do
    case "$server" in
      ceiling|quarkiverse) run_server "$server" "scripts/peers/$server/target/quarkus-app/quarkus-run.jar" ;;
      switchboard-memory) # REDIS_URL: a port nothing listens on, so no other Redis on this machine is ever touched
        run_server "$server" "$APP" "${SWITCHBOARD_ENV[@]}" SWITCHBOARD_SESSIONS_STORE=memory \
          REDIS_URL="redis://127.0.0.1:$(free_port)" ;;
      switchboard-aot) # as trained: -jar quarkus-run.jar from the application's directory, or the JVM drops the cache
        SERVER_JAVA=("$JAVA25" -XX:AOTCache=app.aot) SERVER_DIR=$AOT_APP
        run_server "$server" quarkus-run.jar "${SWITCHBOARD_ENV[@]}" SWITCHBOARD_SESSIONS_STORE=memory \
          REDIS_URL="redis://127.0.0.1:$(free_port)"
        SERVER_JAVA=(java) SERVER_DIR=. ;;
      switchboard-redis)
        REDIS_PORT=$(free_port)
        REDIS_DIR=$(mktemp -d)
        start_redis "$REDIS_PORT" "$REDIS_DIR" "$OUT/redis$ROUND_SUFFIX.log" taskset -c "$SERVER_CPU"
        log "redis-server on 127.0.0.1:$REDIS_PORT (pid $REDIS_PID, CPU $SERVER_CPU)"
        run_server "$server" "$APP" "${SWITCHBOARD_ENV[@]}" SWITCHBOARD_SESSIONS_STORE=redis \
          REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
        stop_pid "$REDIS_PID"
        rm -rf "$REDIS_DIR"
        REDIS_PID= REDIS_DIR=
        ;;
    esac
  done
done

java -cp "$BENCH_CP" dev.switchboard.bench.PeersReport "$RESULTS" "$OUT/results.md"
echo
cat "$OUT/results.md"
log "results: $OUT/results.md"

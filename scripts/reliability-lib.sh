# Shell functions shared by scripts/reliability-*.sh (sourced, not run); builds on scripts/bench-lib.sh.
# docs/reliability.md says what each script measures.
# shellcheck source=scripts/bench-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"

# The server side (replicas and Redis) runs pinned to SERVER_CPU, the load generator to LOADGEN_CPU, as in
# scripts/bench-peers.sh; on a single-CPU machine both are CPU 0.
SERVER_CPU=1 LOADGEN_CPU=0
[ "$(nproc)" -ge 2 ] || SERVER_CPU=0
APP=target/quarkus-app/quarkus-run.jar
CLASSPATH_FILE=target/test-classpath.txt
PIDS=()          # every process the script started, stopped on exit
PAUSED_PIDS=()   # processes it SIGSTOPped: they get SIGCONT before anything else
OUT=

rl_log() { echo "${RL_NAME:-reliability}: $*" >&2; }

# rl_setup NAME: the output folder bench-results/NAME-<date>/ (ignored by git), the exit trap, the tools needed.
rl_setup() {
  RL_NAME=$1
  OUT=$PWD/bench-results/$1-$(date -u +%Y%m%d-%H%M%S)
  mkdir -p "$OUT"
  trap '_rl_stop_all' EXIT
  trap 'exit 130' INT TERM
  command -v taskset >/dev/null 2>&1 || { echo "$RL_NAME: taskset (util-linux) is needed" >&2; exit 1; }
  command -v curl >/dev/null 2>&1 || { echo "$RL_NAME: curl is needed" >&2; exit 1; }
  need_redis_server "$RL_NAME"
}

_rl_stop_all() {
  local status=$? pid
  for pid in "${PAUSED_PIDS[@]}"; do kill -CONT "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  [ -n "${REDIS_DIR:-}" ] && rm -rf "$REDIS_DIR"
  exit $status
}

# rl_build BUILD: with BUILD=1 (or when a piece is missing) builds the production jar and the test classes
# (./mvnw -o package -DskipTests: the load client is src/test/java/dev/switchboard/reliability) and writes the test
# class path; offline first, so a machine that built once needs no registry.
rl_build() {
  if [ "$1" = 1 ] || [ ! -f "$APP" ] || [ ! -f "$CLASSPATH_FILE" ] \
      || [ ! -f target/test-classes/dev/switchboard/reliability/ReliabilityLoad.class ]; then
    rl_log "building the production jar and the test classes (./mvnw -B -o package -DskipTests)"
    { ./mvnw -B -q -o package -DskipTests -Dnative.sources.skip \
        || ./mvnw -B -q package -DskipTests -Dnative.sources.skip; } >"$OUT/build.log" 2>&1 \
      || { cat "$OUT/build.log" >&2; exit 1; }
    { ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" \
        || ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"; } \
      >>"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
  fi
  LOAD_CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"
}

# rl_start_redis [redis-server options...]: a private redis-server on a free port, pinned to SERVER_CPU, its data in
# REDIS_DIR (removed on exit). Sets REDIS_PORT, REDIS_PID, REDIS_URL.
rl_start_redis() {
  REDIS_PORT=${REDIS_PORT:-$(free_port)}
  REDIS_DIR=${REDIS_DIR:-$(mktemp -d)}
  taskset -c "$SERVER_CPU" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$REDIS_DIR" --logfile "$OUT/redis.log" "$@" &
  REDIS_PID=$!
  PIDS+=("$REDIS_PID")
  for _ in $(seq 100); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.05
  done
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || { rl_log "redis-server did not start; see $OUT/redis.log"; exit 1; }
  REDIS_URL=redis://127.0.0.1:$REDIS_PORT
  rl_log "redis-server on 127.0.0.1:$REDIS_PORT (pid $REDIS_PID, CPU $SERVER_CPU)"
}

INITIALIZE='{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",'\
'"capabilities":{},"clientInfo":{"name":"reliability","version":"1"}}}'

# The settings of every replica: no authorization server here, offline weather, and no rate limits (the virtual
# users send more than a person's 300 requests a minute per session). Everything else is the production default.
REPLICA_ENV=(SWITCHBOARD_AUTH_ENABLED=false SWITCHBOARD_RATE_LIMIT_ENABLED=false SWITCHBOARD_WEATHER_PROVIDER=offline)

# rl_start_replica NAME [VAR=VALUE...]: the packaged jar pinned to SERVER_CPU on free loopback ports, with
# REPLICA_ENV, REDIS_URL and the settings given; waits for a 200 on an MCP initialize. Sets REPLICA_PID, REPLICA_URL
# (the /mcp endpoint) and REPLICA_MGMT (the management interface: health, metrics).
rl_start_replica() {
  local name=$1; shift
  local port mgmt t0
  port=$(free_port)
  mgmt=$(free_port)
  t0=$(date +%s%N)
  env "${REPLICA_ENV[@]}" REDIS_URL="$REDIS_URL" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$mgmt" QUARKUS_SHUTDOWN_DELAY_ENABLED=false "$@" \
    taskset -c "$SERVER_CPU" java -jar "$APP" >"$OUT/replica-$name.log" 2>&1 &
  REPLICA_PID=$!
  PIDS+=("$REPLICA_PID")
  REPLICA_URL=http://127.0.0.1:$port/mcp
  REPLICA_MGMT=http://127.0.0.1:$mgmt
  await_200 "$REPLICA_PID" "$OUT/replica-$name.log" "$REPLICA_URL" "$INITIALIZE"
  rl_log "replica $name on $REPLICA_URL (pid $REPLICA_PID, CPU $SERVER_CPU, management $REPLICA_MGMT):" \
    "first 200 after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
}

# rl_load ARGS...: the load client (dev.switchboard.reliability.ReliabilityLoad) pinned to LOADGEN_CPU.
rl_load() {
  # shellcheck disable=SC2086
  taskset -c "$LOADGEN_CPU" java ${LOADGEN_JAVA_OPTS:--Xmx512m} -cp "$LOAD_CP" \
    dev.switchboard.reliability.ReliabilityLoad "$@"
}

# rl_mark FILE NAME: appends "NAME <epoch millis>" to the marks file the load client reads at its end.
rl_mark() {
  echo "$2 $(date +%s%3N)" >>"$1"
}

# rl_machine: one line naming the machine, the JVM, the commit and the load, for the summary and docs.
rl_machine() {
  local cpu_model commit
  cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  git diff --quiet HEAD -- src pom.xml 2>/dev/null || commit="$commit+changes"
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs ($cpu_model), $(java -version 2>&1 | head -1 | tr -d '"')," \
    "redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/'), commit $commit, load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# rl_goal_at_most WHAT VALUE LIMIT [UNIT]: checks one figure against its goal "at most LIMIT" (decimal numbers as
# printed, e.g. +11.1; UNIT "%" for a growth in percent) and prints one line: "goal met: ..." (status 0), or "goal
# missed: ..." with how far over (status 1). A figure that was not measured (VALUE empty or "-") is a missed goal.
rl_goal_at_most() {
  local what=$1 value=$2 limit=$3 unit=${4:-}
  local goal=$limit${unit:+ $unit}
  if [ -z "$value" ] || [ "$value" = - ]; then
    echo "goal missed: $what was not measured (goal: at most $goal)"
    return 1
  fi
  awk -v what="$what" -v value="$value" -v limit="$limit" -v unit="$unit" -v goal="$goal" 'BEGIN {
    shown = value (unit == "" ? "" : " " unit)
    over = value - limit
    if (over > 0) {
      by = unit == "%" ? sprintf("%.1f percentage points", over) : sprintf("%g%s", over, unit == "" ? "" : " " unit)
      printf "goal missed: %s %s (goal: at most %s), over by %s\n", what, shown, goal, by
      exit 1
    }
    printf "goal met:    %s %s (goal: at most %s)\n", what, shown, goal
  }'
}

# Shell functions shared by scripts/bench.sh, scripts/bench-peers.sh, scripts/package-aot.sh and scripts/test.sh
# (sourced, not run).

# free_port: a TCP port on 127.0.0.1 that nothing listens on, below the kernel's ephemeral range
# (ip_local_port_range, 32768 and up by default): there the source port of a connection on this machine (the
# server's own to Redis, say) may take it between this check and the server's bind.
free_port() {
  local port low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for _ in $(seq 1000); do
    port=$((10000 + RANDOM % (low - 10000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "no free port found" >&2
  return 1
}

# need_redis_server SCRIPT: installs redis-server with apt when missing and run as root, or fails with a hint; then
# fails with a hint unless the redis-server first on PATH is Redis 7.0 or later (the task index uses PEXPIRETIME).
need_redis_server() {
  if ! command -v redis-server >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "$1: installing redis-server (it starts an instance of its own)" >&2
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    else
      echo "$1: redis-server is missing. Install Redis 7 or later (Debian 12+/Ubuntu 24.04: sudo apt-get install" \
           "redis-server; macOS: brew install redis) and run this again." >&2
      exit 1
    fi
  fi
  local version problem
  version=$(redis_server_version)
  if [ -z "$version" ] || [ "${version%%.*}" -lt 7 ]; then
    problem="$(command -v redis-server) is Redis $version"
    [ -n "$version" ] ||
      problem="found no version of $(command -v redis-server) in \"$(redis-server --version 2>&1 | head -1 || true)\""
    echo "$1: $problem; Switchboard needs Redis 7.0 or later (it uses PEXPIRETIME). Debian 12+ and Ubuntu 24.04" \
         "ship Redis 7 (apt-get install redis-server); elsewhere install Redis's own packages, or put a Redis 7" \
         "redis-server first on PATH; then run this again." >&2
    exit 1
  fi
}

# redis_server_version: the version of the redis-server first on PATH (e.g. 7.0.15, from "Redis server v=7.0.15
# sha=..."), or nothing when it prints none.
redis_server_version() {
  { redis-server --version 2>/dev/null || true; } | sed -n 's/.*[[:space:]]v=\([0-9][0-9]*\.[0-9.]*\).*/\1/p' | head -1
}

# start_redis PORT DIR LOG [COMMAND PREFIX...]: a private redis-server without persistence, e.g. with the prefix
# `taskset -c 1`; sets REDIS_PID and returns once the port accepts connections (5 s at most).
start_redis() {
  local port=$1 dir=$2 log=$3; shift 3
  "$@" redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --logfile "$log" &
  REDIS_PID=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return
    sleep 0.05
  done
  echo "redis-server did not listen on 127.0.0.1:$port within 5 s; see $log" >&2
  exit 1
}

# find_java25: the java of a JDK 25 or later (the AOT cache needs one): AOT_JAVA_HOME when set, else the newest
# /usr/lib/jvm/* of 25 or later, else JAVA_HOME when it is one; fails when there is none.
find_java25() {
  local candidate
  for candidate in "${AOT_JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV) "${JAVA_HOME:-}"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(_java_feature "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
      echo "$candidate/bin/java"
      return
    fi
  done
  return 1
}
# _java_feature JAVA: the JDK's feature release (17, 25, ...)
_java_feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# stop_pid PID: SIGTERM, up to 15 s to exit, then SIGKILL.
# stop_on_exit: when the script ends or is interrupted, stops the processes in $SERVER_PID and $REDIS_PID and removes
# $REDIS_DIR (each may be empty), keeping the script's exit status.
stop_on_exit() {
  trap '_stop_all' EXIT
  trap 'exit 130' INT TERM
}
_stop_all() {
  local status=$?
  stop_pid "${SERVER_PID:-}"
  stop_pid "${REDIS_PID:-}"
  [ -n "${REDIS_DIR:-}" ] && rm -rf "$REDIS_DIR"
  exit $status
}

stop_pid() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# meta_fields MODE: the machine and run fields of a results file's meta line, as JSON members without braces.
meta_fields() {
  local cpu_model commit
  cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  git diff --quiet HEAD 2>/dev/null || commit="$commit+changes"
  printf '"date":"%s","cpus":%s,"cpuModel":"%s","loadAverage":"%s","java":"%s","commit":"%s","mode":"%s"' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$cpu_model" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(java -version 2>&1 | head -1 | tr -d '"')" "$commit" "$1"
}

# await_200 PID LOG URL BODY [CURL OPTIONS...]: POSTs BODY to URL every 20 ms until it answers 200, for at most
# 180 s; fails when process PID stops first (its output is in LOG).
await_200() {
  local pid=$1 log=$2 url=$3 body=$4; shift 4
  local code deadline=$(( $(date +%s) + 180 ))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' "$@" -d "$body" || true)
    [ "$code" = 200 ] && return
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the server (pid $pid) stopped during start-up; see $log" >&2
      exit 1
    fi
    if [ "$(date +%s)" -gt "$deadline" ]; then
      echo "the server (pid $pid) did not answer 200 within 180 s; see $log" >&2
      exit 1
    fi
    sleep 0.02
  done
}

# record_startup RESULTS NAME PID T0: called right after the first 200 of a server launched at T0 (date +%s%N);
# appends a startup line (milliseconds to that 200, RSS a second later) to RESULTS and sets STARTUP_MILLIS and
# STARTUP_RSS.
record_startup() {
  local results=$1 name=$2 pid=$3 t0=$4
  STARTUP_MILLIS=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 1
  STARTUP_RSS=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || true)
  STARTUP_RSS=${STARTUP_RSS:--1}
  echo "{\"type\":\"startup\",\"run\":\"$name\",\"millis\":$STARTUP_MILLIS,\"rssMiB\":$STARTUP_RSS}" >>"$results"
}

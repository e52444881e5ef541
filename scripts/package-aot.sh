#!/usr/bin/env bash
# Builds the application with a JDK AOT cache (Project Leyden, JDK 25 or later) for a fast start on the JVM:
# target/quarkus-app/quarkus-run.jar in Quarkus's aot-jar packaging (every class loaded by the JDK's own class
# loaders, which the cache needs) and target/quarkus-app/app.aot beside it. Run it with the same JDK:
#
#   java -XX:AOTCache=app.aot -jar quarkus-run.jar          (in target/quarkus-app)
#
# The cache is trained here by a scripted workload against the real service: a private redis-server (the
# production store), both protocol eras (session: initialize, lists, tool calls, a GET stream, DELETE; 2026-07-28:
# server/discover, lists, tool calls), health and metrics; then a graceful stop, at which the JDK writes the cache.
# The build itself runs on the default JDK (17 is enough); only the training needs JDK 25.
#
#   scripts/package-aot.sh                 build, then train (about 1 to 2 minutes)
#   Options: --no-build (train the last aot-jar build again)  --rounds N (workload rounds, default 300)
#            --app DIR (the aot-jar application to train, default target/quarkus-app; src/main/docker/Dockerfile.aot
#            trains the copy in its image, with the image's own JVM)
#   Environment: AOT_JAVA_HOME (a JDK 25+; default: the newest /usr/lib/jvm/*-25* or later, else JAVA_HOME if 25+).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh

BUILD=1 ROUNDS=300 APP=target/quarkus-app
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --rounds) ROUNDS=$2; shift ;;
    --app) APP=${2%/}; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scripts/package-aot.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
log() { echo "package-aot: $*" >&2; }

JAVA=$(find_java25) || {
  echo "scripts/package-aot.sh: no JDK 25 or later found; install one (Debian: a temurin-25-jdk package) and set" \
    "AOT_JAVA_HOME to it" >&2
  exit 1
}
command -v curl >/dev/null 2>&1 || { echo "scripts/package-aot.sh: curl is needed for the training run" >&2; exit 1; }
need_redis_server scripts/package-aot.sh

if [ "$BUILD" = 1 ] && [ "$APP" != target/quarkus-app ]; then
  echo "scripts/package-aot.sh: --app trains an application built before; add --no-build" >&2
  exit 2
fi
if [ "$BUILD" = 1 ]; then
  log "building the aot-jar packaging into $APP (./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar)"
  ./mvnw -B -q package -DskipTests -Dnative.sources.skip -Dquarkus.package.jar.type=aot-jar
fi
[ -f "$APP/quarkus-run.jar" ] || { echo "scripts/package-aot.sh: $APP/quarkus-run.jar is missing" >&2; exit 1; }
rm -f "$APP/app.aot"

stop_on_exit
REDIS_DIR=$(mktemp -d)
REDIS_PORT=$(free_port)
start_redis "$REDIS_PORT" "$REDIS_DIR" "$REDIS_DIR/redis.log"
SERVER_PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)
mkdir -p target
LOG=$PWD/target/aot-training.log

# Training settings: what the run needs to work here (no authorization server, no internet); none of them is baked
# into the cache, which only records the classes loaded and the methods' profiles.
log "training with $("$JAVA" -version 2>&1 | head -1) ($JAVA), $ROUNDS rounds; its log: $LOG"
(cd "$APP" && exec "$JAVA" -XX:AOTCacheOutput=app.aot \
  -Dquarkus.http.port="$SERVER_PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
  -Dquarkus.redis.hosts="redis://127.0.0.1:$REDIS_PORT" \
  -Dswitchboard.auth.enabled=false -Dswitchboard.rate-limit.enabled=false -Dswitchboard.weather.provider=offline \
  -jar quarkus-run.jar) >"$LOG" 2>&1 &
SERVER_PID=$!
URL=http://127.0.0.1:$SERVER_PORT/mcp
JSON=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
INIT='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"aot-training","version":"1"}}}'
await_200 "$SERVER_PID" "$LOG" "$URL" "$INIT"

# post ARGS...: one POST to /mcp; an answer other than 200 or 202 is counted (a training that fails trains nothing).
FAILED=0
post() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "$URL" "${JSON[@]}" "$@")
  case "$code" in 200|202) ;; *) FAILED=$((FAILED + 1)) ;; esac
  echo "$code"
}
session_round() {
  local sid
  sid=$(curl -s -D - -o /dev/null "$URL" "${JSON[@]}" -d "$INIT" | tr -d '\r' | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: //p')
  local S=(-H "Mcp-Session-Id: $sid" -H 'MCP-Protocol-Version: 2025-11-25')
  post "${S[@]}" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}' >/dev/null
  post "${S[@]}" -d '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' >/dev/null
  post "${S[@]}" -d '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"weather.get","arguments":{"city":"Paris"}}}' >/dev/null
  post "${S[@]}" -d '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"calendar.add","arguments":{"title":"Training","start":"2026-11-25T10:00:00Z"}}}' >/dev/null
  post "${S[@]}" -d '{"jsonrpc":"2.0","id":5,"method":"resources/list"}' >/dev/null
  post "${S[@]}" -d '{"jsonrpc":"2.0","id":6,"method":"prompts/list"}' >/dev/null
  post "${S[@]}" -d '{"jsonrpc":"2.0","id":7,"method":"weather.get","params":{"city":"Oslo"}}' >/dev/null
  curl -s -o /dev/null --max-time 0.3 "$URL" -H 'Accept: text/event-stream' "${S[@]}" || true  # a GET stream, primed
  curl -s -o /dev/null -X DELETE "$URL" "${S[@]}"
}
M='"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}'
stateless_round() {
  local H=(-H 'MCP-Protocol-Version: 2026-07-28')
  post "${H[@]}" -H 'Mcp-Method: server/discover' -d '{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{'"$M"'}}' >/dev/null
  post "${H[@]}" -H 'Mcp-Method: tools/list' -d '{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{'"$M"'}}' >/dev/null
  post "${H[@]}" -H 'Mcp-Method: tools/call' -H 'Mcp-Name: weather.get' \
    -d '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"weather.get","arguments":{"city":"Paris"},'"$M"'}}' >/dev/null
}
for round in $(seq "$ROUNDS"); do
  session_round
  stateless_round
  if [ $((round % 50)) = 0 ]; then
    curl -s -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready"
    curl -s -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics"
  fi
done
[ "$FAILED" = 0 ] || { echo "scripts/package-aot.sh: $FAILED workload requests failed; see $LOG" >&2; exit 1; }

# A graceful stop: the JDK writes the cache as the process exits (in a second JVM it forks for the assembly).
kill "$SERVER_PID"
for _ in $(seq 1200); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
[ -s "$APP/app.aot" ] || { echo "scripts/package-aot.sh: no $APP/app.aot was written; see $LOG" >&2; exit 1; }
log "$APP/app.aot ($(du -m "$APP/app.aot" | cut -f1) MB) for $("$JAVA" -version 2>&1 | head -1);" \
  "run: cd $APP && $JAVA -XX:AOTCache=app.aot -jar quarkus-run.jar"

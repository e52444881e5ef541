#!/usr/bin/env bash
# Runs every test: unit tests, @QuarkusTest HTTP tests, the Redis store tests against a private redis-server that
# the suite starts itself, and the official MCP conformance suite. Installs what the tests need when it is missing
# (redis-server via apt; Node 22 and the suite via npm into .cache/), then runs ./mvnw -B verify, which ends with the
# native-image build steps in sources-only mode (no GraalVM needed; about 13 s; -Dnative.sources.skip skips them).
# Extra arguments go to Maven, e.g. scripts/test.sh -Dtest=ToolsTest
set -euo pipefail
cd "$(dirname "$0")/.."

need_redis() {
  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]
}

if ! need_redis; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: installing redis-server (the tests start their own instance)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  else
    echo "scripts/test.sh: redis-server is missing. Install it (Debian/Ubuntu: sudo apt-get install redis-server;" \
         "macOS: brew install redis) and run this again." >&2
    exit 1
  fi
fi

# The conformance suite (run inside the build by ConformanceSuiteTest) needs Node >= 22 and the pinned suite.
bash scripts/install-conformance.sh

exec ./mvnw -B verify "$@"

#!/usr/bin/env bash
# Runs every test: unit tests, @QuarkusTest HTTP tests, the Redis store tests against a private redis-server that
# the suite starts itself, and the official MCP conformance suite. Installs what the tests need when it is missing
# (redis-server via apt; Node 22 and the suite via npm into .cache/; chromium and playwright-core for the console's
# browser test), then runs ./mvnw -B verify, which ends with the
# native-image build steps in sources-only mode (no GraalVM needed; about 13 s; -Dnative.sources.skip skips them).
# Extra arguments go to Maven, e.g. scripts/test.sh -Dtest=ToolsTest
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh # need_redis_server: redis-server via apt when missing (as root), and Redis 7.0 or later
need_redis_server scripts/test.sh

# The conformance suite (run inside the build by ConformanceSuiteTest) needs Node >= 22 and the pinned suite.
bash scripts/install-conformance.sh
# The console's browser test (ConsoleBrowserIT) needs Debian's chromium and playwright-core (pinned, in .cache/browser).
bash scripts/install-browser.sh

exec ./mvnw -B verify "$@"

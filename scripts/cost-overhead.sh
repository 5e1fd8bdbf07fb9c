#!/usr/bin/env bash
# What do the cost-per-call counters cost? Runs RequestLatency (reuse, http) as single-fork JMH runs of two
# jars, BEFORE (built without the counters, e.g. from the commit this branch started from) and AFTER (with them),
# alternating fork by fork (before,after then after,before, ...) so that drift of a shared machine hits both
# alike, then lets compare pool the forks of each side and prints per client the Hodges-Lehmann ratio of the
# per-fork p50s with its 95 % interval. The counters cost nothing measurable when every interval lies within
# [0.99, 1.01] (docs/COST.md).
#
# usage: scripts/cost-overhead.sh --before JAR [--after JAR] [--forks N] [--clients a,b] [--dry-run]
#   --before JAR   the jar without the counters (build it: git worktree of the base commit, mvn -q package -DskipTests)
#   --after JAR    the jar with them (default target/benchmarks.jar)
#   --forks N      forks per side (default 10)
#   --clients a,b  clients (default okhttp)
#   --dry-run      print the commands, run nothing
# env: JMH_OPTS   per-fork JMH options (default none: the benchmarks' own warm-up and 30 iterations)
#      JAVA_OPTS  options for the launcher JVMs (e.g. -Djmh.ignoreLock=true)
# The time is about 2 x forks x clients x (warm-up up to 10 s + 3 s of measurement + 2 s of JVM start):
# about 6 minutes for the defaults.
set -euo pipefail

BEFORE=""
AFTER=target/benchmarks.jar
FORKS=10
CLIENTS=okhttp
DRY=0
fail() { echo "cost-overhead: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || fail "$1 needs a value (see the usage at the top of the script)"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --before) need_value "$@"; BEFORE=$2; shift 2 ;;
    --after) need_value "$@"; AFTER=$2; shift 2 ;;
    --forks) need_value "$@"; FORKS=$2; shift 2 ;;
    --clients) need_value "$@"; CLIENTS=$2; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    *) fail "unknown argument: $1 (use --before, --after, --forks, --clients, --dry-run)" ;;
  esac
done
[[ -n "$BEFORE" ]] || fail "--before JAR is required: the jar built without the counters"
[[ "$FORKS" =~ ^[1-9][0-9]*$ ]] || fail "--forks $FORKS: give a whole number of 1 or more"
((DRY)) || [[ -f "$BEFORE" ]] || fail "--before $BEFORE: no such file"
((DRY)) || [[ -f "$AFTER" ]] || fail "--after $AFTER: no such file (mvn -q package -DskipTests builds it)"
JMH_OPTS=${JMH_OPTS:-}
[[ " $JMH_OPTS " != *" -f "* ]] || fail "JMH_OPTS: leave out -f; every run is one fork (use --forks)"
((DRY)) || command -v jq >/dev/null || fail "missing jq (Debian: apt-get install -y jq)"

if ((DRY)); then OUT=RESULTS; else OUT=$(mktemp -d -t netcalls-cost.XXXXXX); trap 'rm -rf "$OUT"' EXIT; fi
run_fork() { # jar id
  # shellcheck disable=SC2086 # JAVA_OPTS and JMH_OPTS are lists of options
  local cmd=(java ${JAVA_OPTS:-} -jar "$1" --results "$OUT" --run-id "$2" --no-export -f 1 $JMH_OPTS
    RequestLatency -p strategy=reuse -p scheme=http -p client="$CLIENTS")
  if ((DRY)); then echo "${cmd[*]}"; else "${cmd[@]}" >"$OUT/$2.log" 2>&1 \
    || { tail -20 "$OUT/$2.log" >&2; fail "run $2 failed (its log above)"; }; fi
}

B=()
A=()
for fork in $(seq 1 "$FORKS"); do
  if ((fork % 2)); then order="before after"; else order="after before"; fi
  for side in $order; do
    echo "fork $fork/$FORKS: $side" >&2
    if [[ $side == before ]]; then run_fork "$BEFORE" "f$fork-before"; B+=("$OUT/f$fork-before");
    else run_fork "$AFTER" "f$fork-after"; A+=("$OUT/f$fork-after"); fi
  done
done

join() { local IFS=,; echo "$*"; }
COMPARE=(java -jar "$AFTER" compare --format json "$(join "${B[@]}")" "$(join "${A[@]}")")
if ((DRY)); then echo "${COMPARE[*]}"; exit 0; fi
code=0
"${COMPARE[@]}" >"$OUT/compare.json" 2>"$OUT/compare.err" || code=$?
((code < 2)) || { cat "$OUT/compare.err" >&2; fail "compare could not compare the runs (message above)"; }
cat "$OUT/compare.err" >&2
echo "RequestLatency reuse http, $FORKS fork(s) per side alternating; per-fork p50, Hodges-Lehmann ratio [95 % CI]"
jq -r '.rows[] | select(.stat == null) | "\(.params.client): after / before = \(.ratio // "?") [\(.ciLower // "?"), \(.ciUpper // "?")]'`
  `' (\(.nBaseline) vs \(.nCandidate) \(.replicate)s, verdict \(.verdict))"' "$OUT/compare.json"

#!/usr/bin/env bash
# What does tracing cost? Runs RequestLatency (reuse, http) as single-fork JMH runs, trace=off and
# trace=on alternating fork by fork (on,off then off,on, ...) so that drift of a shared machine hits
# both alike, then lets compare pool the forks of each side (compare --ignore-param trace: the rows
# differ only in trace) and prints per client the Hodges-Lehmann ratio of the per-fork p50s with its
# 95 % interval:  okhttp: trace on / off = 1.021 [0.998, 1.047]
#
# usage: scripts/trace-overhead.sh [--forks N] [--clients a,b] [--dry-run]
#   --forks N      forks per side (default 8; 4 per side is the least that can bound a ratio at 95 %)
#   --clients a,b  clients (default: every client RequestLatency lists)
#   --dry-run      print the commands, run nothing
# env: JMH_OPTS   per-fork JMH options (default none: the benchmarks' own warm-up until steady and 30 iterations;
#                 fewer iterations leave the forks unclassified, and compare then says "not gated")
#      JAVA_OPTS  options for the launcher JVM (e.g. -Djmh.ignoreLock=true)
# The time is about 2 x forks x clients x (warmup + measurement + 2 s of JVM start).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" trace-overhead

FORKS=8
CLIENTS=""
DRY=0
parse_options --forks=FORKS --clients=CLIENTS --dry-run:DRY=1 -- "$@"
need_whole --forks "$FORKS"
JMH_OPTS=${JMH_OPTS:-}
[[ " $JMH_OPTS " != *" -f "* ]] || fail "JMH_OPTS: leave out -f; every run is one fork (use --forks)"

cd "$(dirname "$0")/.."
need_tools jq
build_jar
CLIENT_PARAM=()
if [[ -n "$CLIENTS" ]]; then
  CLIENT_PARAM=(-p client="$CLIENTS")
fi

run_fork() { # id trace
  # shellcheck disable=SC2086 # JAVA_OPTS and JMH_OPTS are lists of options
  java ${JAVA_OPTS:-} -jar "$JAR" --results "$OUT" --run-id "$1" --no-export -f 1 $JMH_OPTS \
    RequestLatency -p strategy=reuse -p scheme=http -p trace="$2" "${CLIENT_PARAM[@]}"
}

if ((DRY)); then
  OUT=RESULTS
  run_fork() { echo "java ${JAVA_OPTS:+$JAVA_OPTS }-jar $JAR --results $OUT --run-id $1 --no-export -f 1 $JMH_OPTS" \
    "RequestLatency -p strategy=reuse -p scheme=http -p trace=$2 ${CLIENT_PARAM[*]}"; }
else
  OUT=$(mktemp -d -t netcalls-trace.XXXXXX)
  trap 'rm -rf "$OUT"' EXIT
fi

ON=()
OFF=()
for fork in $(seq 1 "$FORKS"); do
  if ((fork % 2)); then order="on off"; else order="off on"; fi
  for t in $order; do
    id="f$fork-$t"
    echo "fork $fork/$FORKS: trace=$t" >&2
    if ((DRY)); then
      run_fork "$id" "$t"
    else
      run_fork "$id" "$t" >"$OUT/$id.log" 2>&1 \
        || { tail -20 "$OUT/$id.log" >&2; fail "run $id failed (its log above)"; }
    fi
    if [[ $t == on ]]; then ON+=("$OUT/$id"); else OFF+=("$OUT/$id"); fi
  done
done

COMPARE=(java -jar "$JAR" compare --ignore-param trace --format json "$(join "${OFF[@]}")" "$(join "${ON[@]}")")
# the forks alternate on/off (ABBA), so compare pairs them as rounds; a single fork a side is one round, which
# compare would refuse as sides run one after the other: it gets no verdict either way
((FORKS > 1)) || COMPARE+=(--allow-sequential)
if ((DRY)); then
  echo "${COMPARE[*]}"
  exit 0
fi

# exit 1 only says a row was slower, which is the answer here, not a failure
code=0
"${COMPARE[@]}" >"$OUT/compare.json" 2>"$OUT/compare.err" || code=$?
((code < 2)) || { cat "$OUT/compare.err" >&2; fail "compare could not compare the runs (message above)"; }
cat "$OUT/compare.err" >&2 # compare's warnings (e.g. too few forks), where a person sees them
echo "RequestLatency reuse http, $FORKS fork(s) per side alternating; per-fork p50, Hodges-Lehmann ratio [95 % CI]"
jq -r '.rows[] | select(.stat == null) | if .verdict == "not gated" then "\(.params.client): not gated: \(.invalidReason)" else'`
  `' "\(.params.client): trace on / off = \(.ratio // "?" | if type == "number" then (. * 1000 | round / 1000) else . end)'`
  `' [\(.ciLower // 0 | . * 1000 | round / 1000), \(.ciUpper // "inf" | if type == "number" then (. * 1000 | round / 1000) else . end)]'`
  `' (p50 off \(.baseline.p50 // 0 | . * 10 | round / 10) us, on \(.candidate.p50 // 0 | . * 10 | round / 10) us, \(.nBaseline) vs \(.nCandidate) \(.replicate)s)" end' \
  "$OUT/compare.json"

#!/usr/bin/env bash
# What do the JDK client's settings cost? RequestLatency (client=jdk, reuse, http) as single-fork JMH runs, the
# default and one variant alternating fork by fork (A,B then B,A, ...) so drift of a shared machine hits both
# alike, then compare pools the forks of each side and prints the Hodges-Lehmann ratio of the per-fork p50s with
# its 95 % interval, per variant:
#   no-request-timeout  -Dnetcalls.jdk.requestTimeout=off: no .timeout() per request (no timer per call); the
#                       client's connect timeout and the harness's deadline remain
#   no-retry-connect    -Djdk.httpclient.disableRetryConnect=true: no connect retry (a GET on a pooled connection
#                       found closed is still re-sent once; the JDK has no switch for that)
#
# usage: scripts/jdk-settings.sh [--forks N] [--variants a,b] [--jvm PATH] [--dry-run]
#   --forks N       forks per side (default 8; 4 per side is the least that can bound a ratio at 95 %)
#   --variants a,b  which variants (default both)
#   --jvm PATH      run the forks on this JDK (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)
#   --dry-run       print the commands, run nothing
# env: JMH_OPTS   per-fork JMH options (default none: the benchmark's own warm-up until steady and 30 iterations)
#      JAVA_OPTS  options for the launcher JVM (e.g. -Djmh.ignoreLock=true)
# Time: about 2 x forks x variants x (warm-up + 30 iterations + 2 s of JVM start), ~40 min at the defaults.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" jdk-settings

FORKS=8
VARIANTS=no-request-timeout,no-retry-connect
JVM_PATH=""
DRY=0
parse_options --forks=FORKS --variants=VARIANTS --jvm=JVM_PATH --dry-run:DRY=1 -- "$@"
need_whole --forks "$FORKS"
JVM=()
[[ -z "$JVM_PATH" ]] || JVM=(--jvm "$JVM_PATH")
flag() {
  case "$1" in
    no-request-timeout) echo "-Dnetcalls.jdk.requestTimeout=off" ;;
    no-retry-connect) echo "-Djdk.httpclient.disableRetryConnect=true" ;;
    *) fail "--variants: unknown variant $1 (use no-request-timeout, no-retry-connect)" ;;
  esac
}
IFS=, read -r -a WANTED <<<"$VARIANTS"
for v in "${WANTED[@]}"; do flag "$v" >/dev/null; done
JMH_OPTS=${JMH_OPTS:-}
[[ " $JMH_OPTS " != *" -f "* ]] || fail "JMH_OPTS: leave out -f; every run is one fork (use --forks)"

cd "$(dirname "$0")/.."
if ((!DRY)); then
  need_tools jq
  build_jar
  OUT=$(mktemp -d -t netcalls-jdk-settings.XXXXXX)
  trap 'rm -rf "$OUT"' EXIT
else
  OUT=RESULTS
fi

run_fork() { # id jvm-flag-or-empty
  local extra=()
  [[ -z "$2" ]] || extra=(-jvmArgsPrepend "$2")
  run_logged "$1" java ${JAVA_OPTS:-} -jar "$JAR" --results "$OUT" --run-id "$1" --no-export "${JVM[@]}" -f 1 $JMH_OPTS \
    "${extra[@]}" RequestLatency -p client=jdk -p strategy=reuse -p scheme=http
}

for v in "${WANTED[@]}"; do
  A=()
  B=()
  for fork in $(seq 1 "$FORKS"); do
    if ((fork % 2)); then order="default $v"; else order="$v default"; fi
    for side in $order; do
      id="$v-f$fork-$side"
      echo "$v: fork $fork/$FORKS: $side" >&2
      if [[ $side == default ]]; then run_fork "$id" ""; A+=("$OUT/$id"); else run_fork "$id" "$(flag "$v")"; B+=("$OUT/$id"); fi
    done
  done
  COMPARE=(java -jar "$JAR" compare --format json "$(join "${A[@]}")" "$(join "${B[@]}")")
  if ((DRY)); then echo "${COMPARE[*]}"; continue; fi
  code=0
  "${COMPARE[@]}" >"$OUT/$v.json" 2>"$OUT/$v.err" || code=$?
  ((code < 2)) || { cat "$OUT/$v.err" >&2; fail "compare could not compare the $v runs (message above)"; }
  cat "$OUT/$v.err" >&2
  jq -r --arg v "$v" '.rows[] | select(.stat == null) | "jdk \($v) / default = \(.ratio // "?") [\(.ciLower // "?"), \(.ciUpper // "?")]'`
    `' (\(.verdict); p50 default \(.baseline.p50 // "?") us, \($v) \(.candidate.p50 // "?") us, \(.nBaseline) vs \(.nCandidate) \(.replicate)s)"' \
    "$OUT/$v.json"
done

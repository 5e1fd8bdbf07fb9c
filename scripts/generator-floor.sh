#!/usr/bin/env bash
# The open-loop generator's own floor, before and after its spin: OpenLoopLatency (okhttp, reuse, http) against the
# idle built-in server, spin=off (the sender parks until each intended start) and spin=on (it parks to 50 µs before,
# at most a tenth of the period, then spins), as single-fork runs alternating fork by fork. Prints per fork the
# generator floor (median send lag, µs), the corrected and uncorrected p50 and the JVM's cores, then compare's
# ratio of corrected p50 (spin on / off) with its 95 % interval.
#
# usage: scripts/generator-floor.sh [--forks N] [--rate R] [--seconds S] [--dry-run]
#   --forks N    forks per side (default 6)
#   --rate R     requests/s (default 1000: a 1 ms period, so the full 50 µs spin; 5 % of a core at most)
#   --seconds S  length of each measured schedule (default 5)
#   --dry-run    print the commands, run nothing
# env: JAVA_OPTS  options for the launcher JVM (e.g. -Djmh.ignoreLock=true)
# Time: about 2 x forks x (warm-up schedule + measured schedule + 3 s of JVM start), ~3 min at the defaults.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" generator-floor

FORKS=6
RATE=1000
SECS=5
DRY=0
parse_options --forks=FORKS --rate=RATE --seconds=SECS --dry-run:DRY=1 -- "$@"
need_whole --forks "$FORKS"
need_number --rate "$RATE" "give requests per second, a number"
need_number --seconds "$SECS" "give a number of seconds"

cd "$(dirname "$0")/.."
if ((!DRY)); then
  need_tools jq
  build_jar
  OUT=$(mktemp -d -t netcalls-floor.XXXXXX)
  trap 'rm -rf "$OUT"' EXIT
else
  OUT=RESULTS
fi

run_fork() { # id spin
  run_logged "$1" java ${JAVA_OPTS:-} -jar "$JAR" --results "$OUT" --run-id "$1" --no-export -f 1 \
    OpenLoopLatency -p client=okhttp -p strategy=reuse -p scheme=http -p rate="$RATE" -p seconds="$SECS" -p spin="$2"
}

OFF=()
ON=()
for fork in $(seq 1 "$FORKS"); do
  if ((fork % 2)); then order="off on"; else order="on off"; fi
  for s in $order; do
    id="f$fork-spin-$s"
    echo "fork $fork/$FORKS: spin=$s" >&2
    run_fork "$id" "$s"
    if [[ $s == on ]]; then ON+=("$OUT/$id"); else OFF+=("$OUT/$id"); fi
  done
done

COMPARE=(java -jar "$JAR" compare --ignore-param spin --format json "$(join "${OFF[@]}")" "$(join "${ON[@]}")")
if ((DRY)); then echo "${COMPARE[*]}"; exit 0; fi
echo "okhttp reuse http at $RATE/s for $SECS s; per fork: spin, generator floor (median send lag), corrected p50,"
echo "uncorrected p50 (µs), cores"
for f in "$OUT"/*/openloop/*.json; do
  jq -r '"\(.params.spin // "?")  floor \(.generator_floor_us)  corr p50 \(.corrected_us.p50 // "-")'`
    `'  uncorr p50 \(.uncorrected_us.p50 // "-")  cores \(.cores_used)"' "$f"
done | sort
code=0
"${COMPARE[@]}" >"$OUT/compare.json" 2>"$OUT/compare.err" || code=$?
((code < 2)) || { cat "$OUT/compare.err" >&2; fail "compare could not compare the runs (message above)"; }
cat "$OUT/compare.err" >&2
jq -r '.rows[] | select(.stat == null) | "\(.mode): spin on / off = \(.ratio // "?") [\(.ciLower // "?"), \(.ciUpper // "?")] (\(.verdict))"' \
  "$OUT/compare.json"

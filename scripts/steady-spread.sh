#!/usr/bin/env bash
# How far forks scatter, per client, with the steady-state warm-up and cut (today's default) and without it
# (the old fixed warm-up: 2 x 500 ms, then 3 x 500 ms measured, nothing cut): RequestLatency, reuse, http,
# one fork per launcher run, the two set-ups interleaved round by round (ABBA), then `spread` over each set.
#   scripts/steady-spread.sh [--forks N] [--clients a,b] [--out DIR]      (defaults: 10, every client, results/spread-<time>)
# Needs target/benchmarks.jar (mvn package). Takes about 15 minutes at 10 forks on 2 cores: run it on a quiet machine.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" steady-spread.sh
cd "$(dirname "$0")/.."
FORKS=10
CLIENTS=okhttp,ahc,jdk,hc5,jetty
OUT=results/spread-$(date -u +%Y%m%d-%H%M%S)
while [ $# -gt 0 ]; do
  case "$1" in
    --forks) need_value "$@"; FORKS=$2; shift 2 ;;
    --clients) need_value "$@"; CLIENTS=$2; shift 2 ;;
    --out) need_value "$@"; OUT=$2; shift 2 ;;
    *) fail "unknown option $1 (use --forks N, --clients a,b, --out DIR)" ;;
  esac
done
need_jar
mkdir -p "$OUT"
IFS=, read -r -a clients <<< "$CLIENTS"
fixed=(--warmup-cap-ms 0 -wi 2 -w 500ms -i 3 -r 500ms)
one() { # $1 = set-up (fixed|steady), $2 = client, $3 = round
  local args=()
  [ "$1" = fixed ] && args=("${fixed[@]}")
  java -jar "$JAR" --results "$OUT/$1" --run-id "$2-$3" --no-export "${args[@]}" -f 1 \
    -p client="$2" -p strategy=reuse -p scheme=http RequestLatency > "$OUT/$1-$2-$3.log" 2>&1 \
    || { echo "steady-spread.sh: $1 $2 round $3 failed; see $OUT/$1-$2-$3.log" >&2; exit 1; }
}
start=$(date +%s)
for r in $(seq 1 "$FORKS"); do
  for c in "${clients[@]}"; do
    if [ $((r % 2)) -eq 1 ]; then one fixed "$c" "$r"; one steady "$c" "$r"; else one steady "$c" "$r"; one fixed "$c" "$r"; fi
  done
  echo "steady-spread.sh: round $r of $FORKS done ($(( $(date +%s) - start )) s)" >&2
done
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "# steady-spread: $(date -u +%Y-%m-%d), commit $commit, $FORKS forks a client, command: scripts/steady-spread.sh --forks $FORKS --clients $CLIENTS"
  for c in "${clients[@]}"; do
    echo "## $c: fixed warm-up, every fork (no steady-state detection)"
    java -jar "$JAR" spread --all-forks "$OUT"/fixed/"$c"-*
    echo "## $c: steady-state warm-up and cut (forks with no steady state left out, counted under 'left')"
    java -jar "$JAR" spread "$OUT"/steady/"$c"-*
  done
} | tee "$OUT/spread.txt"

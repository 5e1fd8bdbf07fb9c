#!/usr/bin/env bash
# Is the default suite still within its budget? Runs `java -jar target/benchmarks.jar` (the default suite, the
# build not counted) into results/suite-time-<time>, prints the wall time, the trials, how their warm-ups ended
# and how their forks settled, and exits 1 when it took longer than the budget (default 300 s).
#   scripts/default-suite-time.sh [--budget SECONDS] [-- extra launcher options]
# Run it on a quiet machine: other work on 2 cores lengthens every trial.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" default-suite-time.sh
cd "$(dirname "$0")/.."
BUDGET=300
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) need_value "$@"; BUDGET=$2; shift 2 ;;
    --) shift; break ;;
    *) fail "unknown option $1 (use --budget SECONDS, then -- launcher options)" ;;
  esac
done
need_whole --budget "$BUDGET"
need_jar
ID=suite-time-$(date -u +%Y%m%d-%H%M%S)
start=$(date +%s.%N)
java -jar "$JAR" --run-id "$ID" "$@" > "results/$ID.log" 2>&1 \
  || { echo "default-suite-time.sh: the suite failed; see results/$ID.log" >&2; exit 1; }
end=$(date +%s.%N)
secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", e - s }')
trials=$(find "results/$ID/warmup" -name '*.json' | wc -l)
steady=$(grep -l '"converged" : true' "results/$ID"/warmup/*.json | wc -l)
echo "default suite: ${secs} s for $trials trials (budget ${BUDGET} s); warm-ups steady before the cap: $steady of $trials"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d), run folder results/$ID"
sed -n '/^Latency per operation/,/^$/p' "results/$ID/summary.txt"
[ "$secs" -le "$BUDGET" ] || { echo "default-suite-time.sh: over budget by $((secs - BUDGET)) s" >&2; exit 1; }

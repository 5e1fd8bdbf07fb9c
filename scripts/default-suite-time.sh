#!/usr/bin/env bash
# Is the default suite still within its budget? Runs `java -jar target/benchmarks.jar` (the default suite, the
# build not counted) into results/suite-time-<time>, prints the wall time, the trials, how their warm-ups ended
# and how their forks settled, and exits 1 when it took longer than the budget (default 300 s).
#   scripts/default-suite-time.sh [--budget SECONDS] [-- extra launcher options]
# Run it on a quiet machine: other work on 2 cores lengthens every trial.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=300
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) BUDGET=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "default-suite-time.sh: unknown option $1 (use --budget SECONDS, then -- launcher options)" >&2; exit 2 ;;
  esac
done
JAR=target/benchmarks.jar
[ -f "$JAR" ] || { echo "default-suite-time.sh: $JAR not found: run mvn package first" >&2; exit 2; }
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

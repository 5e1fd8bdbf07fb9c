#!/usr/bin/env bash
# What does tracing cost? Runs RequestLatency (reuse, http) with trace=on and trace=off in
# alternating order over several rounds (on,off then off,on, ...) so that drift of a shared machine
# hits both alike, and prints the median of the per-round p50 ratios on/off for each client.
#   scripts/trace-overhead.sh            # ROUNDS=4, JMH_OPTS="-f 1 -wi 3 -i 5"
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-4}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -i 5}
[ -f target/benchmarks.jar ] || mvn -B -q package -DskipTests
OUT=$(mktemp -d -t netcalls-trace.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then order="on off"; else order="off on"; fi
  for t in $order; do
    echo "round $round: trace=$t" >&2
    # shellcheck disable=SC2086
    java -jar target/benchmarks.jar --results "$OUT" --run-id "r$round-$t" --no-export $JMH_OPTS \
      RequestLatency -p strategy=reuse -p scheme=http -p trace="$t" > "$OUT/r$round-$t.log" 2>&1 \
      || { echo "run r$round-$t failed; see its log:" >&2; tail -20 "$OUT/r$round-$t.log" >&2; exit 1; }
  done
done

python3 - "$OUT" "$ROUNDS" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def p50(run):
    return {r["params"]["client"]: r["primaryMetric"]["scorePercentiles"]["50.0"]
            for r in json.load(open(f"{out}/{run}/jmh.json"))}
ratios, ons, offs = {}, {}, {}
for i in range(1, rounds + 1):
    on, off = p50(f"r{i}-on"), p50(f"r{i}-off")
    for c in on:
        ratios.setdefault(c, []).append(on[c] / off[c])
        ons.setdefault(c, []).append(on[c]); offs.setdefault(c, []).append(off[c])
print(f"RequestLatency reuse http, {rounds} alternating rounds, p50 in us/op")
print("| client | median p50 trace=on | median p50 trace=off | median ratio on/off | per-round ratios |")
print("|---|---:|---:|---:|---|")
for c, r in ratios.items():
    print(f"| {c} | {statistics.median(ons[c]):.1f} | {statistics.median(offs[c]):.1f} | "
          f"{statistics.median(r):.3f} | {' '.join(f'{x:.2f}' for x in r)} |")
PY

#!/usr/bin/env bash
# Proves the export streams: generates a run with ROWS sample rows (default 10 million), exports it
# with a 256 MiB heap, and reports the peak heap use (sum of the heap pools' peaks, from the JVM's
# MemoryPoolMXBeans, printed by the hidden --report-heap flag; cross-checked with -Xlog:gc) and the time.
#   scripts/export-heap.sh [ROWS]
# Needs target/benchmarks.jar (mvn -B -q package -DskipTests). Exit 0 when the peak stays under 256 MiB.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" export-heap
cd "$(dirname "$0")/.."
ROWS=${1:-10000000}
need_jar

TMP=$(mktemp -d -t netcalls-heap.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

echo "export-heap: generating $ROWS rows in $TMP/run" >&2
java -cp "$JAR" netcalls.bench.SampleFileGenerator "$TMP/run" "$ROWS"
du -h "$TMP/run/samples" | tail -1 >&2

start=$(date +%s.%N)
set +e
java -Xmx256m -Xms256m -Xlog:gc:file="$TMP/gc.log" -cp "$JAR" netcalls.cli.ExportCommand "$TMP/run" --report-heap \
  2>"$TMP/err.txt"
rc=$?
set -e
end=$(date +%s.%N)
grep -vE '^    ' "$TMP/err.txt" | grep -E 'points built|peak heap|error|not everything' >&2 || true
lines=$(wc -l <"$TMP/run/points.lp")
peak=$(sed -n 's/^peak heap: \([0-9]*\) MiB.*/\1/p' "$TMP/err.txt")
secs=$(echo "$end - $start" | bc)
# cross-check from the GC log: the largest heap seen before a collection, and the number of collections
gc_max=$(grep -o '[0-9]*M->' "$TMP/gc.log" | sed 's/M->//' | sort -n | tail -1)
gcs=$(grep -c 'Pause' "$TMP/gc.log" || true)
echo "export-heap: rows=$ROWS points=$lines seconds=$secs peak_heap_mib=$peak gc_log_max_before_gc_mib=${gc_max:-none} gcs=$gcs exit=$rc"
if [ "$rc" -ne 0 ]; then
  echo "export-heap: the export failed (exit $rc)" >&2
  exit 1
fi
if [ -z "$peak" ] || [ "$peak" -ge 256 ]; then
  echo "export-heap: peak heap ${peak:-unknown} MiB is not under 256 MiB" >&2
  exit 1
fi

#!/usr/bin/env bash
# How many times does one call make threads sleep and wake? Runs RequestLatency (strategy reuse, scheme http,
# the built-in server in the same JVM) for every client with the netcalls.bench.ThreadSwitches profiler and prints,
# per client, the voluntary context switches per call summed over all threads, the threads that woke during an
# iteration, and the thread groups with the most switches per call. These are counts, not times: a busy machine
# changes them little, so this explains load sensitivity without timing anything. The numbers include the
# in-process server's threads (the same for every client) and JIT/GC threads (small after warm-up).
#
# Then, for jdk only, an EXPERIMENT that is not a default and not a benchmark result (row "jdk (direct executor)"):
# the fork gets -Dnetcalls.jdk.executor=direct, which builds the JDK client with executor(Runnable::run), so the
# response is completed on the selector thread instead of a pooled worker. The drop in switches per call is the
# worker hop. Every other row, and every benchmark elsewhere, runs each client with its defaults.
#
# usage: scripts/thread-switches.sh [--clients a,b] [--seconds S] [--no-experiment] [--dry-run]
#   --clients a,b     clients to count (default: every client RequestLatency lists)
#   --seconds S       warmup and measurement iteration time in seconds (2 warmups, 3 measurements; default 1)
#   --no-experiment   skip the jdk direct-executor row
#   --dry-run         print the commands, start nothing
# env: JAVA_OPTS  options for the JMH launcher JVM (e.g. -Djmh.ignoreLock=true while another JMH runs)
# Exit 0 on success, 2 on bad input or a failed run.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" thread-switches

CLIENTS=""
SECONDS_EACH=1
EXPERIMENT=1
DRY=0
TOP=3
parse_options --clients=CLIENTS --seconds=SECONDS_EACH --no-experiment:EXPERIMENT=0 --dry-run:DRY=1 -- "$@"
need_whole --seconds "$SECONDS_EACH"
[[ -d /proc/self/task ]] || fail "/proc/self/task is missing: the context-switch counters are Linux only"

cd "$(dirname "$0")/.."
need_tools java jq
build_jar
CLIENTS=$(known_clients --clients "$CLIENTS") || exit
IFS=, read -r -a CLIENT_LIST <<<"$CLIENTS"

# trace off: the hops are the client's; tracing runs on the threads the client already uses
JMH_ARGS=(-f 1 -wi 2 -w "${SECONDS_EACH}s" -i 3 -r "${SECONDS_EACH}s" -p strategy=reuse -p scheme=http -p trace=off
  -prof netcalls.bench.ThreadSwitches)
# prepended, so the benchmark's own fork options (heap, JDK headers) stay as they are
EXPERIMENT_ARGS=(-jvmArgsPrepend -Dnetcalls.jdk.executor=direct)

# JAVA_OPTS is split on spaces, like a shell would
read -r -a JVM_OPTS <<<"${JAVA_OPTS:-}"

WORK=$(mktemp -d -t netcalls-thread-switches.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# run LABEL CLIENT [extra JMH args...]: one fork, its JSON result in $WORK/LABEL.json
run() {
  local label=$1 client=$2
  shift 2
  local cmd=(java "${JVM_OPTS[@]}" -cp "$JAR" org.openjdk.jmh.Main 'RequestLatency\.request$' -p "client=$client"
    "${JMH_ARGS[@]}" "$@" -rf json -rff "$WORK/$label.json")
  if ((DRY)); then
    echo "${cmd[*]}"
    return
  fi
  echo "counting $label ..." >&2
  "${cmd[@]}" >"$WORK/$label.log" 2>&1 || { tail -20 "$WORK/$label.log" >&2; fail "the run of $label failed (log above)"; }
}

ROWS=()
for c in "${CLIENT_LIST[@]}"; do
  run "$c" "$c"
  ROWS+=("$c")
done
if ((EXPERIMENT)) && [[ ",$CLIENTS," == *",jdk,"* ]]; then
  run "jdk-direct" jdk "${EXPERIMENT_ARGS[@]}"
  ROWS+=("jdk-direct")
fi
((DRY)) && exit 0

printf '%-24s %14s %14s  %s\n' client "voluntary/op" "threads woken" "top thread groups (voluntary switches/op)"
for r in "${ROWS[@]}"; do
  label=$r
  [[ "$r" == jdk-direct ]] && label="jdk (direct executor)"
  jq -r --arg row "$label" --argjson top "$TOP" '
    .[0].secondaryMetrics as $m
    | ($m | to_entries
        | map(select(.key | startswith("switches.")) | select(.key != "switches.voluntary" and .key != "switches.nonvoluntary"))
        | sort_by(-.value.score) | .[:$top]
        | map("\(.key | ltrimstr("switches."))=\(.value.score * 100 | round / 100)") | join(", ")) as $groups
    | "\($row)\t\($m["switches.voluntary"].score * 100 | round / 100)\t\($m["threads.woken"].score * 10 | round / 10)\t\($groups)"
  ' "$WORK/$r.json" | awk -F'\t' '{ printf "%-24s %14s %14s  %s\n", $1, $2, $3, $4 }'
done

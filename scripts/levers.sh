#!/usr/bin/env bash
# The cheaper levers against fork-to-fork spread, tried side by side: RequestLatency, reuse, http, one fork per
# launcher run (a new JVM each time), every set-up with today's steady-state warm-up and cut, the set-ups rotated
# round by round so that drift of the machine falls on all of them alike, then `spread` over each set-up.
#   default  the built-in server inside the fork (what users run)
#   pinned   the built-in server as its own JVM (`serve`) pinned to CPU 0, the benchmark (launcher and fork) to CPU 1
#   heap-gc  the fork's 1 GiB heap (fixed already) pre-touched, and the parallel collector instead of G1
#   one-cpu  everything (launcher, fork, the built-in server in it) on CPU 1: no wake-up crosses CPUs
# (JIT threads are no lever here: on 2 CPUs the JVM already runs the minimum of 2 compiler threads.)
#   scripts/levers.sh [--forks N] [--clients a,b] [--setups a,b] [--out DIR]
#   (defaults: 8 forks, okhttp,ahc,jdk,hc5,jetty, default,pinned,heap-gc,one-cpu, results/levers-<time>)
# Needs target/benchmarks.jar (mvn package) and taskset (util-linux) for `pinned`. About 9 s a fork: 8 forks x
# 5 clients is about 24 minutes with the 4 set-ups on 2 cores. Run it on a quiet machine.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" levers.sh
cd "$(dirname "$0")/.."
FORKS=8
CLIENTS=okhttp,ahc,jdk,hc5,jetty
SETUPS=default,pinned,heap-gc,one-cpu
OUT=results/levers-$(date -u +%Y%m%d-%H%M%S)
while [ $# -gt 0 ]; do
  case "$1" in
    --forks) need_value "$@"; FORKS=$2; shift 2 ;;
    --clients) need_value "$@"; CLIENTS=$2; shift 2 ;;
    --setups) need_value "$@"; SETUPS=$2; shift 2 ;;
    --out) need_value "$@"; OUT=$2; shift 2 ;;
    *) fail "unknown option $1 (use --forks N, --clients a,b, --setups a,b, --out DIR)" ;;
  esac
done
[[ "$FORKS" =~ ^[1-9][0-9]*$ ]] || fail "--forks $FORKS: give a whole number >= 1"
IFS=, read -r -a clients <<< "$CLIENTS"
IFS=, read -r -a setups <<< "$SETUPS"
for s in "${setups[@]}"; do
  case "$s" in
    default|heap-gc) ;;
    pinned|one-cpu) command -v taskset >/dev/null 2>&1 || fail "set-up $s needs taskset (Debian: util-linux)";
            [ "$(nproc)" -ge 2 ] || fail "set-up $s needs 2 CPUs, this machine has $(nproc)" ;;
    *) fail "unknown set-up $s (known: default, pinned, heap-gc, one-cpu)" ;;
  esac
done
need_jar
mkdir -p "$OUT"

SERVER_PID=""
PORT=""
stop_server() { stop_pid "$SERVER_PID"; SERVER_PID=""; }
trap stop_server EXIT
start_server() { # the built-in server as its own JVM on CPU 0, on a free port it reports
  local ports
  ports=$(python3 -c 'import socket
a=socket.socket(); b=socket.socket(); a.bind(("127.0.0.1",0)); b.bind(("127.0.0.1",0))
print(a.getsockname()[1], b.getsockname()[1])')
  PORT=${ports% *}
  taskset -c 0 java -jar "$JAR" serve --http-port "$PORT" --https-port "${ports#* }" > "$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/bytes/16" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "the built-in server did not answer on port $PORT; see $OUT/server.log"
}

one() { # $1 = set-up, $2 = client, $3 = round
  local pre=() args=()
  case "$1" in
    pinned) pre=(taskset -c 1); args=(--target "http://127.0.0.1:$PORT") ;;
    one-cpu) pre=(taskset -c 1) ;;
    heap-gc) args=(-jvmArgsAppend "-Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+UseParallelGC") ;;
  esac
  "${pre[@]}" java -jar "$JAR" --results "$OUT/$1" --run-id "$2-$3" --no-export "${args[@]}" -f 1 \
    -p client="$2" -p strategy=reuse -p scheme=http RequestLatency > "$OUT/$1-$2-$3.log" 2>&1 \
    || fail "$1 $2 round $3 failed; see $OUT/$1-$2-$3.log"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ " ${setups[*]} " == *" pinned "* ]]; then start_server; fi
start=$(date +%s)
n=${#setups[@]}
for r in $(seq 1 "$FORKS"); do
  for c in "${clients[@]}"; do
    for k in $(seq 0 $((n - 1))); do
      one "${setups[$(( (k + r) % n ))]}" "$c" "$r" # rotated: each set-up takes each place in turn
    done
  done
  echo "levers.sh: round $r of $FORKS done ($(( $(date +%s) - start )) s)" >&2
done
stop_server

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "# levers: $(date -u +%Y-%m-%d), commit $commit, $FORKS forks a client and set-up, load before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# command: scripts/levers.sh --forks $FORKS --clients $CLIENTS --setups $SETUPS"
  for c in "${clients[@]}"; do
    for s in "${setups[@]}"; do
      echo "## $c, $s"
      java -jar "$JAR" spread "$OUT/$s/$c"-*
    done
  done
} | tee "$OUT/spread.txt"

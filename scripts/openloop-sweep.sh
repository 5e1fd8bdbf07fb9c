#!/usr/bin/env bash
# Open-loop rate sweep against a separate `serve` process, so "saturation" is the client's and not the machine's
# (docs/OPENLOOP.md). The server runs as its own JVM pinned with taskset to one CPU, the benchmark JVM (the launcher
# and its forks) to another, when taskset exists and there are at least 2 CPUs. For every strategy × rate it runs
# OpenLoopLatency via --target (and --trust for https), reads the server's CPU time from /proc/PID/stat before and
# after, and prints one table: rate, achieved, corrected p50/p99, uncorrected p50/p99 (µs), client and server CPU
# (cores busy over the run). One line per fork.
#
#   scripts/openloop-sweep.sh                                  # okhttp, https, new_client and reuse, 50 and 400 /s
#   scripts/openloop-sweep.sh --client jdk --scheme http --strategies reuse --rates 100,1000,2000 --seconds 10 --forks 3
#   scripts/openloop-sweep.sh --dry-run                        # print what it would run, run nothing
#
# Results land in --results (default results/), one run folder per strategy × rate: summary, compare and report
# read them as any other run.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" openloop-sweep.sh
cd "$(dirname "$0")/.."

CLIENT=okhttp
SCHEME=https
STRATEGIES=new_client,reuse
RATES=50,400
SECONDS_=5
FORKS=1
RESULTS=results
DRY=0
EXTRA=()

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' # the comment above, without the code after it
  echo "options: --jar FILE --client NAME --scheme http|https --strategies A,B --rates R1,R2 --seconds S --forks N"
  echo "         --results DIR --dry-run; after --, more arguments for the benchmark (e.g. -- -p connections=8)"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --jar|--client|--scheme|--strategies|--rates|--seconds|--forks|--results) need_value "$@" ;;&
    --jar) JAR=$2; shift 2 ;;
    --client) CLIENT=$2; shift 2 ;;
    --scheme) SCHEME=$2; shift 2 ;;
    --strategies) STRATEGIES=$2; shift 2 ;;
    --rates) RATES=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --forks) FORKS=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) fail "unknown option $1: see --help" ;;
  esac
done

case "$SCHEME" in http|https) ;; *) fail "--scheme $SCHEME: give http or https" ;; esac
for r in ${RATES//,/ }; do
  [[ "$r" =~ ^[0-9]+([.][0-9]+)?$ ]] && awk -v r="$r" 'BEGIN { exit !(r > 0) }' \
    || fail "--rates: $r is not a rate above 0 (requests per second)"
done
need_number --seconds "$SECONDS_" "give a number of seconds"
need_whole --forks "$FORKS"
if [ "$DRY" = 0 ]; then
  need_jar "$JAR"
  need_tools jq
fi

# pinning: the server on CPU 0, the benchmark JVM on CPU 1, only when both exist
CPUS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
SERVER_PIN=()
CLIENT_PIN=()
if command -v taskset >/dev/null 2>&1 && [ "$CPUS" -ge 2 ]; then
  SERVER_PIN=(taskset -c 0)
  CLIENT_PIN=(taskset -c 1)
  PINNING="server on CPU 0, benchmark JVM on CPU 1 (taskset)"
else
  PINNING="not pinned ($( command -v taskset >/dev/null 2>&1 && echo "$CPUS CPU" || echo "no taskset"))"
fi

TMP=$(mktemp -d)
CERT=$TMP/server.pem
SERVER_PID=
cleanup() {
  stop_pid "$SERVER_PID"
  rm -rf "$TMP"
}
trap cleanup EXIT

SERVE=("${SERVER_PIN[@]}" java -jar "$JAR" serve --host 127.0.0.1 --http-port 0 --https-port 0 --cert-out "$CERT")
SWEEP_ID=openloop-$(date -u +%Y%m%d-%H%M%S)

bench_cmd() { # strategy rate target -> the benchmark command line
  local cmd=("${CLIENT_PIN[@]}" java -jar "$JAR" --target "$3")
  [ "$SCHEME" = https ] && cmd+=(--trust "$CERT")
  cmd+=(--results "$RESULTS" --run-id "$SWEEP_ID-$1-$2" --no-export OpenLoopLatency -p "client=$CLIENT"
    -p "strategy=$1" -p "rate=$2" -p "seconds=$SECONDS_" -f "$FORKS" "${EXTRA[@]}")
  printf '%q ' "${cmd[@]}"
}

if [ "$DRY" = 1 ]; then
  echo "# pinning: $PINNING"
  echo "# server: $(printf '%q ' "${SERVE[@]}")"
  for s in ${STRATEGIES//,/ }; do
    for r in ${RATES//,/ }; do
      echo "# /proc/SERVER_PID/stat before and after, then:"
      bench_cmd "$s" "$r" "$SCHEME://127.0.0.1:PORT"
      echo
    done
  done
  exit 0
fi

: > "$TMP/serve.log" # before serve's own redirect: on a busy machine awk below can run first
"${SERVE[@]}" > "$TMP/serve.log" 2>&1 &
SERVER_PID=$!
TARGET=
for _ in $(seq 1 300); do
  TARGET=$(awk -v s="$SCHEME" '$1 == s { print $2 }' "$TMP/serve.log")
  if [ -n "$TARGET" ] && { [ "$SCHEME" = http ] || [ -s "$CERT" ]; }; then
    break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || fail "serve exited: $(cat "$TMP/serve.log")"
  sleep 0.1
done
[ -n "$TARGET" ] || fail "serve printed no $SCHEME address within 30 s: $(cat "$TMP/serve.log")"
# `serve` prints localhost; the certificate names it, and it is loopback
TICKS=$(getconf CLK_TCK)

server_cpu_ticks() { # utime + stime of the server process (fields 14 and 15; the name in () may hold spaces)
  sed 's/^.*) //' "/proc/$SERVER_PID/stat" | awk '{ print $12 + $13 }'
}

ROWS=$TMP/rows
: > "$ROWS"
echo "openloop-sweep: $CLIENT $SCHEME, $PINNING, server $TARGET (pid $SERVER_PID), $SECONDS_ s per run, $FORKS fork(s)" >&2
for s in ${STRATEGIES//,/ }; do
  for r in ${RATES//,/ }; do
    before=$(server_cpu_ticks)
    t0=$(date +%s.%N)
    cmd=$(bench_cmd "$s" "$r" "$TARGET")
    echo "openloop-sweep: $cmd" >&2
    if ! eval "$cmd" > "$TMP/bench.log" 2>&1; then
      tail -20 "$TMP/bench.log" >&2
      # the fork's own exception is far above the launcher's summary: its first lines name the cause
      grep -m 6 -E '(Exception|Error)(:| )' "$TMP/bench.log" | grep -v Blackhole >&2 || true
      fail "the benchmark failed for strategy=$s rate=$r (log above)"
    fi
    t1=$(date +%s.%N)
    after=$(server_cpu_ticks)
    # the server's CPU over the whole launcher run (warmup and JVM starts included), as cores busy
    server=$(awk -v a="$before" -v b="$after" -v t="$TICKS" -v t0="$t0" -v t1="$t1" \
      'BEGIN { printf "%.2f", (b - a) / t / (t1 - t0) }')
    run_dir="$RESULTS/$SWEEP_ID-$s-$r"
    found=0
    for f in "$run_dir"/openloop/*.json; do
      [ -f "$f" ] || continue
      found=1
      jq -r --arg s "$s" --arg server "$server" '[$s, .intended_rate, .achieved_rate,
          (.corrected_us.p50 // "-"), (.corrected_us.p99 // "-"), (.uncorrected_us.p50 // "-"),
          (.uncorrected_us.p99 // "-"), .cores_used, $server,
          (if .status == "ok" then "" else "no latency: " + (.problems | join("; ")) end)] | @tsv' "$f" >> "$ROWS"
    done
    [ "$found" = 1 ] || fail "$run_dir/openloop: no result; see $run_dir and the benchmark's log"
  done
done

{
  printf 'strategy\trate/s\tachieved/s\tcorr p50 µs\tcorr p99 µs\tuncorr p50 µs\tuncorr p99 µs\tclient cores\tserver cores\tnote\n'
  cat "$ROWS"
} | column -t -s "$(printf '\t')"
echo "client cores: the benchmark fork's CPU over its measured runs; server cores: the serve process's CPU over the"
echo "whole launcher run (JVM start and warmup included). Runs: $RESULTS/$SWEEP_ID-*"

#!/usr/bin/env bash
# Does the harness (JMH + tracing) add anything to what a client's call costs? Against an independent
# server (nginx, one worker, the same 1024 bytes), per client and round:
#   bare      one JVM running the client's reuse call in a plain System.nanoTime() loop
#             (netcalls.bench.BareLoop: the same adapter, prepared request and body check, no JMH, no trace)
#   netcalls  one JVM of RequestLatency -p strategy=reuse -p scheme=http, trace on (the default), --target nginx
# The two alternate order every round so that drift of a shared machine hits both alike. Per client the
# p50s of the rounds go to compare's statistics (netcalls.compare.ReplicateRatio: Hodges-Lehmann ratio
# netcalls/bare with its 95 % interval, Mann-Whitney p), judged against the limit:
#   PASS       the whole interval is at or below the limit
#   FAIL       the whole interval is above it
#   UNDECIDED  the interval straddles it (too few or too scattered rounds: run more)
#
# usage: scripts/harness-vs-bare.sh [--rounds N] [--clients a,b] [--seconds S] [--limit X] [--dry-run]
#   --rounds N     rounds per client (default 10; fewer than 4 per side can never bound the ratio)
#   --clients a,b  clients to measure (default: every client RequestLatency lists)
#   --seconds S    the warm-up cap (both sides warm until steady, at most S) and the measurement, each, per side and round (default 5)
#   --limit X      the ratio a client must stay under (default 1.10)
#   --dry-run      print the plan and the commands, start nothing
# env: JAVA_OPTS  options for the launcher JVM (e.g. -Djmh.ignoreLock=true to try it out while another JMH
#      runs; numbers from a shared machine are not for the README)
# Exit 0 when every client passes, 1 when any fails or is undecided, 2 on bad input or a failed run.
# The time is about rounds x clients x 2 x (2 x seconds + 2 s of JVM start).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" harness-vs-bare
. "$(dirname "$0")/lib/nginx.sh"

ROUNDS=10
CLIENTS=""
SECONDS_EACH=5
LIMIT=1.10
DRY=0
SIZE=1024
parse_options --rounds=ROUNDS --clients=CLIENTS --seconds=SECONDS_EACH --limit=LIMIT --dry-run:DRY=1 -- "$@"
need_whole --rounds "$ROUNDS"
need_whole --seconds "$SECONDS_EACH"
need_number --limit "$LIMIT" "give a ratio such as 1.10"

cd "$(dirname "$0")/.."
need_tools java jq curl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$NGINX" ]] || fail "missing nginx (Debian: apt-get install -y nginx-light)"
build_jar
CLIENTS=$(known_clients --clients "$CLIENTS") || exit
IFS=, read -r -a CLIENT_LIST <<<"$CLIENTS"

# the same fork JVM options as the benchmarks (BenchDefaults), so heap and GC sizing are alike
BARE_JVM=(-Xms1g -Xmx1g -Djdk.httpclient.allowRestrictedHeaders=connection)
# both sides warm up until steady (capped at SECONDS_EACH), then measure SECONDS_EACH: JMH in 30 iterations, so
# its fork is classified and cut to its steady segment as in any run
JMH_TIMES=(-f 1 --warmup-cap-ms "$((SECONDS_EACH * 1000))" -wi 1 -w 300ms -i 30 -r "$((SECONDS_EACH * 1000 / 30))ms")

if ((DRY)); then
  echo "plan: $ROUNDS round(s) x clients ${CLIENT_LIST[*]}, ${SECONDS_EACH}s warmup + ${SECONDS_EACH}s measurement per side,"
  echo "      order alternating per round, limit ${LIMIT}x; nginx on a free loopback port (PORT below)"
  for c in "${CLIENT_LIST[@]}"; do
    echo "bare:     java ${BARE_JVM[*]} -cp $JAR netcalls.bench.BareLoop $c http://127.0.0.1:PORT $SECONDS_EACH $SECONDS_EACH $SIZE"
    echo "netcalls: java ${JAVA_OPTS:+$JAVA_OPTS }-jar $JAR --results WORK --run-id rN-$c --no-export --target http://127.0.0.1:PORT" \
      "${JMH_TIMES[*]} RequestLatency -p client=$c -p strategy=reuse -p scheme=http -p size=$SIZE"
  done
  echo "then: java -cp $JAR netcalls.compare.ReplicateRatio CLIENT BARE_P50S NETCALLS_P50S $LIMIT"
  exit 0
fi

WORK=$(mktemp -d -t netcalls-harness-vs-bare.XXXXXX)
NGINX_PID=""
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  stop_pid "$NGINX_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- nginx: the built-in server's 1024 bytes and headers ---
# `return 200` answers from memory with Content-Type and Content-Length like the built-in server (no
# ETag, Last-Modified or Accept-Ranges as a static file would add); nginx-light cannot drop the
# Server, Date and Connection headers it always sends.
BODY=$(awk -v n="$SIZE" 'BEGIN { for (i = 0; i < n; i++) printf "%c", 97 + i % 26 }')
chmod -R a+rX "$WORK"
start_nginx "$WORK/nginx" "  server_tokens off;" "    location = /bytes/$SIZE {
      default_type application/octet-stream;
      return 200 \"$BODY\";
    }"
BASE="http://127.0.0.1:$NGINX_PORT"
[[ "$(curl -sf "$BASE/bytes/$SIZE")" == "$BODY" ]] || fail "nginx does not serve the $SIZE pattern bytes at /bytes/$SIZE"

# --- measure ---
declare -A BARE NETCALLS
measure_bare() { # client round
  local log="$WORK/bare-r$2-$1.log" line p50
  java "${BARE_JVM[@]}" -cp "$JAR" netcalls.bench.BareLoop "$1" "$BASE" "$SECONDS_EACH" "$SECONDS_EACH" "$SIZE" \
    >"$log" 2>&1 || { tail -20 "$log" >&2; fail "bare loop of $1 failed in round $2 (log above)"; }
  line=$(tail -1 "$log")
  p50=$(jq -er '.p50_us' <<<"$line") || fail "bare loop of $1, round $2: no p50_us in its output: $line"
  BARE[$1]+="${BARE[$1]:+,}$p50"
}
measure_netcalls() { # client round
  local id="r$2-$1" p50
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java ${JAVA_OPTS:-} -jar "$JAR" --results "$WORK/results" --run-id "$id" --no-export --target "$BASE" "${JMH_TIMES[@]}" \
    RequestLatency -p client="$1" -p strategy=reuse -p scheme=http -p size="$SIZE" >"$WORK/$id.log" 2>&1 \
    || { tail -20 "$WORK/$id.log" >&2; fail "RequestLatency of $1 failed in round $2 (log above)"; }
  # the fork's p50 over its steady segment (docs/STEADY.md), as every netcalls output reads it
  p50=$(java -jar "$JAR" spread --all-forks --json "$WORK/results/$id" | jq -er 'select(.unit == "us/op") | .median') \
    || fail "$WORK/results/$id: no p50 in us/op (java -jar $JAR spread --all-forks $WORK/results/$id)"
  p50=$(LC_ALL=C printf '%.3f' "$p50") # a JSON double, e.g. 121.34400000000001
  NETCALLS[$1]+="${NETCALLS[$1]:+,}$p50"
}

for round in $(seq "$ROUNDS"); do
  if ((round % 2)); then order=(bare netcalls); else order=(netcalls bare); fi
  for c in "${CLIENT_LIST[@]}"; do
    for side in "${order[@]}"; do
      echo "round $round/$ROUNDS: $c $side (${SECONDS_EACH}s + ${SECONDS_EACH}s)" >&2
      case "$side" in
        bare) measure_bare "$c" "$round" ;;
        netcalls) measure_netcalls "$c" "$round" ;;
      esac
    done
  done
done

# --- report: the statistics are compare's, in Java ---
echo
echo "GET /bytes/$SIZE from nginx, reuse, p50 per round (us); ratio netcalls/bare over $ROUNDS round(s), limit ${LIMIT}x"
STATUS=0
for c in "${CLIENT_LIST[@]}"; do
  echo "$c bare:     ${BARE[$c]}"
  echo "$c netcalls: ${NETCALLS[$c]}"
  code=0
  java -cp "$JAR" netcalls.compare.ReplicateRatio "$c" "${BARE[$c]}" "${NETCALLS[$c]}" "$LIMIT" || code=$?
  if ((code == 2)); then
    fail "the ratio of $c could not be computed (message above)"
  fi
  ((code == 0)) || STATUS=1
done
exit $STATUS

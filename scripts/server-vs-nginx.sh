#!/usr/bin/env bash
# Is the built-in target server fast enough to measure clients against? Compares its latency
# for GET /bytes/1024 (one connection, one request at a time, like the benchmarks) with nginx
# serving the same 1024 bytes as a static file. Rounds alternate between the two servers so
# that machine noise hits both alike.
#
# usage: scripts/server-vs-nginx.sh [--strict]
#   --strict   exit 1 when the p50 ratio is over the limit (default: only print FAIL)
# env: ROUNDS (5), DURATION seconds per round (10), WARMUP seconds (10), LIMIT ratio (1.25),
#      JAVA_OPTS for the server JVM
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" server-vs-nginx
. "$(dirname "$0")/lib/nginx.sh"

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
LIMIT=${LIMIT:-1.25}
STRICT=0
for arg in "$@"; do
  case "$arg" in
    --strict) STRICT=1 ;;
    *) fail "unknown argument: $arg (use --strict)" ;;
  esac
done

cd "$(dirname "$0")/.."
need_tools java wrk nginx curl
build_jar

WORK=$(mktemp -d -t netcalls-vs-nginx.XXXXXX)
SERVER_PID=""
NGINX_PID=""
cleanup() {
  stop_pid "$SERVER_PID"
  stop_pid "$NGINX_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- netcalls: ephemeral ports, read back from the URLs it prints ---
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -cp "$JAR" netcalls.server.ServeCommand \
  --http-port 0 --https-port 0 >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
NETCALLS_PORT=""
for _ in $(seq 300); do
  NETCALLS_PORT=$(sed -n 's|^http  http://localhost:\([0-9]*\)$|\1|p' "$WORK/serve.log")
  [[ -n "$NETCALLS_PORT" ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; fail "netcalls server exited"; }
  sleep 0.1
done
[[ -n "$NETCALLS_PORT" ]] || fail "netcalls server printed no URL"

# --- nginx: the same 1024 bytes at the same path, as a static file ---
mkdir -p "$WORK/nginx/www/bytes"
awk 'BEGIN { for (i = 0; i < 1024; i++) printf "%c", 97 + i % 26 }' >"$WORK/nginx/www/bytes/1024"
chmod -R a+rX "$WORK" # the nginx worker drops root privileges and must still read the file
# nginx at its fastest for one small file: no open/fstat per request, and a plain write
# (sendfile costs more than it saves for 1 KiB); a fast baseline makes the check strict
start_nginx "$WORK/nginx" "  open_file_cache max=16 inactive=1h;
  sendfile off;" "    root $WORK/nginx/www;
    default_type application/octet-stream;"

declare -A URL=(
  [netcalls]="http://127.0.0.1:$NETCALLS_PORT/bytes/1024"
  [nginx]="http://127.0.0.1:$NGINX_PORT/bytes/1024"
)
cmp -s <(curl -sf "${URL[netcalls]}") <(curl -sf "${URL[nginx]}") \
  || fail "the two servers do not return the same 1024 bytes"

# --- measure ---
to_us() { # "25.10us" / "1.02ms" / "1.00s" -> microseconds
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) m = 1; else if (v ~ /ms$/) m = 1000; else if (v ~ /s$/) m = 1000000; else exit 1
    sub(/[a-z]+$/, "", v); printf "%.1f", v * m }'
}

declare -A P50 P99 RPS
measure() { # server seconds
  local out p50 p99 rps
  out=$(wrk -t1 -c1 -d"$2"s --latency "${URL[$1]}")
  if grep -qE 'Socket errors|Non-2xx' <<<"$out"; then
    echo "$out" >&2
    fail "$1 had errors during the round"
  fi
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  rps=$(awk '$1 == "Requests/sec:" { print $2 }' <<<"$out")
  [[ -n "$p50" && -n "$p99" && -n "$rps" ]] || { echo "$out" >&2; fail "cannot parse wrk output"; }
  P50[$1]+="$(to_us "$p50") "
  P99[$1]+="$(to_us "$p99") "
  RPS[$1]+="$rps "
}

median() { # numbers... -> median
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
    END { if (NR % 2) printf "%.1f", v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "warming up: ${WARMUP}s netcalls, 2s nginx ..." >&2
wrk -t1 -c1 -d"$WARMUP"s "${URL[netcalls]}" >/dev/null
wrk -t1 -c1 -d2s "${URL[nginx]}" >/dev/null
for round in $(seq "$ROUNDS"); do
  # alternate which server goes first, so neither always runs right after the other
  if ((round % 2)); then order=(netcalls nginx); else order=(nginx netcalls); fi
  for server in "${order[@]}"; do
    echo "round $round/$ROUNDS: $server (${DURATION}s)" >&2
    measure "$server" "$DURATION"
  done
done

# --- report ---
# shellcheck disable=SC2086 # the per-round lists are space-separated on purpose
{
  N50=$(median ${P50[netcalls]}); X50=$(median ${P50[nginx]})
  N99=$(median ${P99[netcalls]}); X99=$(median ${P99[nginx]})
  NRPS=$(median ${RPS[netcalls]}); XRPS=$(median ${RPS[nginx]})
}
RATIO=$(awk -v a="$N50" -v b="$X50" 'BEGIN { printf "%.2f", a / b }')
VERDICT=$(awk -v r="$RATIO" -v l="$LIMIT" 'BEGIN { print (r <= l) ? "PASS" : "FAIL" }')

echo
echo "GET /bytes/1024, wrk -t1 -c1, $ROUNDS rounds x ${DURATION}s each, medians over rounds"
echo
echo "| server | p50 (us) | p99 (us) | requests/s |"
echo "|---|---:|---:|---:|"
echo "| netcalls | $N50 | $N99 | $NRPS |"
echo "| nginx | $X50 | $X99 | $XRPS |"
echo
echo "per-round p50 (us): netcalls ${P50[netcalls]}| nginx ${P50[nginx]}"
echo "per-round p99 (us): netcalls ${P99[netcalls]}| nginx ${P99[nginx]}"
echo "p50 ratio netcalls/nginx: $RATIO (limit $LIMIT): $VERDICT"

if [[ "$VERDICT" == FAIL && "$STRICT" == 1 ]]; then
  exit 1
fi

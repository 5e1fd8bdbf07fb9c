#!/usr/bin/env bash
# Runs CMD... with a throw-away InfluxDB 1.x on free loopback ports, then stops it.
#   scripts/with-influxdb.sh mvn -B verify -Dtest='netcalls.export.**' -Dit.test='Influx*IT,Telegraf*IT,Compare*IT'
# (the InfluxDB tests are failsafe *IT tests, run by verify; -Dtest alone, under test, leaves them out)
# Exports for CMD:
#   NETCALLS_INFLUX_URL=http://127.0.0.1:PORT   (HTTP API, no auth)
#   NETCALLS_INFLUX_UDP=udp://127.0.0.1:PORT    (UDP listener writing to database netcalls_udp)
#   NETCALLS_INFLUXD=/path/to/influxd           (so tests can start their own disposable server)
# Exit code: CMD's; 97 if InfluxDB could not be installed or did not answer /ping in time.
set -euo pipefail

if ! command -v influxd >/dev/null 2>&1; then
  echo "with-influxdb: influxd not found, installing the Debian package influxdb" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y influxdb >&2 || { echo "with-influxdb: could not install influxdb" >&2; exit 97; }
fi
INFLUXD=$(command -v influxd)

free_port() { # $1 = tcp|udp; asks the kernel for a free loopback port (python3), else probes random ones
  if command -v python3 >/dev/null 2>&1 && python3 - "$1" <<'PY' 2>/dev/null; then return; fi
import socket, sys
kind = socket.SOCK_DGRAM if sys.argv[1] == "udp" else socket.SOCK_STREAM
s = socket.socket(socket.AF_INET, kind); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
  local p
  for _ in $(seq 1 100); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null \
       && ! { command -v ss >/dev/null 2>&1 && ss -Hlnu "sport = :$p" 2>/dev/null | grep -q .; }; then
      echo "$p"; return
    fi
  done
  echo "with-influxdb: no free port found" >&2; exit 97
}

HTTP_PORT=$(free_port tcp)
BIND_PORT=$(free_port tcp)
while [ "$BIND_PORT" = "$HTTP_PORT" ]; do BIND_PORT=$(free_port tcp); done
UDP_PORT=$(free_port udp)

TMP=$(mktemp -d -t netcalls-influx.XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cat >"$TMP/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:${BIND_PORT}"
[meta]
  dir = "${TMP}/meta"
[data]
  dir = "${TMP}/data"
  wal-dir = "${TMP}/wal"
  query-log-enabled = false
[http]
  enabled = true
  bind-address = "127.0.0.1:${HTTP_PORT}"
  log-enabled = false
[[udp]]
  enabled = true
  bind-address = "127.0.0.1:${UDP_PORT}"
  database = "netcalls_udp"
  batch-size = 1000
  batch-timeout = "100ms"
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
CONF

"$INFLUXD" -config "$TMP/influxdb.conf" >"$TMP/influxd.log" 2>&1 &
PID=$!

up=""
for _ in $(seq 1 150); do   # 15 s at most
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${HTTP_PORT}/ping" 2>/dev/null || true)
  if [ "$code" = "204" ]; then up=1; break; fi
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$up" ]; then
  echo "with-influxdb: influxd did not answer /ping on 127.0.0.1:${HTTP_PORT}; its log:" >&2
  tail -n 30 "$TMP/influxd.log" >&2 || true
  exit 97
fi

export NETCALLS_INFLUX_URL="http://127.0.0.1:${HTTP_PORT}"
export NETCALLS_INFLUX_UDP="udp://127.0.0.1:${UDP_PORT}"
export NETCALLS_INFLUXD="$INFLUXD"
echo "with-influxdb: InfluxDB up at ${NETCALLS_INFLUX_URL}, UDP ${NETCALLS_INFLUX_UDP}" >&2

rc=0
"$@" || rc=$?
exit "$rc"

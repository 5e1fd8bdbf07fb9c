#!/usr/bin/env bash
# The test command: unit and integration tests, the real jar's smoke run, and the exporter against
# a real InfluxDB 1.x (Debian's influxdb, installed if missing, started on free loopback ports with a
# temporary data dir, stopped afterwards, also on failure), and the HTML report rendered in headless Chromium
# (Debian's chromium, installed if missing); nginx and VictoriaMetrics (Debian's, installed if missing) for
# the tests that need a server and a store netcalls did not write. Takes about 3 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need java || ! need mvn; then
  echo "test.sh: installing a JDK and Maven (Debian packages)" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jdk-headless maven >&2
fi
if ! need curl; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y curl >&2 || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y curl >&2; }
fi
if ! need chromium; then
  # ReportIT renders report.html in it, offline
  echo "test.sh: installing Chromium (Debian package)" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2
fi

if ! need nginx || ! need victoria-metrics; then
  # an independent HTTP server for the any-URL and harness tests, and a second line-protocol store
  echo "test.sh: installing nginx and VictoriaMetrics (Debian packages)" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light victoria-metrics >&2
fi
PATH="$PATH:/usr/sbin"

exec scripts/with-influxdb.sh mvn -B verify "$@"

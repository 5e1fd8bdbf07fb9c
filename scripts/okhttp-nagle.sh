#!/usr/bin/env bash
# Why OkHttp's concurrent pair on one HTTP/2 connection takes the sum of the delays (docs/HTTP2.md): runs
# scripts/OkHttpNagle.java against the built-in server, OkHttp as shipped and with TCP_NODELAY, rounds alternating,
# and prints each side's pair p50 and the pairs the server saw overlap. Needs target/benchmarks.jar (mvn package).
# usage: scripts/okhttp-nagle.sh [ROUNDS]   (default 3)
set -euo pipefail
. "$(dirname "$0")/lib/common.sh" okhttp-nagle
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || fail "ROUNDS must be a positive whole number, got '$ROUNDS'"
need_jar
exec java -cp "$JAR" scripts/OkHttpNagle.java "$ROUNDS"

#!/usr/bin/env bash
# Why OkHttp's concurrent pair on one HTTP/2 connection takes the sum of the delays (docs/HTTP2.md): runs
# scripts/OkHttpNagle.java against the built-in server, OkHttp as shipped and with TCP_NODELAY, rounds alternating,
# and prints each side's pair p50 and the pairs the server saw overlap. Needs target/benchmarks.jar (mvn package).
# usage: scripts/okhttp-nagle.sh [ROUNDS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "okhttp-nagle: ROUNDS must be a positive whole number, got '$ROUNDS'" >&2; exit 2; }
[[ -f target/benchmarks.jar ]] || { echo "okhttp-nagle: target/benchmarks.jar is missing; run mvn package first" >&2; exit 2; }
exec java -cp target/benchmarks.jar scripts/OkHttpNagle.java "$ROUNDS"

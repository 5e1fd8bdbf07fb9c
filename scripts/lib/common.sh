# shellcheck shell=bash
# What the measurement scripts share: their errors, option parsing, input checks and the benchmark jar.
# Sourced with the script's name, which starts each of its error lines:
#   . "$(dirname "$0")/lib/common.sh" trace-overhead
# Bad input ends the script with one line on stderr and exit 2, before anything runs.

NAME=${1:?common.sh is sourced with the name of the script}

fail() { echo "$NAME: $*" >&2; exit 2; }

# need_value OPTION [VALUE]: the option's value is there and not empty
need_value() { [[ $# -ge 2 && -n "$2" ]] || fail "$1 needs a value (see the usage at the top of the script)"; }

# parse_options SPEC... -- ARGS...: sets one variable per option. SPEC is --name=VAR (an option with a value) or
# --name:VAR=VALUE (a switch that sets VAR to VALUE). An argument not in SPEC fails, naming the options there are.
parse_options() {
  local specs=() spec arg names=()
  while [[ $1 != -- ]]; do specs+=("$1"); shift; done
  shift
  for spec in "${specs[@]}"; do names+=("${spec%%[=:]*}"); done
  while [[ $# -gt 0 ]]; do
    arg=$1
    for spec in "${specs[@]}"; do
      if [[ $spec == "$arg="* ]]; then
        need_value "$@"
        printf -v "${spec#*=}" '%s' "$2"
        shift 2
        continue 2
      elif [[ $spec == "$arg:"* ]]; then
        spec=${spec#*:}
        printf -v "${spec%%=*}" '%s' "${spec#*=}"
        shift
        continue 2
      fi
    done
    local IFS=,
    fail "unknown argument: $arg (use${names[*]/#/ })" # the names joined by ", "
  done
}

# need_whole OPTION VALUE: a whole number of 1 or more
need_whole() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || fail "$1 $2: give a whole number of 1 or more"; }

# need_number OPTION VALUE HINT: a number such as 5 or 2.5, else HINT says what to give
need_number() { [[ "$2" =~ ^[0-9]+([.][0-9]+)?$ ]] || fail "$1 $2: $3"; }

# need_tools TOOL...: each is on the PATH (its Debian package bears its name)
need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || fail "missing $tool (Debian: apt-get install -y $tool)"
  done
}

JAR=target/benchmarks.jar

# build_jar: builds the benchmark jar when it is missing (run from the project folder)
build_jar() {
  if [[ ! -f $JAR ]]; then
    echo "building $JAR ..." >&2
    mvn -B -q package -DskipTests
  fi
}

# need_jar [FILE]: the benchmark jar is there; the scripts that take long do not build it on their own
need_jar() { [[ -f ${1:-$JAR} ]] || fail "${1:-$JAR} not found: run mvn package first"; }

# port_in_use PORT: something listens on the loopback port
port_in_use() { (: </dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# free_port: a loopback port nothing listens on, for a server that cannot report the one it was given
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" || { echo "$port"; return; }
  done
  fail "no free port found"
}

# wait_for_port PORT PID WHAT [LOG]: waits until process PID listens on PORT; fails (showing LOG) when it exits first
wait_for_port() {
  for _ in $(seq 300); do
    port_in_use "$1" && return
    kill -0 "$2" 2>/dev/null || { [[ -z "${4:-}" ]] || cat "$4" >&2; fail "$3 exited while starting"; }
    sleep 0.1
  done
  fail "$3 did not listen on port $1"
}

# stop_pid PID: ends a process the script started, if it still runs (empty PID: none was started)
stop_pid() {
  if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}

# run_logged ID COMMAND...: with DRY=1 prints the command; else runs it into $OUT/ID.log, and when it fails shows
# the end of that log and stops
run_logged() {
  local id=$1
  shift
  if ((${DRY:-0})); then
    echo "$*"
  else
    "$@" >"$OUT/$id.log" 2>&1 || { tail -20 "$OUT/$id.log" >&2; fail "run $id failed (its log above)"; }
  fi
}

# join A B C -> A,B,C
join() { local IFS=,; echo "$*"; }

# known_clients OPTION LIST: LIST (a,b) names clients RequestLatency has, or is empty for all of them; prints the
# clients, read from the benchmark itself, never from a list kept here
known_clients() {
  local all c list
  all=$(java -jar "$JAR" -lp 'RequestLatency\.request$' | sed -n 's/^ *param "client" = {\(.*\)}$/\1/p' | tr -d ' ')
  [[ -n "$all" ]] || fail "cannot read the client list from java -jar $JAR -lp"
  IFS=, read -r -a list <<<"${2:-$all}"
  for c in "${list[@]}"; do
    [[ ",$all," == *",$c,"* ]] || fail "$1: unknown client '$c': use some of $all"
  done
  echo "${2:-$all}"
}

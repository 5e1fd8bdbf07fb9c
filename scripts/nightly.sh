#!/usr/bin/env bash
# The nightly regression gate: builds two revisions' jars, runs them in rounds on this machine, the
# order alternating within rounds (ABBA: round 1 baseline then candidate, round 2 candidate then
# baseline, ...; each a whole run of the same subset with the same options: JMH cannot mix two jars
# in one run), leaves out the rounds a busy machine spoilt, compares the rest with
# `benchmarks.jar compare`, appends the night to the history and looks for change points in it.
#
# usage: scripts/nightly.sh [--baseline REV] [--candidate REV] [--runs N] [--out DIR]
#                           [--history FILE] [--anchor REV] [--alpha A] [--threshold T] [--gate-p99]
#                           [--candidate-opts "ARGS"] [--keep-busy] [--dry-run] [--bench ARGS...]
#        scripts/nightly.sh --accept REV --reason TEXT [--history FILE] [--dry-run]
#   --baseline REV   default: the candidate of the last PASS or ACCEPT line in the history file,
#                    else the candidate's parent (REV~1)
#   --candidate REV  default: HEAD (committed state: uncommitted changes are not built)
#   --runs N         rounds (default 10); with -f 1 that is N forks a side. A PASS needs at least
#                    8 rounds compared (netcalls.history.NightRules.MIN_ROUNDS)
#   --out DIR        default: results/nightly-<UTC yyyyMMdd-HHmmss>
#   --history FILE   default: $NETCALLS_NIGHTLY_HISTORY or results/nightly-history.jsonl
#   --anchor REV     a pinned revision: `history check` also compares each night with its values,
#                    which finds a slow creep (default: $NETCALLS_NIGHTLY_ANCHOR, else none)
#   --alpha, --threshold   passed to compare (its defaults otherwise)
#   --gate-p99       passed to compare: the p99 rows can fail the night too. Off by default: it
#                    doubles the gated family (20 rows), so one row alone then needs p <= 0.0025,
#                    below the floor 2^-8 = 0.0039 of a night that lost two rounds as busy
#   --candidate-opts "ARGS"  extra launcher options for the candidate runs only, to test the gate
#                    itself, e.g. "--server-delay-us 20" (an injected slowdown must exit 1)
#   --keep-busy      compare busy rounds too (still named in busy.txt and the history): for a
#                    machine that is always loaded; such a night never moves the baseline
#   --accept REV --reason TEXT  record an intended change in the history: REV becomes the next
#                    night's baseline; nothing is run
#   --dry-run        print the plan (revisions, commands) and stop: nothing is built or run
#   --bench ARGS...  everything after it goes to every run: benchmark regexps, -p, JMH options
#                    (default: the default subset below; -f 1 is added unless ARGS give -f). A night
#                    with --bench never moves the baseline
# env: MVN (default "mvn"), JAVA (default "java"), NETCALLS_INFLUX_URL (export both sides' runs
#      and, through compare, the comparison rows), NETCALLS_NIGHTLY_HISTORY, NETCALLS_NIGHTLY_ANCHOR.
#
# Writes DIR/: the run folders (<stamp>-baseline-<i>/, <stamp>-candidate-<i>/), logs/, plan.txt,
# rounds.tsv, busy.txt, compare.txt|md|json, history.txt; appends the night to the history file
# (`history record`; no ratchet: only PASS and ACCEPT move the baseline) and runs `history check`.
# Exit: 0 no regression, 1 a `slower` row or a new change point, 2 bad input or a failed build or run.
# The rules, CI's history cache, the budget (45-50 min) and why 10 rounds: docs/COMPARE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

MVN=${MVN:-mvn}
JAVA=${JAVA:-java}
BASELINE=""
CANDIDATE="HEAD"
RUNS=10
OUT=""
HISTORY=${NETCALLS_NIGHTLY_HISTORY:-results/nightly-history.jsonl}
ANCHOR=${NETCALLS_NIGHTLY_ANCHOR:-}
COMPARE_OPTS=()
CANDIDATE_OPTS=""
DRY_RUN=0
BENCH=()
ACCEPT=""
REASON=""
KEEP_BUSY=0
# compare pairs the ABBA rounds by itself; --gate names the family BH corrects over (the default
# subset's 10 rows); GATED_COMPARE=0 compares without it, every row gated.
GATED_COMPARE=${NETCALLS_NIGHTLY_GATED:-1}
GATE_REGEX='RequestLatency'

die() { echo "nightly: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see the usage at the top of $0)"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) need_value "$@"; BASELINE=$2; shift 2 ;;
    --candidate) need_value "$@"; CANDIDATE=$2; shift 2 ;;
    --runs) need_value "$@"; RUNS=$2; shift 2 ;;
    --out) need_value "$@"; OUT=$2; shift 2 ;;
    --history) need_value "$@"; HISTORY=$2; shift 2 ;;
    --anchor) need_value "$@"; ANCHOR=$2; shift 2 ;;
    --alpha|--threshold) need_value "$@"; COMPARE_OPTS+=("$1" "$2"); shift 2 ;;
    --gate-p99) COMPARE_OPTS+=("$1"); shift ;;
    --candidate-opts) need_value "$@"; CANDIDATE_OPTS=$2; shift 2 ;;
    --accept) need_value "$@"; ACCEPT=$2; shift 2 ;;
    --reason) need_value "$@"; REASON=$2; shift 2 ;;
    --keep-busy) KEEP_BUSY=1; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    --bench) shift; BENCH=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1: use --bench ARGS... (last) to pass benchmark regexps and JMH options" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs $RUNS: give a whole number of rounds >= 1"
[[ -z "$ACCEPT" || -n "$REASON" ]] || die "--accept $ACCEPT needs --reason TEXT: say why the change is intended"
[[ -n "$ACCEPT" || -z "$REASON" ]] || die "--reason goes with --accept REV"
FULL_SUBSET=1
# the default suite's RequestLatency rows over http: with every trial warmed until steady, these 10
# fit 10 rounds in the hour
[[ ${#BENCH[@]} -gt 0 ]] && FULL_SUBSET=0 || BENCH=(RequestLatency -p strategy=reuse,new_client -p scheme=http)
has_forks=0
for a in "${BENCH[@]}"; do [[ "$a" =~ ^-f[0-9]*$ ]] && has_forks=1; done
[[ $has_forks == 1 ]] || BENCH+=(-f 1)
read -r -a CAND_EXTRA <<< "$CANDIDATE_OPTS"
[[ $GATED_COMPARE == 0 ]] || COMPARE_OPTS+=(--gate "$GATE_REGEX")

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || die "$ROOT is not a git checkout: the nightly builds revisions from git"
resolve() { git rev-parse --verify --quiet "$1^{commit}" || die "$2 $1 is not a revision of this repository (a CI checkout needs fetch-depth: 0)"; }
CAND_SHA=$(resolve "$CANDIDATE" --candidate)
case "$HISTORY" in /*) ;; *) HISTORY="$ROOT/$HISTORY" ;; esac
DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# The candidate of the history's last line that moves the baseline (PASS or ACCEPT). Field names:
# netcalls.run.HistoryJson; a line it cannot read is skipped here and named by `history check`.
last_baseline() {
  [[ -f "$HISTORY" ]] || return 0
  python3 - "$HISTORY" <<'PY'
import json, sys
last = ""
for line in open(sys.argv[1], encoding="utf-8"):
    try:
        night = json.loads(line)
    except ValueError:
        continue
    if isinstance(night, dict) and night.get("verdict") in ("PASS", "ACCEPT"):
        last = night.get("candidate") or last
print(last)
PY
}

BASE_FROM="--baseline"
if [[ -z "$BASELINE" ]]; then
  last_pass=$(last_baseline)
  if [[ -n "$last_pass" ]] && git cat-file -e "$last_pass^{commit}" 2>/dev/null; then
    BASELINE=$last_pass
    BASE_FROM="last PASS or ACCEPT in $HISTORY"
  else
    [[ -z "$last_pass" ]] || echo "nightly: the last PASS or ACCEPT in $HISTORY ($last_pass) is not in this repository; using the parent" >&2
    BASELINE="$CAND_SHA~1"
    BASE_FROM="parent of the candidate (no PASS or ACCEPT in $HISTORY)"
  fi
fi
BASE_SHA=$(resolve "$BASELINE" --baseline)
[[ -z "$ANCHOR" ]] || ANCHOR=$(resolve "$ANCHOR" --anchor) # the history holds shas

if [[ -n "$ACCEPT" ]]; then # an intended change: one line in the history, nothing built or run
  ACCEPT_SHA=$(resolve "$ACCEPT" --accept)
  JAR=${NIGHTLY_JAR:-$ROOT/target/benchmarks.jar}
  cmd=("$JAVA" -jar "$JAR" history accept --history "$HISTORY" --date "$DATE" --baseline "$BASE_SHA"
    --candidate "$ACCEPT_SHA" --reason "$REASON")
  if [[ $DRY_RUN == 1 ]]; then
    echo "accept: $(printf '%q ' "${cmd[@]}")"
    exit 0
  fi
  [[ -f "$JAR" ]] || (cd "$ROOT" && $MVN -B -q package -DskipTests) || die "cannot build $JAR to write the history"
  mkdir -p "$(dirname "$HISTORY")"
  "${cmd[@]}" || die "the ACCEPT line was not written (see above)"
  exit 0
fi

STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT=${OUT:-results/nightly-$STAMP}
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
WORK=$(mktemp -d -t netcalls-nightly.XXXXXX)
BASE_JAR="$WORK/baseline/target/benchmarks.jar"
CAND_JAR="$WORK/candidate/target/benchmarks.jar"
[[ "$BASE_SHA" != "$CAND_SHA" ]] || BASE_JAR=$CAND_JAR # one build serves both sides

# shellcheck source=scripts/lib/nightly-plan.sh
. "$ROOT/scripts/lib/nightly-plan.sh" # run_cmd, order, side_list, check_cmd, plan
if [[ $DRY_RUN == 1 ]]; then
  plan
  rmdir "$WORK"
  exit 0
fi

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  local side
  for side in baseline candidate; do
    [[ ! -d "$WORK/$side" ]] || git worktree remove --force "$WORK/$side" >/dev/null 2>&1 || true
  done
  git worktree prune >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ ! -e "$OUT" ]] || die "$OUT already exists: choose another --out"
mkdir -p "$OUT/logs" "$(dirname "$HISTORY")"
plan | tee "$OUT/plan.txt"

build() { # side, sha
  echo "nightly: building $1 $2" >&2
  git worktree add --detach --quiet "$WORK/$1" "$2" || die "cannot check out $1 $2 into $WORK/$1"
  (cd "$WORK/$1" && $MVN -B -q package -DskipTests) > "$OUT/logs/build-$1.log" 2>&1 \
    || { tail -30 "$OUT/logs/build-$1.log" >&2; die "building the $1 ($2) failed: see $OUT/logs/build-$1.log"; }
  [[ -f "$WORK/$1/target/benchmarks.jar" ]] || die "building the $1 ($2) made no target/benchmarks.jar"
}
build candidate "$CAND_SHA"
[[ "$BASE_SHA" == "$CAND_SHA" ]] || build baseline "$BASE_SHA"

# shellcheck source=scripts/lib/timed-runs.sh
. "$ROOT/scripts/lib/timed-runs.sh"
echo "$ROUNDS_TSV_HEADER" > "$OUT/rounds.tsv"
for i in $(seq 1 "$RUNS"); do
  for side in $(order "$i"); do
    id=$(run_id "$side" "$i")
    echo "nightly: round $i/$RUNS, $side ($id)" >&2
    timed_run "$OUT/rounds.tsv" "$i" "$side" "$OUT/logs/$id.log" "$(run_cmd "$side" "$i")" \
      || { tail -30 "$OUT/logs/$id.log" >&2; die "run $id failed: see $OUT/logs/$id.log (nothing is compared)"; }
  done
done

# busy rounds (netcalls.history.NightRules.busy) are named and left out of the comparison
"$JAVA" -jar "$CAND_JAR" history busy "$OUT/rounds.tsv" > "$OUT/busy.txt" || die "cannot read $OUT/rounds.tsv (see above)"
BUSY=$(cut -f1 "$OUT/busy.txt" | paste -sd, -)
[[ -z "$BUSY" ]] || sed 's/^/nightly: busy round /' "$OUT/busy.txt" >&2
KEPT=()
for i in $(seq 1 "$RUNS"); do
  [[ $KEEP_BUSY == 0 ]] && grep -qx "$i" <<< "${BUSY//,/$'\n'}" || KEPT+=("$i")
done
[[ ${#KEPT[@]} -gt 0 ]] || die "every round was busy (see $OUT/busy.txt): nothing compared, nothing appended to $HISTORY"

BASE_LIST=$(side_list baseline "${KEPT[@]}")
CAND_LIST=$(side_list candidate "${KEPT[@]}")
compare() { # format; only the json pass sees NETCALLS_INFLUX_URL, so rows are written to InfluxDB once
  if [[ $1 == json ]]; then
    "$JAVA" -jar "$CAND_JAR" compare "$BASE_LIST" "$CAND_LIST" ${COMPARE_OPTS[@]+"${COMPARE_OPTS[@]}"} --format json
  else
    env -u NETCALLS_INFLUX_URL "$JAVA" -jar "$CAND_JAR" compare "$BASE_LIST" "$CAND_LIST" \
      ${COMPARE_OPTS[@]+"${COMPARE_OPTS[@]}"} --format "$1"
  fi
}
set +e
compare json > "$OUT/compare.json" 2> "$OUT/logs/compare.err"
EXIT=$?
set -e
cat "$OUT/logs/compare.err" >&2
if [[ $EXIT -ge 2 ]]; then
  die "compare refused the runs (exit $EXIT): see above and $OUT/logs/compare.err"
fi
# md and text exit like json (1 on a regression); their errors, if any, are in the logs
compare md > "$OUT/compare.md" 2> "$OUT/logs/compare-md.err" || true
compare text > "$OUT/compare.txt" 2> "$OUT/logs/compare-text.err" || true
cat "$OUT/compare.txt"

# the night in the history: its rows' per-round values and whether it moves the baseline
record=("$JAVA" -jar "$CAND_JAR" history record --history "$HISTORY" --date "$DATE" --baseline "$BASE_SHA"
  --candidate "$CAND_SHA" --compare "$OUT/compare.json" --compare-exit "$EXIT"
  --baseline-runs "$BASE_LIST" --candidate-runs "$CAND_LIST")
[[ -z "$BUSY" ]] || record+=(--busy "$BUSY")
[[ $FULL_SUBSET == 0 || $KEEP_BUSY == 1 ]] || record+=(--full-subset)
VERDICT=$("${record[@]}") || die "the night was not appended to $HISTORY (see above)"
echo "nightly: $VERDICT (appended to $HISTORY)" >&2

# change points over the whole history; a new one fails the night like a slower row
set +e
eval "$(check_cmd)" > "$OUT/history.txt" 2> "$OUT/logs/history.err"
CHECK=$?
set -e
cat "$OUT/history.txt" "$OUT/logs/history.err"
if [[ $CHECK == 1 && $EXIT == 0 ]]; then EXIT=1; fi
if [[ $CHECK -ge 2 ]]; then
  echo "nightly: history check could not read all of $HISTORY (see above)" >&2
  [[ $EXIT != 0 ]] || EXIT=2
fi

if [[ -n "${NETCALLS_INFLUX_URL:-}" ]]; then
  for side in baseline candidate; do
    for i in $(seq 1 "$RUNS"); do
      id=$(run_id "$side" "$i")
      if ! "$JAVA" -jar "$CAND_JAR" export "$OUT/$id" --influx "$NETCALLS_INFLUX_URL" > "$OUT/logs/export-$id.log" 2>&1; then
        tail -5 "$OUT/logs/export-$id.log" >&2
        echo "nightly: exporting $id to InfluxDB failed (the verdict stands; see $OUT/logs/export-$id.log)" >&2
        [[ $EXIT != 0 ]] || EXIT=2
      fi
    done
  done
fi

case $EXIT in
  0) echo "nightly: no regression ($CAND_SHA against $BASE_SHA): $VERDICT; results in $OUT" >&2 ;;
  1) echo "nightly: REGRESSION: a row is slower or the history has a new change point; see $OUT/compare.md and $OUT/history.txt" >&2 ;;
esac
exit "$EXIT"

#!/usr/bin/env bash
# The nightly regression gate: builds two revisions' jars, runs them interleaved run by run on this
# machine (baseline, candidate, baseline, candidate, ...: each a whole run of the same subset with
# the same options; JMH cannot mix two jars in one run), then compares all baseline forks against
# all candidate forks with `benchmarks.jar compare`.
#
# usage: scripts/nightly.sh [--baseline REV] [--candidate REV] [--runs N] [--out DIR]
#                           [--history FILE] [--alpha A] [--threshold T] [--candidate-opts "ARGS"]
#                           [--dry-run] [--bench ARGS...]
#   --baseline REV   default: the candidate of the last PASS line in the history file, else the
#                    candidate's parent (REV~1)
#   --candidate REV  default: HEAD (committed state: uncommitted changes are not built)
#   --runs N         rounds of baseline-then-candidate (default 7); with -f 1 that is N forks a side
#   --out DIR        default: results/nightly-<UTC yyyyMMdd-HHmmss>
#   --history FILE   default: $NETCALLS_NIGHTLY_HISTORY or results/nightly-history.tsv
#   --alpha, --threshold   passed to compare (its defaults otherwise)
#   --candidate-opts "ARGS"  extra launcher options for the candidate runs only, to test the gate
#                    itself, e.g. "--server-delay-us 2000" (an injected slowdown must exit 1)
#   --dry-run        print the plan (revisions, commands) and stop: nothing is built or run
#   --bench ARGS...  everything after it goes to every run: benchmark regexps, -p, JMH options
#                    (default: RequestLatency -p strategy=reuse,new_client, the default suite's rows;
#                    -f 1 is added unless ARGS give -f)
# env: MVN (default "mvn"), JAVA (default "java"), NETCALLS_INFLUX_URL (export both sides' runs
#      and, through compare, the comparison rows), NETCALLS_NIGHTLY_HISTORY.
#
# Writes DIR/: <stamp>-baseline-<i>/ and <stamp>-candidate-<i>/ (run folders; the stamp keeps run
# ids unique in InfluxDB across nights), logs/, plan.txt, compare.txt, compare.md, compare.json.
# Appends to the history file one TSV line per compared row:
#   date  baseline-sha  candidate-sha  benchmark  params  change-%  p-adjusted  verdict
# and, when no row is slower, a line "date  baseline-sha  candidate-sha  PASS" that makes the
# candidate the next night's default baseline.
# Exit: 0 no regression, 1 at least one `slower` row, 2 bad input or a failed build or run.
#
# Where the history lives between nightly runs: a CI runner starts empty, so
# .github/workflows/nightly.yml restores the history file from the Actions cache before this
# script and saves it after (also when the job fails); with no history the baseline is REV~1.
#
# Budget (default subset, 2 cores): RequestLatency is 36 trials (5 clients x 4 strategies, less the
# 2 a client cannot do, x 2 schemes); with the benchmarks' own iterations (2 x 500 ms warmup,
# 3 x 500 ms measurement) a trial takes about 5.3 s with its fork's start, so one run is about
# 3.2 min and 7 rounds x 2 sides about 45 min, plus two `mvn package -DskipTests` (2-4 min each
# with a warm Maven cache): about 52 minutes, under the 60 the nightly may take. Why 7 rounds, not
# 5: compare corrects for ~36 rows at once (false-discovery rate), and an exact Mann-Whitney test
# of 5 forks against 5 cannot go below p = 0.0079, which is not enough for one row alone to stand
# out among 36 (it needs p < 0.05 / 36); 7 against 7 reaches 0.0006.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

MVN=${MVN:-mvn}
JAVA=${JAVA:-java}
BASELINE=""
CANDIDATE="HEAD"
RUNS=7
OUT=""
HISTORY=${NETCALLS_NIGHTLY_HISTORY:-results/nightly-history.tsv}
COMPARE_OPTS=()
CANDIDATE_OPTS=""
DRY_RUN=0
BENCH=()

die() { echo "nightly: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see the usage at the top of $0)"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) need_value "$@"; BASELINE=$2; shift 2 ;;
    --candidate) need_value "$@"; CANDIDATE=$2; shift 2 ;;
    --runs) need_value "$@"; RUNS=$2; shift 2 ;;
    --out) need_value "$@"; OUT=$2; shift 2 ;;
    --history) need_value "$@"; HISTORY=$2; shift 2 ;;
    --alpha|--threshold) need_value "$@"; COMPARE_OPTS+=("$1" "$2"); shift 2 ;;
    --candidate-opts) need_value "$@"; CANDIDATE_OPTS=$2; shift 2 ;;
    --dry-run) DRY_RUN=1; shift ;;
    --bench) shift; BENCH=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1: use --bench ARGS... (last) to pass benchmark regexps and JMH options" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs $RUNS: give a whole number of rounds >= 1"
# the default suite's RequestLatency rows: with every trial warmed until steady (up to 10 s each), the full
# matrix of 36 trials would take 14 x 6 min; these 20 fit the hour
[[ ${#BENCH[@]} -gt 0 ]] || BENCH=(RequestLatency -p strategy=reuse,new_client)
has_forks=0
for a in "${BENCH[@]}"; do [[ "$a" =~ ^-f[0-9]*$ ]] && has_forks=1; done
[[ $has_forks == 1 ]] || BENCH+=(-f 1)
read -r -a CAND_EXTRA <<< "$CANDIDATE_OPTS"

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || die "$ROOT is not a git checkout: the nightly builds revisions from git"
resolve() { git rev-parse --verify --quiet "$1^{commit}" || die "$2 $1 is not a revision of this repository (a CI checkout needs fetch-depth: 0)"; }
CAND_SHA=$(resolve "$CANDIDATE" --candidate)

BASE_FROM="--baseline"
if [[ -z "$BASELINE" ]]; then
  last_pass=""
  if [[ -f "$HISTORY" ]]; then
    last_pass=$(awk -F'\t' '$4 == "PASS" { c = $3 } END { print c }' "$HISTORY")
  fi
  if [[ -n "$last_pass" ]] && git cat-file -e "$last_pass^{commit}" 2>/dev/null; then
    BASELINE=$last_pass
    BASE_FROM="last PASS in $HISTORY"
  else
    [[ -z "$last_pass" ]] || echo "nightly: the last PASS in $HISTORY ($last_pass) is not in this repository; using the parent" >&2
    BASELINE="$CAND_SHA~1"
    BASE_FROM="parent of the candidate (no PASS in $HISTORY)"
  fi
fi
BASE_SHA=$(resolve "$BASELINE" --baseline)

STAMP=$(date -u +%Y%m%d-%H%M%S)
DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
OUT=${OUT:-results/nightly-$STAMP}
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
case "$HISTORY" in /*) ;; *) HISTORY="$ROOT/$HISTORY" ;; esac
WORK=$(mktemp -d -t netcalls-nightly.XXXXXX)
BASE_JAR="$WORK/baseline/target/benchmarks.jar"
CAND_JAR="$WORK/candidate/target/benchmarks.jar"
[[ "$BASE_SHA" != "$CAND_SHA" ]] || BASE_JAR=$CAND_JAR # one build serves both sides

run_id() { echo "$STAMP-$1-$2"; }
run_cmd() { # side, round: the launcher command of one run
  local jar=$BASE_JAR extra=()
  if [[ $1 == candidate ]]; then jar=$CAND_JAR; extra=("${CAND_EXTRA[@]}"); fi
  local cmd
  cmd=$(printf '%q ' "$JAVA" -jar "$jar" --results "$OUT" --run-id "$(run_id "$1" "$2")" --no-export \
    ${extra[@]+"${extra[@]}"} "${BENCH[@]}")
  echo "${cmd% }"
}
side_list() { # comma-separated run folders of one side, for compare
  local i list=""
  for i in $(seq 1 "$RUNS"); do list+="${list:+,}$OUT/$(run_id "$1" "$i")"; done
  echo "$list"
}
subject() { git log -1 --format='%h %s' "$1"; }

plan() {
  echo "nightly plan ($DATE)"
  echo "baseline  $BASE_SHA  $(subject "$BASE_SHA")  [from $BASE_FROM]"
  echo "candidate $CAND_SHA  $(subject "$CAND_SHA")"
  [[ "$BASE_SHA" != "$CAND_SHA" ]] || echo "note: baseline and candidate are the same revision: an A/A comparison"
  if [[ "$CANDIDATE" == HEAD && -n "$(git status --porcelain --untracked-files=no)" ]]; then
    echo "note: uncommitted changes are not part of the candidate (it is built from the commit)"
  fi
  echo "out       $OUT"
  echo "history   $HISTORY"
  echo "build candidate: git worktree add --detach $WORK/candidate $CAND_SHA && (cd $WORK/candidate && $MVN -B -q package -DskipTests)"
  [[ "$BASE_SHA" == "$CAND_SHA" ]] ||
    echo "build baseline:  git worktree add --detach $WORK/baseline $BASE_SHA && (cd $WORK/baseline && $MVN -B -q package -DskipTests)"
  local i n=0
  for i in $(seq 1 "$RUNS"); do
    for side in baseline candidate; do
      n=$((n + 1))
      echo "run $n/$((2 * RUNS)) $side $i: $(run_cmd "$side" "$i")"
    done
  done
  echo "compare: $JAVA -jar $CAND_JAR compare $(side_list baseline) $(side_list candidate)" \
    ${COMPARE_OPTS[@]+"${COMPARE_OPTS[@]}"} "--format text|md|json"
  if [[ -n "${NETCALLS_INFLUX_URL:-}" ]]; then
    echo "export: $JAVA -jar $CAND_JAR export RUN_DIR --influx \$NETCALLS_INFLUX_URL, for each of the $((2 * RUNS)) runs"
  fi
}

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

for i in $(seq 1 "$RUNS"); do
  for side in baseline candidate; do
    id=$(run_id "$side" "$i")
    echo "nightly: round $i/$RUNS, $side ($id)" >&2
    cmd=$(run_cmd "$side" "$i")
    eval "$cmd" > "$OUT/logs/$id.log" 2>&1 \
      || { tail -30 "$OUT/logs/$id.log" >&2; die "run $id failed: see $OUT/logs/$id.log (nothing is compared)"; }
  done
done

BASE_LIST=$(side_list baseline)
CAND_LIST=$(side_list candidate)
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

# One history line per row, and PASS when nothing is slower. The rows' verdicts must agree with
# compare's exit code: a crash that exits 1 is not a regression.
python3 - "$OUT/compare.json" "$DATE" "$BASE_SHA" "$CAND_SHA" "$EXIT" > "$WORK/history.add" <<'PY' \
  || die "cannot read $OUT/compare.json (see above): nothing appended to $HISTORY"
import json, sys
path, date, base, cand, exit_code = sys.argv[1:]
try:
    rows = json.load(open(path))["rows"]
except (OSError, ValueError, KeyError, TypeError) as e:
    sys.exit(f"nightly: {path}: no 'rows' array ({e})")
slower = sum(1 for row in rows if row.get("verdict") == "slower")
if (slower > 0) != (exit_code == "1"):
    sys.exit(f"nightly: compare exited {exit_code} but {path} has {slower} slower rows")

def text(v):  # a TSV cell: params as k=v,k=v; null (a row on one side only) as empty
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, dict):
        return ",".join(f"{k}={v[k]}" for k in sorted(v))
    return str(v).replace("\t", " ").replace("\n", " ")

# change: the candidate's change in % ; p: the FDR-adjusted p-value the verdict used
for row in rows:
    print("\t".join(text(x) for x in (date, base, cand, row.get("benchmark"), row.get("params"),
        row.get("changePercent"), row.get("pAdjusted"), row.get("verdict"))))
if exit_code == "0":
    print("\t".join((date, base, cand, "PASS")))
PY
cat "$WORK/history.add" >> "$HISTORY"
echo "nightly: $(wc -l < "$WORK/history.add") lines appended to $HISTORY" >&2

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
  0) echo "nightly: PASS ($CAND_SHA against $BASE_SHA); results in $OUT" >&2 ;;
  1) echo "nightly: REGRESSION: at least one row is slower; see $OUT/compare.md" >&2 ;;
esac
exit "$EXIT"

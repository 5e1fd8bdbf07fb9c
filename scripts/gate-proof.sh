#!/usr/bin/env bash
# Records the gate's proof at the nightly's configuration, a round at a time, into a compact file
# that can be committed (issue 22 item 6): each round (ABBA, the nightly's subset and options) one
# JSON line with every row's two p50s, the machine's CPU ticks (idle, steal, total) and each run's
# own CPU time, whether the round was busy (netcalls.history.NightRules, via `history busy`), the
# date and the commit. Resumable: it numbers rounds after those already in the file, `--rounds N`
# adds N more, and SIGTERM (or SIGINT between runs) stops it after the round under way; a round
# whose run failed or was cut is not written. Field names: scripts/gate-sim.py (record), which
# also reads the file back: `python3 scripts/gate-sim.py proof FILE` prints the false alarms and
# the power with Clopper-Pearson bounds (direct nights, and resampled ones labelled simulation).
#
# usage: scripts/gate-proof.sh [--rounds N] [--file FILE] [--inject PCT --row K=V,K=V [--delay-us US]] [--aa-file F]
#                              [--dry-run] [--bench ARGS...]
#   --rounds N        rounds to add (default 1)
#   --file FILE       default: docs/proof/aa-rounds.jsonl (A/A), docs/proof/injected-rounds.jsonl (--inject)
#   --inject PCT      the candidate's built-in server answers that row PCT % of its p50 later (the
#                     median baseline p50 of the A/A rounds in docs/proof/aa-rounds.jsonl; exact busy
#                     wait below 1 ms): --server-delay-us with --server-delay-only ROW
#   --row K=V,K=V     the row slowed (e.g. client=okhttp,strategy=reuse); --delay-us US overrides the delay
#   --aa-file FILE    the A/A rounds that size the injection (default docs/proof/aa-rounds.jsonl)
#   --dry-run         print the plan and the time it will take, run nothing
#   --bench ARGS...   the subset and JMH options, last (default: the nightly's, RequestLatency
#                     -p strategy=reuse,new_client -p scheme=http -f 1)
# env: JAVA (default "java"). Uses target/benchmarks.jar (built if missing). Never part of the test
# run: a round is two runs of the subset, about 4 minutes on 2 cores (see --dry-run's estimate).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

JAVA=${JAVA:-java}
ROUNDS=1
FILE=""
INJECT=""
ROW=""
DELAY_US=""
DRY_RUN=0
BENCH=(RequestLatency -p strategy=reuse,new_client -p scheme=http -f 1)
AA_FILE=docs/proof/aa-rounds.jsonl
SIM=(python3 "$ROOT/scripts/gate-sim.py")

die() { echo "gate-proof: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see the usage at the top of $0)"; }
whole() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 $2: give a whole number above 0"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) need_value "$@"; whole "$1" "$2"; ROUNDS=$2; shift 2 ;;
    --file) need_value "$@"; FILE=$2; shift 2 ;;
    --inject) need_value "$@"; whole "$1" "$2"; INJECT=$2; shift 2 ;;
    --row) need_value "$@"; ROW=$2; shift 2 ;;
    --delay-us) need_value "$@"; whole "$1" "$2"; DELAY_US=$2; shift 2 ;;
    --aa-file) need_value "$@"; AA_FILE=$2; shift 2 ;;
    --dry-run) DRY_RUN=1; shift ;;
    --bench) shift; [[ $# -gt 0 ]] || die "--bench needs the benchmark and its options"; BENCH=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see the usage at the top of $0)" ;;
  esac
done
if [[ -n "$INJECT" ]]; then
  [[ "$ROW" =~ ^[^=,]+=[^,]+(,[^=,]+=[^,]+)*$ ]] || die "--inject needs --row k=v,k=v (e.g. client=okhttp,strategy=reuse)"
  KIND=inj
  FILE=${FILE:-docs/proof/injected-rounds.jsonl}
else
  [[ -z "$ROW" && -z "$DELAY_US" ]] || die "--row and --delay-us go with --inject PCT"
  KIND=aa
  FILE=${FILE:-$AA_FILE}
fi
case "$FILE" in /*) ;; *) FILE="$ROOT/$FILE" ;; esac
case "$AA_FILE" in /*) ;; *) AA_FILE="$ROOT/$AA_FILE" ;; esac
JAR=$ROOT/target/benchmarks.jar
WORK=$ROOT/results/gate-proof
COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)
# the proof files themselves change with every round: they make no commit dirty
[[ -z "$(git status --porcelain --untracked-files=no -- . ':(exclude)docs/proof' 2>/dev/null)" ]] || COMMIT="$COMMIT-dirty"

DONE=$("${SIM[@]}" count "$FILE" --kind "$KIND" --row "$ROW" --pct "${INJECT:-0}") || die "cannot read $FILE (see above)"
if [[ $KIND == inj && -z "$DELAY_US" ]]; then
  p50=$("${SIM[@]}" p50 "$AA_FILE" --row "$ROW") || die "cannot read $AA_FILE (see above)"
  [[ -n "$p50" ]] || die "no A/A round of $ROW in $AA_FILE to size the injection: record A/A rounds first, or give --delay-us"
  DELAY_US=$(python3 -c "print(max(1, round($p50 * $INJECT / 100)))")
fi
RUN_S=$("${SIM[@]}" run-seconds "$FILE" "$AA_FILE") # the file's own median run, else the nightly's measured

order() { if (( $1 % 2 )); then echo baseline candidate; else echo candidate baseline; fi; } # ABBA, as the nightly
run_cmd() { # run id, side
  local delay=()
  [[ $2 == baseline || -z "$INJECT" ]] || delay=(--server-delay-us "$DELAY_US" --server-delay-only "$ROW")
  printf '%q ' "$JAVA" -Djmh.ignoreLock=true -jar "$JAR" --results "$WORK" --run-id "$1" --no-export \
    ${delay[@]+"${delay[@]}"} "${BENCH[@]}"
}
run_id() { echo "$KIND${INJECT}-$(date -u +%Y%m%d)-r$1-$2"; }

echo "gate-proof: $FILE has $DONE $KIND round(s)${INJECT:+ of +$INJECT % on $ROW ($DELAY_US us)}; adding rounds $((DONE + 1))-$((DONE + ROUNDS)) of ${BENCH[*]}"
echo "gate-proof: one round is two runs of about $RUN_S s: about $(( (2 * RUN_S * ROUNDS + 59) / 60 )) min for $ROUNDS round(s)"
if [[ $DRY_RUN == 1 ]]; then
  for i in $(seq $((DONE + 1)) $((DONE + ROUNDS))); do
    for side in $(order "$i"); do echo "round $i $side: $(run_cmd "$(run_id "$i" "$side")" "$side")"; done
  done
  echo "record: ${SIM[*]} record $FILE --round <i> --kind $KIND ..."
  exit 0
fi

[[ -f "$JAR" ]] || { echo "gate-proof: building target/benchmarks.jar ..." >&2; mvn -B -q package -DskipTests; }
mkdir -p "$WORK/logs" "$(dirname "$FILE")"
STOP=0
trap 'STOP=1; echo "gate-proof: stopping after this round" >&2' TERM INT
# shellcheck source=scripts/lib/timed-runs.sh
. "$ROOT/scripts/lib/timed-runs.sh"
for i in $(seq $((DONE + 1)) $((DONE + ROUNDS))); do
  [[ $STOP == 0 ]] || break
  tsv=$WORK/logs/round-$KIND$INJECT-$i.tsv
  echo "$ROUNDS_TSV_HEADER" > "$tsv"
  dirs=()
  for side in $(order "$i"); do
    id=$(run_id "$i" "$side")
    if ! timed_run "$tsv" "$i" "$side" "$WORK/logs/$id.log" "$(run_cmd "$id" "$side")"; then
      [[ $STOP == 1 ]] && { echo "gate-proof: stopped; round $i not recorded" >&2; exit 0; }
      tail -20 "$WORK/logs/$id.log" >&2; die "run $id failed: see $WORK/logs/$id.log (round $i not recorded)"
    fi
    "$JAVA" -jar "$JAR" spread --json "$WORK/$id" > "$WORK/logs/$id.spread.json" || die "spread of $id failed"
    dirs+=("$side=$WORK/logs/$id.spread.json")
  done
  busy=$("$JAVA" -jar "$JAR" history busy "$tsv" | cut -f2- | paste -sd';' -) || die "cannot read $tsv"
  "${SIM[@]}" record "$FILE" --round "$i" --kind "$KIND" --row "$ROW" --pct "${INJECT:-0}" --delay-us "${DELAY_US:-0}" \
    --date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --commit "$COMMIT" --bench "${BENCH[*]}" --machine "$tsv" \
    --busy "$busy" "${dirs[@]}" || die "round $i was not appended to $FILE (see above)"
  echo "gate-proof: round $i recorded${busy:+ (busy: $busy)}" >&2
done

#!/usr/bin/env bash
# Does the nightly gate work, at the nightly's own subset, rounds and analysis? Four parts, one report:
#  1. A/A rounds: R rounds (ABBA) of the subset with the same jar on both sides, recorded once.
#     Cut into nights of the nightly's rounds, each compared as the nightly does: a `slower` row is a
#     false alarm (direct A/A nights).
#  2. Injected nights: for each row given and each size (5, 10, 25 % of that row's p50, measured in
#     part 1), one night whose candidate runs the built-in server with that service delay more for
#     that row alone (--server-delay-us with --server-delay-only; an exact busy wait below 1 ms):
#     compare must call that row slower, one row among the whole gated family.
#  3. Simulation (labelled so in the report), from part 1's per-round values: resampled A/A nights
#     (false-alarm rate with its Clopper-Pearson bound), one row at a time slowed by 5/10/25 % (its
#     candidate values scaled), each night judged by an exact one-sided sign-flip test per row on
#     the rounds' log-ratios and Benjamini-Hochberg over the gated rows (the nightly's design).
#  4. Creep (simulation): 10 flat nights then 1 % a night for 10, built from part 1's rounds, written
#     as a history file and read by `history check --anchor`: the first night it names, and its
#     commit range.
#
# usage: scripts/gate-check.sh [--rounds N] [--aa-rounds R] [--injections "5 10 25"]
#                              [--inject-rows "K=V,K=V ..."] [--sim-nights S] [--out DIR]
#                              [--gate-p99] [--dry-run] [--bench ARGS...]
#   --rounds N         rounds per night (default 10, the nightly's)
#   --aa-rounds R      A/A rounds recorded in part 1 (default 20: two direct A/A nights)
#   --injections LIST  slowdowns in % of the reuse rows' p50 (default "5 10 25")
#   --inject-rows LIST rows slowed one at a time in part 2, each as -p pairs (default
#                      "client=okhttp,strategy=reuse client=jdk,strategy=reuse")
#   --sim-nights S     resampled nights per case in part 3 (default 1000)
#   --out DIR          default: results/gate-check-<UTC yyyyMMdd-HHmmss>
#   --gate-p99         compare gates the p99 rows too (as nightly.sh --gate-p99)
#   --dry-run          print the plan (every run and step) and stop
#   --bench ARGS...    the subset and JMH options, last (default: the nightly's, RequestLatency
#                      -p strategy=reuse,new_client -p scheme=http -f 1)
# env: JAVA (default "java"); compare options in GATE_COMPARE_OPTS (e.g. "--gate RequestLatency").
#
# Duration (2 cores): a run of the default subset is about 1.5 min, so part 1 is 2 R runs (60 min
# at R = 20) and part 2 is 2 N runs per row and size (30 min each at N = 10): about 4 hours with
# the defaults; parts 3 and 4 take a minute. Never part of the test run. Run it in the background:
#   nohup scripts/gate-check.sh > gate-check.log 2>&1 &   tail -f gate-check.log
# Uses the built target/benchmarks.jar (built if missing). Writes DIR/: the run folders, logs/,
# rounds.tsv (each run's steady p50 per row), aa-nights.tsv, injected.tsv, simulation.md,
# creep-history.jsonl, creep.txt, gate-check.md. Exit: 0 when no direct A/A night raised a false
# alarm and the largest injection was detected, 1 otherwise, 2 on bad input or a failed run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

JAVA=${JAVA:-java}
ROUNDS=10
AA_ROUNDS=20
INJECTIONS="5 10 25"
INJECT_ROWS="client=okhttp,strategy=reuse client=jdk,strategy=reuse"
SIM_NIGHTS=1000
OUT=""
DRY_RUN=0
BENCH=(RequestLatency -p strategy=reuse,new_client -p scheme=http -f 1)
read -r -a COMPARE_OPTS <<< "${GATE_COMPARE_OPTS:-}"

die() { echo "gate-check: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see the usage at the top of $0)"; }
whole() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 $2: give a whole number"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) need_value "$@"; whole "$1" "$2"; ROUNDS=$2; shift 2 ;;
    --aa-rounds) need_value "$@"; whole "$1" "$2"; AA_ROUNDS=$2; shift 2 ;;
    --injections) need_value "$@"; INJECTIONS=$2; shift 2 ;;
    --inject-rows) need_value "$@"; INJECT_ROWS=$2; shift 2 ;;
    --sim-nights) need_value "$@"; whole "$1" "$2"; SIM_NIGHTS=$2; shift 2 ;;
    --out) need_value "$@"; OUT=$2; shift 2 ;;
    --gate-p99) COMPARE_OPTS+=(--gate-p99); shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    --bench) shift; [[ $# -gt 0 ]] || die "--bench needs the benchmark and its options"; BENCH=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see the usage at the top of $0)" ;;
  esac
done
(( ROUNDS >= 2 )) || die "--rounds $ROUNDS: give at least 2"
(( AA_ROUNDS >= ROUNDS )) || die "--aa-rounds $AA_ROUNDS: give at least --rounds ($ROUNDS), one A/A night"
(( SIM_NIGHTS >= 1 )) || die "--sim-nights $SIM_NIGHTS: give at least 1"
[[ -n "${INJECTIONS// /}" ]] || die "--injections is empty: give sizes in %, e.g. \"5 10 25\""
for row in $INJECT_ROWS; do
  [[ "$row" =~ ^[^=,]+=[^,]+(,[^=,]+=[^,]+)*$ ]] || die "--inject-rows: $row is not k=v,k=v (e.g. client=okhttp,strategy=reuse)"
done
for n in $INJECTIONS; do whole "--injections" "$n"; (( n > 0 )) || die "--injections: $n is no slowdown; give sizes > 0 %"; done

JAR=$ROOT/target/benchmarks.jar
STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT=${OUT:-results/gate-check-$STAMP}
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac

order() { if (( $1 % 2 )); then echo base cand; else echo cand base; fi; } # ABBA, as the nightly
run_cmd() { # run id, server delay in us, the row it is for
  local delay=()
  [[ "$2" == 0 ]] || delay=(--server-delay-us "$2" --server-delay-only "$3")
  printf '%q ' "$JAVA" -Djmh.ignoreLock=true -jar "$JAR" --results "$OUT" --run-id "$1" --no-export \
    ${delay[@]+"${delay[@]}"} "${BENCH[@]}"
}
list() { # prefix, side, first round, last round: comma-separated run folders
  local i l=""
  for i in $(seq "$3" "$4"); do l+="${l:+,}$OUT/$1-$2-$i"; done
  echo "$l"
}

if [[ $DRY_RUN == 1 ]]; then
  echo "gate-check plan: ${BENCH[*]}; $ROUNDS rounds a night; out $OUT"
  for i in $(seq 1 "$AA_ROUNDS"); do
    for side in $(order "$i"); do echo "aa round $i $side: $(run_cmd "aa-$side-$i" 0)"; done
  done
  for k in $(seq 1 $((AA_ROUNDS / ROUNDS))); do
    echo "aa night $k: $JAVA -jar $JAR compare $(list aa base $(( (k - 1) * ROUNDS + 1 )) $((k * ROUNDS))) $(list aa cand $(( (k - 1) * ROUNDS + 1 )) $((k * ROUNDS))) ${COMPARE_OPTS[*]:-}"
  done
  r=0
  for row in $INJECT_ROWS; do
    r=$((r + 1))
    for pct in $INJECTIONS; do
      for i in $(seq 1 "$ROUNDS"); do
        for side in $(order "$i"); do
          echo "inj$pct-r$r round $i $side: $(run_cmd "inj$pct-r$r-$side-$i" "$([[ $side == cand ]] && echo "<$pct%-of-its-p50>" || echo 0)" "$row")"
        done
      done
    done
  done
  echo "simulation: $SIM_NIGHTS resampled nights per case from $OUT/rounds.tsv (A/A; one row at a time +${INJECTIONS// / +} %)"
  echo "creep: $JAVA -jar $JAR history check $OUT/creep-history.jsonl --anchor <night 1's sha>"
  exit 0
fi

if [[ ! -f "$JAR" ]]; then
  echo "gate-check: building target/benchmarks.jar ..." >&2
  mvn -B -q package -DskipTests
fi
[[ ! -e "$OUT" ]] || die "$OUT already exists: choose another --out"
mkdir -p "$OUT/logs"
START=$(date +%s)
log() { echo "$(date -u +%H:%M:%S) gate-check: $*" >&2; }
printf 'prefix\tround\tside\trow\tvalue\tunit\n' > "$OUT/rounds.tsv"

run() { # run id, delay us, prefix, round, side[, row the delay is for]: one run and its per-row steady p50 in rounds.tsv
  eval "$(run_cmd "$1" "$2" "${6:-}")" > "$OUT/logs/$1.log" 2>&1 || { tail -20 "$OUT/logs/$1.log" >&2; die "run $1 failed: see $OUT/logs/$1.log"; }
  "$JAVA" -jar "$JAR" spread --json "$OUT/$1" > "$OUT/logs/$1.spread.json" || die "spread of $1 failed"
  python3 - "$OUT/logs/$1.spread.json" "$3" "$4" "$5" >> "$OUT/rounds.tsv" <<'PY'
import json, math, sys
path, prefix, rnd, side = sys.argv[1:]
for line in open(path):
    row = json.loads(line)
    if isinstance(row.get("median"), (int, float)) and math.isfinite(row["median"]):
        print("\t".join([prefix, rnd, side, row["label"], repr(row["median"]), row["unit"]]))
PY
}

compare_night() { # prefix, first round, last round: compare's exit (1 = a slower row)
  local code
  set +e
  "$JAVA" -jar "$JAR" compare "$(list "$1" base "$2" "$3")" "$(list "$1" cand "$2" "$3")" ${COMPARE_OPTS[@]+"${COMPARE_OPTS[@]}"} \
    --format json > "$OUT/$1-$2-$3.compare.json" 2> "$OUT/logs/$1-$2-$3.compare.err"
  code=$?
  set -e
  (( code <= 1 )) || { cat "$OUT/logs/$1-$2-$3.compare.err" >&2; die "compare refused $1 rounds $2-$3 (exit $code)"; }
  echo "$code"
}

log "part 1: $AA_ROUNDS A/A rounds of ${BENCH[*]}"
for i in $(seq 1 "$AA_ROUNDS"); do
  for side in $(order "$i"); do run "aa-$side-$i" 0 aa "$i" "$side"; done
  log "A/A round $i done, $(( ($(date +%s) - START) / 60 )) min so far"
done
printf 'night\trounds\tcompare_exit\n' > "$OUT/aa-nights.tsv"
for k in $(seq 1 $((AA_ROUNDS / ROUNDS))); do
  first=$(( (k - 1) * ROUNDS + 1 )); last=$((k * ROUNDS))
  printf '%s\t%s-%s\t%s\n' "$k" "$first" "$last" "$(compare_night aa "$first" "$last")" >> "$OUT/aa-nights.tsv"
done

p50_us() { # k=v,k=v: the median over part 1's baseline rounds of the row with all these parameters, in us
  python3 - "$OUT/rounds.tsv" "$1" <<'PY'
import csv, statistics, sys
path, row = sys.argv[1:]
want = row.split(",")
scale = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3}
values = [float(r["value"]) * scale[r["unit"]] for r in csv.DictReader(open(path), delimiter="\t")
          if r["prefix"] == "aa" and r["side"] == "base" and all(p in r["row"].replace(" ", ",").split(",") for p in want)]
print(statistics.median(values) if values else "")
PY
}
printf 'row\tsize_pct\tdelay_us\tcompare_exit\tslower_rows\tthat_row_slower\n' > "$OUT/injected.tsv"
r=0
for row in $INJECT_ROWS; do
  r=$((r + 1))
  p50=$(p50_us "$row")
  [[ -n "$p50" ]] || die "no steady row with $row in part 1: see $OUT/rounds.tsv"
  log "part 2: $row, p50 $p50 us"
  for pct in $INJECTIONS; do
    delay=$(python3 -c "print(max(1, round($p50 * $pct / 100)))")
    for i in $(seq 1 "$ROUNDS"); do
      for side in $(order "$i"); do
        run "inj$pct-r$r-$side-$i" "$([[ $side == cand ]] && echo "$delay" || echo 0)" "inj$pct-r$r" "$i" "$side" "$row"
      done
    done
    code=$(compare_night "inj$pct-r$r" 1 "$ROUNDS")
    read -r slower mine < <(python3 - "$OUT/inj$pct-r$r-1-$ROUNDS.compare.json" "$row" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["rows"]
want = sys.argv[2].split(",")
def params(r):
    p = r.get("params") or {}
    return [f"{k}={v}" for k, v in p.items()] if isinstance(p, dict) else str(p).replace(" ", ",").split(",")
slower = [r for r in rows if r.get("verdict") == "slower" and r.get("gated", True)]  # informational rows never fail
print(len(slower), int(any(all(w in params(r) for w in want) for r in slower)))
PY
)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$row" "$pct" "$delay" "$code" "$slower" "$mine" >> "$OUT/injected.tsv"
    log "injected $pct % into $row ($delay us): compare exit $code, $slower rows slower (that row: $mine)"
  done
done

log "parts 3 and 4: simulation from the recorded rounds"
python3 "$ROOT/scripts/gate-sim.py" "$OUT/rounds.tsv" --rounds "$ROUNDS" --nights "$SIM_NIGHTS" \
  --injections "$INJECTIONS" --creep-history "$OUT/creep-history.jsonl" > "$OUT/simulation.md" \
  || die "the simulation failed (see above)"
set +e
"$JAVA" -jar "$JAR" history check "$OUT/creep-history.jsonl" --anchor "$(python3 "$ROOT/scripts/gate-sim.py" --sha 1)" > "$OUT/creep.txt" 2>&1
set -e

MINUTES=$(( ($(date +%s) - START + 59) / 60 ))
{
  echo "Gate check: ${BENCH[*]}, $ROUNDS rounds a night (ABBA), $(nproc) cores, $MINUTES min, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "Direct A/A nights (compare exit 1 = false alarm):"; echo; sed 's/^/    /' "$OUT/aa-nights.tsv"; echo
  echo "Direct injected nights (one row of the candidate slowed; that_row_slower 1 = detected):"; echo; sed 's/^/    /' "$OUT/injected.tsv"; echo
  cat "$OUT/simulation.md"; echo
  echo "Creep (simulation) through history check:"; echo; sed 's/^/    /' "$OUT/creep.txt"
} > "$OUT/gate-check.md"
cat "$OUT/gate-check.md"
log "done in $MINUTES min; report in $OUT/gate-check.md"

largest=$(tr ' ' '\n' <<< "$INJECTIONS" | sort -n | tail -1)
false_alarms=$(awk -F'\t' 'NR > 1 && $3 == 1' "$OUT/aa-nights.tsv" | wc -l)
missed=$(awk -F'\t' -v k="$largest" 'NR > 1 && $2 == k && $6 != 1' "$OUT/injected.tsv" | wc -l)
(( false_alarms == 0 && missed == 0 ))

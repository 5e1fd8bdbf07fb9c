#!/usr/bin/env bash
# Does the regression gate work? Repeats, on one small subset, K A/A pairs (the same jar and options
# on both sides: any `slower` verdict is a false alarm) and, for each injection size N, K pairs whose
# candidate runs the built-in server with a service delay of N us more than the baseline (launcher
# option --server-delay-us): a `slower` verdict is a detection. Prints the false-alarm count and the
# detection rate per injection as a markdown table, with the shift the injection really caused
# (p50 candidate - baseline, from JMH's results): a delay on an event-loop timer also adds the
# loop's wake-up, so check that column before quoting a size.
#
# usage: scripts/gate-check.sh [--pairs K] [--injections "50 20 10 5"] [--forks 5]
#                              [--base-delay-us B] [--out DIR] [--bench ARGS...]
#   --pairs K          pairs per kind (default 10)
#   --injections LIST  candidate service delays in us above the baseline's (default "50 20 10 5")
#   --forks F          JMH forks per run, the replicates compare counts (default 5)
#   --base-delay-us B  service delay of both sides (default 0). With B > 0 both sides pay the
#                      event loop's timer wake-up, so an injection adds only its own N us
#   --out DIR          default: results/gate-check-<UTC yyyyMMdd-HHmmss>
#   --bench ARGS...    the subset and JMH options, last (default: RequestLatency -p client=okhttp
#                      -p strategy=reuse -p scheme=http, at the benchmarks' own warm-up until steady and 30
#                      measured iterations: fewer iterations leave forks unclassified, which compare never gates)
# env: JAVA (default "java"); compare options in GATE_COMPARE_OPTS (e.g. "--threshold 5%").
#
# Within a pair, baseline and candidate alternate fork by fork, as the nightly does: F rounds of one
# -f 1 run a side (the order flips every round), then compare pools each side's F runs. Whole -f 5
# runs one after the other were tried first: the A/A pairs then raised false alarms (+12 % in the
# first pair), because a shared machine drifts by more than that between two 30 s runs.
# Duration: a -f 1 run of the default subset is about 8-15 s on 2 cores (launcher and fork start,
# warm-up until steady, 3 s measurement), a pair of 2 x 5 runs about 2 min; the defaults make
# 10 A/A + 4 x 10 injected = 50 pairs: about 100 minutes. Never part of the test run. Run it in the
# background and follow its log:
#   nohup scripts/gate-check.sh > gate-check.log 2>&1 &   tail -f gate-check.log
# Pairs of all kinds are interleaved too (A/A, 50, 20, ... then again), so drift hits all alike.
# Uses the built target/benchmarks.jar (built if missing). Exit: 0 when no A/A pair raised a false
# alarm and every pair of the largest injection was detected, 1 otherwise, 2 on bad input or a
# failed run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

JAVA=${JAVA:-java}
PAIRS=10
INJECTIONS="50 20 10 5"
FORKS=5
BASE_DELAY=0
OUT=""
BENCH=(RequestLatency -p client=okhttp -p strategy=reuse -p scheme=http)
read -r -a COMPARE_OPTS <<< "${GATE_COMPARE_OPTS:-}"

die() { echo "gate-check: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see the usage at the top of $0)"; }
whole() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 $2: give a whole number"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --pairs) need_value "$@"; whole "$1" "$2"; PAIRS=$2; shift 2 ;;
    --injections) need_value "$@"; INJECTIONS=$2; shift 2 ;;
    --forks) need_value "$@"; whole "$1" "$2"; FORKS=$2; shift 2 ;;
    --base-delay-us) need_value "$@"; whole "$1" "$2"; BASE_DELAY=$2; shift 2 ;;
    --out) need_value "$@"; OUT=$2; shift 2 ;;
    --bench) shift; [[ $# -gt 0 ]] || die "--bench needs the benchmark and its options"; BENCH=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see the usage at the top of $0)" ;;
  esac
done
(( PAIRS >= 1 )) || die "--pairs $PAIRS: give at least 1"
(( FORKS >= 1 )) || die "--forks $FORKS: give at least 1"
for n in $INJECTIONS; do whole "--injections" "$n"; (( n > 0 )) || die "--injections: $n is no slowdown; give sizes > 0 us"; done
[[ -n "${INJECTIONS// /}" ]] || die "--injections is empty: give sizes in us, e.g. \"50 20\""

JAR=$ROOT/target/benchmarks.jar
if [[ ! -f "$JAR" ]]; then
  echo "gate-check: building target/benchmarks.jar ..." >&2
  mvn -B -q package -DskipTests
fi
"$JAVA" -jar "$JAR" --server-delay-us 1000 -l > /dev/null 2>&1 \
  || die "$JAR does not take --server-delay-us: rebuild it from a revision that has the option"

STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT=${OUT:-results/gate-check-$STAMP}
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
[[ ! -e "$OUT" ]] || die "$OUT already exists: choose another --out"
mkdir -p "$OUT/logs"
PAIRS_TSV=$OUT/pairs.tsv
printf 'pair\tkind\tinjection_us\tcompare_exit\tverdicts\tbase_p50_us\tcand_p50_us\n' > "$PAIRS_TSV"
START=$(date +%s)
log() { echo "$(date -u +%H:%M:%S) gate-check: $*" >&2; }

run() { # run id, server delay in us: one fork
  local delay=()
  (( $2 == 0 )) || delay=(--server-delay-us "$2")
  "$JAVA" -jar "$JAR" --results "$OUT" --run-id "$1" --no-export ${delay[@]+"${delay[@]}"} \
    -f 1 "${BENCH[@]}" > "$OUT/logs/$1.log" 2>&1 \
    || { tail -20 "$OUT/logs/$1.log" >&2; die "run $1 failed: see $OUT/logs/$1.log"; }
}

pair() { # index, kind label, injection in us
  local id="p$1-$2" code r bases=() cands=()
  # one fork a run, baseline and candidate alternating fork by fork (the order flips every round),
  # so the drift of a shared machine over the pair's minute hits both sides alike
  for r in $(seq 1 "$FORKS"); do
    if (( (r + $1) % 2 )); then
      run "$id-base-$r" "$BASE_DELAY"; run "$id-cand-$r" $((BASE_DELAY + $3))
    else
      run "$id-cand-$r" $((BASE_DELAY + $3)); run "$id-base-$r" "$BASE_DELAY"
    fi
    bases+=("$OUT/$id-base-$r"); cands+=("$OUT/$id-cand-$r")
  done
  set +e
  "$JAVA" -jar "$JAR" compare "$(IFS=,; echo "${bases[*]}")" "$(IFS=,; echo "${cands[*]}")" ${COMPARE_OPTS[@]+"${COMPARE_OPTS[@]}"} \
    --format json > "$OUT/$id.compare.json" 2> "$OUT/logs/$id.compare.err"
  code=$?
  set -e
  (( code <= 1 )) || { cat "$OUT/logs/$id.compare.err" >&2; die "compare refused pair $id (exit $code)"; }
  python3 - "$OUT" "$id" "$2" "$3" "$code" "$FORKS" >> "$PAIRS_TSV" <<'PY' || die "pair $id: cannot read its compare.json or jmh.json"
import json, statistics, sys
out, pid, kind, inj, code, forks = sys.argv[1:]
rows = json.load(open(f"{out}/{pid}.compare.json"))["rows"]
verdicts = ",".join(str(r.get("verdict")) for r in rows)
def p50(side):  # median over the side's forks of JMH's p50, first result of the subset, in us/op
    values = []
    for f in range(1, int(forks) + 1):
        r = json.load(open(f"{out}/{pid}-{side}-{f}/jmh.json"))[0]["primaryMetric"]
        scale = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3, "s/op": 1e6}.get(r["scoreUnit"], float("nan"))
        values.append(r["scorePercentiles"]["50.0"] * scale)
    return statistics.median(values)
print("\t".join([pid, kind, inj, code, verdicts, f"{p50('base'):.2f}", f"{p50('cand'):.2f}"]))
PY
  log "pair $id: compare exit $code ($(tail -1 "$PAIRS_TSV" | cut -f5)), $(( ($(date +%s) - START) / 60 )) min so far"
}

log "jar $JAR, built $(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ); checkout $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
log "subset: -f $FORKS ${BENCH[*]}; base delay $BASE_DELAY us; injections $INJECTIONS us; $PAIRS pairs each; out $OUT"
for k in $(seq 1 "$PAIRS"); do
  pair "$k" aa 0
  for n in $INJECTIONS; do
    pair "$k" "inj$n" "$n"
  done
done

MINUTES=$(( ($(date +%s) - START + 59) / 60 ))
python3 - "$PAIRS_TSV" "$INJECTIONS" "$FORKS" "$BASE_DELAY" "$MINUTES" "${BENCH[*]}" "$(nproc)" > "$OUT/gate-check.md" <<'PY'
import csv, statistics, sys
path, injections, forks, base, minutes, bench, cores = sys.argv[1:]
rows = list(csv.DictReader(open(path), delimiter="\t"))
def kind(k): return [r for r in rows if r["kind"] == k]
def slower(r): return r["compare_exit"] == "1"
def shift(rs): return statistics.median(float(r["cand_p50_us"]) - float(r["base_p50_us"]) for r in rs)
def base_p50(rs): return statistics.median(float(r["base_p50_us"]) for r in rs)
print(f"Gate check: {bench}, -f {forks}, base service delay {base} us, {cores} cores, {minutes} min")
print()
# noisy: compare could not judge (forks scatter too much); not an alarm, but not a pass it earned either
def noisy(rs): return sum(1 for r in rs if "noisy" in r["verdicts"])
print("| pairs | candidate's extra service delay | slower verdicts | rate | noisy | median p50 shift (us) | median baseline p50 (us) |")
print("|---|---:|---:|---|---:|---:|---:|")
aa = kind("aa")
faster = sum(1 for r in aa if "faster" in r["verdicts"])
print(f"| A/A | 0 us | {sum(map(slower, aa))} / {len(aa)} | false alarms (and {faster} `faster`) |"
      f" {noisy(aa)} | {shift(aa):+.1f} | {base_p50(aa):.1f} |")
for n in injections.split():
    rs = kind(f"inj{n}")
    hits = sum(map(slower, rs))
    print(f"| injected | {n} us | {hits} / {len(rs)} | detection {100 * hits / len(rs):.0f} % |"
          f" {noisy(rs)} | {shift(rs):+.1f} | {base_p50(rs):.1f} |")
PY
cat "$OUT/gate-check.md"
log "done in $MINUTES min; per-pair verdicts in $PAIRS_TSV, table in $OUT/gate-check.md"

# the targets: no false alarm in the A/A pairs, every pair of the largest injection detected
largest=$(tr ' ' '\n' <<< "$INJECTIONS" | sort -n | tail -1)
false_alarms=$(awk -F'\t' '$2 == "aa" && $4 == 1' "$PAIRS_TSV" | wc -l)
missed=$(awk -F'\t' -v k="inj$largest" '$2 == k && $4 != 1' "$PAIRS_TSV" | wc -l)
(( false_alarms == 0 && missed == 0 ))

# Sourced by scripts/nightly.sh: the commands of a night and its plan (printed by --dry-run and into
# DIR/plan.txt), from the variables nightly.sh sets (revisions, jars, rounds, options).

run_id() { echo "$STAMP-$1-$2"; }
run_cmd() { # side, round: the launcher command of one run
  local jar=$BASE_JAR extra=()
  if [[ $1 == candidate ]]; then jar=$CAND_JAR; extra=("${CAND_EXTRA[@]}"); fi
  local cmd
  cmd=$(printf '%q ' "$JAVA" -jar "$jar" --results "$OUT" --run-id "$(run_id "$1" "$2")" --no-export \
    ${extra[@]+"${extra[@]}"} "${BENCH[@]}")
  echo "${cmd% }"
}
order() { # round: its two sides in run order, ABBA, so drift within a round hits both sides alike
  if (( $1 % 2 )); then echo baseline candidate; else echo candidate baseline; fi
}
side_list() { # side, rounds...: comma-separated run folders of one side, for compare
  local side=$1 i list=""
  shift
  for i in "$@"; do list+="${list:+,}$OUT/$(run_id "$side" "$i")"; done
  echo "$list"
}
subject() { git log -1 --format='%h %s' "$1"; }
check_cmd() {
  local cmd=("$JAVA" -jar "$CAND_JAR" history check "$HISTORY")
  [[ -z "$ANCHOR" ]] || cmd+=(--anchor "$ANCHOR")
  printf '%q ' "${cmd[@]}"
}

plan() {
  echo "nightly plan ($DATE)"
  echo "baseline  $BASE_SHA  $(subject "$BASE_SHA")  [from $BASE_FROM]"
  echo "candidate $CAND_SHA  $(subject "$CAND_SHA")"
  [[ "$BASE_SHA" != "$CAND_SHA" ]] || echo "note: baseline and candidate are the same revision: an A/A comparison"
  if [[ "$CANDIDATE" == HEAD && -n "$(git status --porcelain --untracked-files=no)" ]]; then
    echo "note: uncommitted changes are not part of the candidate (it is built from the commit)"
  fi
  if [[ $FULL_SUBSET == 0 ]]; then
    echo "note: a subset given with --bench: this night never moves the baseline"
  fi
  if [[ $KEEP_BUSY == 1 ]]; then
    echo "note: --keep-busy: busy rounds are compared too, so this night never moves the baseline"
  fi
  echo "out       $OUT"
  echo "history   $HISTORY"
  echo "build candidate: git worktree add --detach $WORK/candidate $CAND_SHA && (cd $WORK/candidate && $MVN -B -q package -DskipTests)"
  [[ "$BASE_SHA" == "$CAND_SHA" ]] ||
    echo "build baseline:  git worktree add --detach $WORK/baseline $BASE_SHA && (cd $WORK/baseline && $MVN -B -q package -DskipTests)"
  local i n=0 side
  for i in $(seq 1 "$RUNS"); do
    for side in $(order "$i"); do
      n=$((n + 1))
      echo "run $n/$((2 * RUNS)) $side $i: $(run_cmd "$side" "$i")"
    done
  done
  echo "busy: $JAVA -jar $CAND_JAR history busy $OUT/rounds.tsv (rounds it names are left out)"
  local all
  all=$(seq 1 "$RUNS")
  # shellcheck disable=SC2086 # the round numbers, one word each
  echo "compare: $JAVA -jar $CAND_JAR compare $(side_list baseline $all) $(side_list candidate $all)" \
    ${COMPARE_OPTS[@]+"${COMPARE_OPTS[@]}"} "--format text|md|json"
  echo "record: $JAVA -jar $CAND_JAR history record --history $HISTORY$([[ $FULL_SUBSET == 1 && $KEEP_BUSY == 0 ]] && echo " --full-subset") ..."
  echo "check: $(check_cmd)"
  if [[ -n "${NETCALLS_INFLUX_URL:-}" ]]; then
    echo "export: $JAVA -jar $CAND_JAR export RUN_DIR --influx \$NETCALLS_INFLUX_URL, for each of the $((2 * RUNS)) runs"
  fi
}

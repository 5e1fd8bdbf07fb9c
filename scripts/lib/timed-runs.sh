# Sourced by scripts/nightly.sh and scripts/gate-proof.sh: one run timed, with what the machine did
# during it, as a line of rounds.tsv, which `benchmarks.jar history busy` reads (the busy rule:
# netcalls.history.NightRules).

ROUNDS_TSV_HEADER=$'round\tside\tidle_ticks\tsteal_ticks\ttotal_ticks\town_cpu_ms\twall_ms\tcores'

cpu_ticks() { # idle (with iowait), steal and total jiffies of all CPUs so far (/proc/stat's cpu line)
  awk '$1 == "cpu" { t = 0; for (i = 2; i <= 9; i++) t += $i; print $5 + $6, $9, t; exit }' /proc/stat 2>/dev/null \
    || echo "0 0 0"
}

# timed_run TSV ROUND SIDE LOG CMD: runs the command line CMD, its output in LOG, and appends its line
# to TSV: the machine's CPU ticks across the run and the run's own CPU time (bash's time: the launcher
# and its forks), so that the run's own load never makes its round busy. Returns CMD's exit.
timed_run() {
  local tsv=$1 round=$2 side=$3 log=$4 cmd=$5 rc=0 idle0 steal0 total0 idle1 steal1 total1 wall user sys
  local TIMEFORMAT='%3R %3U %3S'
  read -r idle0 steal0 total0 <<< "$(cpu_ticks)"
  { time eval "$cmd" > "$log" 2>&1; } 2> "$log.time" || rc=$?
  [[ $rc == 0 ]] || return "$rc"
  read -r idle1 steal1 total1 <<< "$(cpu_ticks)"
  read -r wall user sys < "$log.time"
  awk -v r="$round" -v s="$side" -v i=$((idle1 - idle0)) -v st=$((steal1 - steal0)) -v t=$((total1 - total0)) \
    -v u="$user" -v y="$sys" -v w="$wall" -v c="$(nproc)" \
    'BEGIN { printf "%s\t%s\t%s\t%s\t%s\t%.0f\t%.0f\t%s\n", r, s, i, st, t, 1000 * (u + y), 1000 * w, c }' >> "$tsv"
}

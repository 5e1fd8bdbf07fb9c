#!/usr/bin/env python3
"""Parts 3 and 4 of scripts/gate-check.sh, and the proof files of scripts/gate-proof.sh (subcommands
proof, record, count, p50, run-seconds; `gate-sim.py proof --help`). Parts 3 and 4: a simulation from recorded A/A rounds (rounds.tsv: prefix,
round, side, row, value, unit; the "aa" rounds are used). Every figure it prints is a simulation,
and says so.

Resampled nights: `--rounds` of the recorded rounds drawn without replacement (seed 1; a round drawn
twice would count as two independent pairs and inflate the false alarms), each row
judged as the nightly's design judges it: per round the log-ratio candidate/baseline, an exact
one-sided sign-flip test (all 2^n sign patterns), Benjamini-Hochberg over the rows at --alpha,
and the estimated change (exp of the mean log-ratio) at least --threshold. A/A nights give the
false-alarm rate with its 95 % Clopper-Pearson upper bound; one row's candidate values scaled by
1 + s/100 give that row's detection rate for each size s.

--creep-history FILE writes a history (field names: netcalls.run.HistoryJson) of 20 nights built
from resampled rounds: nights 1-10 flat, then each night's candidate 1 % slower than the night
before, for `benchmarks.jar history check FILE --anchor SHA` (SHA: --sha 1).
"""
import argparse
import csv
import itertools
import json
import math
import random
import statistics
import sys

np = None  # numpy when the sign flips are many (imported on first use: it takes most of a small command's time)


def numpy():
    global np
    if np is None:
        try:
            import numpy
            np = numpy
        except ImportError:  # the same p from plain loops, only slower
            np = False
    return np

SEED = 1


def sha(night):
    return f"{0x5eed000 + night:07x}" + "0" * 33


def read_rounds(path):
    by_round = {}
    for r in csv.DictReader(open(path), delimiter="\t"):
        if r["prefix"] == "aa":
            by_round.setdefault(int(r["round"]), {}).setdefault(r["row"], {})[r["side"]] = float(r["value"])
    rounds = []
    for i in sorted(by_round):
        rows = {row: (v["base"], v["cand"]) for row, v in by_round[i].items() if "base" in v and "cand" in v}
        rounds.append(rows)
    rows = sorted(set.intersection(*(set(r) for r in rounds))) if rounds else []
    return rounds, rows


SIGNS = {}


def sign_flip_p(d):
    """One-sided exact p of sum(d) > 0 under random signs: every one of the 2^n patterns."""
    n = len(d)
    observed = sum(d) - 1e-12
    if not numpy():
        hits = sum(1 for signs in itertools.product((1, -1), repeat=n) if sum(s * x for s, x in zip(signs, d)) >= observed)
        return hits / 2 ** n
    if n not in SIGNS:
        SIGNS[n] = np.array(list(itertools.product((1, -1), repeat=n)), dtype=float)
    return float(np.count_nonzero(SIGNS[n] @ np.asarray(d) >= observed)) / 2 ** n


def bh(ps, alpha):
    """Benjamini-Hochberg: the indices rejected at level alpha."""
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    k = 0
    for rank, i in enumerate(order, 1):
        if ps[i] <= alpha * rank / len(ps):
            k = rank
    return set(order[:k])


def slower_rows(night, rows, alpha, threshold, scale=None):
    ps, changes = [], []
    for row in rows:
        d = []
        for r in night:
            base, cand = r[row]
            if scale and scale[0] == row:
                cand *= scale[1]
            d.append(math.log(cand / base))
        ps.append(sign_flip_p(d))
        changes.append(math.exp(sum(d) / len(d)) - 1)
    return {rows[i] for i in bh(ps, alpha) if changes[i] >= threshold}


def clopper_pearson_upper(k, n, level=0.95):
    """Upper bound of a binomial rate with k of n, by bisection on the binomial CDF."""
    if k >= n:
        return 1.0
    lo, hi = k / n, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        cdf = sum(math.comb(n, i) * mid ** i * (1 - mid) ** (n - i) for i in range(k + 1))
        lo, hi = (mid, hi) if cdf > 1 - level else (lo, mid)
    return hi


def clopper_pearson_lower(k, n, level=0.95):
    """Lower bound of a binomial rate with k of n (one-sided): the p at which k or more has chance 1 - level."""
    if k <= 0:
        return 0.0
    lo, hi = 0.0, k / n
    for _ in range(60):
        mid = (lo + hi) / 2
        tail = sum(math.comb(n, i) * mid ** i * (1 - mid) ** (n - i) for i in range(k, n + 1))
        lo, hi = (mid, hi) if tail < 1 - level else (lo, mid)
    return lo


# The proof file (scripts/gate-proof.sh): one JSON line a round; its field names are spelt here only.
F_ROUND, F_KIND, F_INJECTED, F_ROW, F_PCT, F_DELAY = "round", "kind", "injected", "row", "pct", "delayUs"
F_DATE, F_COMMIT, F_BENCH, F_BUSY, F_MACHINE, F_ROWS, F_UNIT = "date", "commit", "bench", "busy", "machine", "rows", "unit"
SIDES = ("baseline", "candidate")
MACHINE_FIELDS = ("idleTicks", "stealTicks", "totalTicks", "ownCpuMs", "wallMs", "cores")
NIGHTLY_RUN_S = 115  # a run of the nightly's subset: 108-123 s measured (docs/COMPARE.md, 2026-12-03)


def read_proof(path):
    """The file's rounds, in order; a line that is no round stops with its line number."""
    out = []
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        return out
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            r[F_ROUND], r[F_KIND], r[F_ROWS]  # every round has them
        except (ValueError, KeyError, TypeError) as e:
            sys.exit(f"gate-sim: {path} line {n}: not a round ({e}); fix or delete the line")
        out.append(r)
    return out


def same_kind(r, kind, row, pct):
    inj = r.get(F_INJECTED) or {}
    return r[F_KIND] == kind and (kind == "aa" or (inj.get(F_ROW) == row and inj.get(F_PCT) == pct))


def has_params(label, row):
    return all(p in label.replace(" ", ",").split(",") for p in row.split(","))


def as_pairs(rounds):
    """Rounds not busy, as read_rounds gives them: per round, row -> (baseline p50, candidate p50)."""
    kept = [{row: (v[SIDES[0]], v[SIDES[1]]) for row, v in r[F_ROWS].items()} for r in rounds if not r.get(F_BUSY)]
    rows = sorted(set.intersection(*(set(r) for r in kept))) if kept else []
    return kept, rows


def proof_cmd(argv):
    a = argparse.ArgumentParser(prog="gate-sim.py proof", description="false alarms and power from gate-proof.sh's files")
    a.add_argument("aa_file")
    a.add_argument("--injected", help="the rounds recorded with --inject (docs/proof/injected-rounds.jsonl)")
    a.add_argument("--rounds", type=int, default=10, help="rounds a night (the nightly's 10)")
    a.add_argument("--nights", type=int, default=1000, help="resampled nights per case")
    a.add_argument("--injections", default="5 10 25")
    a.add_argument("--alpha", type=float, default=0.05)
    a.add_argument("--threshold", type=float, default=0.05, help="smallest change that counts (the nightly's 5 %%)")
    o = a.parse_args(argv)
    all_aa = [r for r in read_proof(o.aa_file) if r[F_KIND] == "aa"]
    rounds, rows = as_pairs(all_aa)
    busy = len(all_aa) - len(rounds)
    print(f"{o.aa_file}: {len(all_aa)} A/A rounds, {busy} busy (left out), {len(rows)} rows;"
          f" nights of {o.rounds} rounds, BH at {o.alpha} over the rows, threshold {100 * o.threshold:g} %")
    direct = [rounds[i:i + o.rounds] for i in range(0, len(rounds) - o.rounds + 1, o.rounds)]
    if direct:
        k = sum(1 for n in direct if slower_rows(n, rows, o.alpha, o.threshold))
        print(f"Direct A/A: {k} of {len(direct)} nights (disjoint recorded rounds) with a false alarm,"
              f" 95 % Clopper-Pearson upper bound {100 * clopper_pearson_upper(k, len(direct)):.1f} %")
    else:
        print(f"Direct A/A: fewer than {o.rounds} rounds that were not busy: no night yet")
    if len(rounds) >= o.rounds:
        rng = random.Random(SEED)
        nights = [rng.sample(rounds, o.rounds) for _ in range(o.nights)]
        k = sum(1 for n in nights if slower_rows(n, rows, o.alpha, o.threshold))
        print(f"Simulation (resampled from {len(rounds)} recorded A/A rounds, seed {SEED}; not independent nights):"
              f" {k} of {o.nights} nights with a false alarm, 95 % Clopper-Pearson upper bound"
              f" {100 * clopper_pearson_upper(k, o.nights):.1f} %")
        sizes = [int(s) for s in o.injections.split()]
        print("Simulation, one row's candidate scaled at a time (detected in % of resampled nights):")
        print("| row | " + " | ".join(f"+{s} %" for s in sizes) + " |")
        print("|---|" + "---:|" * len(sizes))
        for row in rows:
            hits = [sum(1 for n in nights if row in slower_rows(n, rows, o.alpha, o.threshold, (row, 1 + s / 100)))
                    for s in sizes]
            print(f"| {row} | " + " | ".join(f"{100 * h / o.nights:.0f} %" for h in hits) + " |")
    if o.injected:
        injected = read_proof(o.injected)
        cases = sorted({((r.get(F_INJECTED) or {}).get(F_ROW), (r.get(F_INJECTED) or {}).get(F_PCT))
                        for r in injected if r[F_KIND] == "inj"}, key=lambda c: (str(c[0]), c[1] or 0))
        for row, pct in cases:
            case, case_rows = as_pairs([r for r in injected if same_kind(r, "inj", row, pct)])
            target = [x for x in case_rows if has_params(x, row)]
            nights = [case[i:i + o.rounds] for i in range(0, len(case) - o.rounds + 1, o.rounds)]
            if not target or not nights:
                print(f"Direct injected +{pct} % on {row}: {len(case)} rounds not busy, no night of {o.rounds} yet")
                continue
            k = sum(1 for n in nights if target[0] in slower_rows(n, case_rows, o.alpha, o.threshold))
            print(f"Direct injected +{pct} % on {row}: detected in {k} of {len(nights)} nights,"
                  f" 95 % Clopper-Pearson lower bound {100 * clopper_pearson_lower(k, len(nights)):.1f} %")


def record_cmd(argv):
    a = argparse.ArgumentParser(prog="gate-sim.py record", description="append one round to a proof file")
    a.add_argument("file")
    a.add_argument("spreads", nargs=2, help="baseline=SPREAD_JSON candidate=SPREAD_JSON (spread --json of each run)")
    for f in ("--kind", "--row", "--date", "--commit", "--bench", "--machine", "--busy"):
        a.add_argument(f, default="")
    a.add_argument("--round", type=int, required=True)
    a.add_argument("--pct", type=int, default=0)
    a.add_argument("--delay-us", type=int, default=0)
    o = a.parse_args(argv)
    values = {}
    for spec in o.spreads:
        side, _, path = spec.partition("=")
        if side not in SIDES:
            sys.exit(f"gate-sim: {spec}: give baseline=FILE and candidate=FILE")
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if isinstance(r.get("median"), (int, float)) and math.isfinite(r["median"]):
                values.setdefault(r["label"], {F_UNIT: r["unit"]})[side] = r["median"]
    machine = {}
    for r in csv.DictReader(open(o.machine), delimiter="\t"):
        machine[r["side"]] = dict(zip(MACHINE_FIELDS, (int(r[c]) for c in (
            "idle_ticks", "steal_ticks", "total_ticks", "own_cpu_ms", "wall_ms", "cores"))))
    line = {F_ROUND: o.round, F_KIND: o.kind,
            F_INJECTED: {F_ROW: o.row, F_PCT: o.pct, F_DELAY: o.delay_us} if o.kind == "inj" else None,
            F_DATE: o.date, F_COMMIT: o.commit, F_BENCH: o.bench, F_BUSY: o.busy or None, F_MACHINE: machine,
            F_ROWS: {k: v for k, v in sorted(values.items()) if all(s in v for s in SIDES)}}
    with open(o.file, "a", encoding="utf-8") as out:
        out.write(json.dumps(line, separators=(",", ":")) + "\n")


def small_cmd(cmd, argv):
    """count (rounds of a kind), p50 (a row's median A/A baseline p50 in us), run-seconds (a run's median wall)."""
    a = argparse.ArgumentParser(prog="gate-sim.py " + cmd)
    a.add_argument("files", nargs="+")
    a.add_argument("--kind", default="aa")
    a.add_argument("--row", default="")
    a.add_argument("--pct", type=int, default=0)
    o = a.parse_args(argv)
    rounds = [r for f in o.files for r in read_proof(f)]
    if cmd == "count":
        print(sum(1 for r in rounds if same_kind(r, o.kind, o.row, o.pct)))
    elif cmd == "p50":
        scale = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3}
        v = [x[SIDES[0]] * scale[x[F_UNIT]] for r in rounds if r[F_KIND] == "aa"
             for label, x in r[F_ROWS].items() if has_params(label, o.row)]
        print(statistics.median(v) if v else "")
    else:
        walls = [m["wallMs"] / 1000 for r in rounds for m in (r.get(F_MACHINE) or {}).values() if "wallMs" in m]
        print(round(statistics.median(walls)) if walls else NIGHTLY_RUN_S)


def creep_history(path, rounds, rows, unit, n_rounds, rng):
    def factor(j):  # night j (1-based): flat for 10 nights, then 1 % a night
        return 1.01 ** max(0, j - 10)
    with open(path, "w") as out:
        for j in range(1, 21):
            night = rng.sample(rounds, n_rounds)
            values = {row: {"unit": unit,
                            "baseline": [round(r[row][0] * factor(j - 1), 4) for r in night],
                            "candidate": [round(r[row][1] * factor(j), 4) for r in night]} for row in rows}
            out.write(json.dumps({"date": f"sim-night-{j:02d}", "baseline": sha(max(1, j - 1)), "candidate": sha(j),
                                  "verdict": "PASS", "reason": "simulation from recorded A/A rounds",
                                  "rows": values}) + "\n")


def main():
    if len(sys.argv) > 1 and sys.argv[1] in ("proof", "record", "count", "p50", "run-seconds"):
        cmd, argv = sys.argv[1], sys.argv[2:]
        {"proof": proof_cmd, "record": record_cmd}.get(cmd, lambda v: small_cmd(cmd, v))(argv)
        return
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("rounds_tsv", nargs="?")
    a.add_argument("--rounds", type=int, default=10)
    a.add_argument("--nights", type=int, default=1000)
    a.add_argument("--injections", default="5 10 25")
    a.add_argument("--alpha", type=float, default=0.05)
    a.add_argument("--threshold", type=float, default=0.0, help="smallest change that counts (default 0: significance only)")
    a.add_argument("--creep-history")
    a.add_argument("--sha", type=int, help="print the simulated sha of this night and stop")
    o = a.parse_args()
    if o.sha is not None:
        print(sha(o.sha))
        return
    if not o.rounds_tsv:
        sys.exit("gate-sim: give the rounds.tsv gate-check.sh wrote")
    rounds, rows = read_rounds(o.rounds_tsv)
    if len(rounds) < 2 or not rows:
        sys.exit(f"gate-sim: {o.rounds_tsv}: fewer than 2 A/A rounds with both sides of a row: nothing to resample")
    unit = next(csv.DictReader(open(o.rounds_tsv), delimiter="\t"))["unit"]
    rng = random.Random(SEED)
    if len(rounds) < o.rounds:
        sys.exit(f"gate-sim: {o.rounds_tsv}: {len(rounds)} A/A rounds, fewer than the {o.rounds} of a night")
    nights = [rng.sample(rounds, o.rounds) for _ in range(o.nights)]
    print(f"Simulation (resampled from {len(rounds)} recorded A/A rounds, seed {SEED}; not independent nights):"
          f" {o.nights} nights of {o.rounds} rounds, {len(rows)} rows gated, BH at {o.alpha},"
          f" threshold {100 * o.threshold:.0f} %; sign-flip floor 2^-{o.rounds} = {2 ** -o.rounds:.5f}")
    print()
    alarms = sum(1 for n in nights if slower_rows(n, rows, o.alpha, o.threshold))
    print(f"A/A: {alarms} of {o.nights} nights with a false alarm ({100 * alarms / o.nights:.1f} %,"
          f" 95 % Clopper-Pearson upper bound {100 * clopper_pearson_upper(alarms, o.nights):.1f} %)")
    print()
    sizes = [int(s) for s in o.injections.split()]
    print("| row (one slowed at a time) | " + " | ".join(f"+{s} %" for s in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for row in rows:
        rates = []
        for s in sizes:
            hit = sum(1 for n in nights if row in slower_rows(n, rows, o.alpha, o.threshold, (row, 1 + s / 100)))
            rates.append(f"{100 * hit / o.nights:.0f} %")
        print(f"| {row} | " + " | ".join(rates) + " |")
    if o.creep_history:
        creep_history(o.creep_history, rounds, rows, unit, o.rounds, rng)


if __name__ == "__main__":
    main()

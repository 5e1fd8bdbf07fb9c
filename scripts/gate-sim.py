#!/usr/bin/env python3
"""Parts 3 and 4 of scripts/gate-check.sh: a simulation from recorded A/A rounds (rounds.tsv: prefix,
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
import sys

try:
    import numpy as np
except ImportError:  # the same p from plain loops, only slower
    np = None

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
    if np is None:
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

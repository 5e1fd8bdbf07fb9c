#!/usr/bin/env python3
"""Independent reference for netcalls.history.EDivisive: E-divisive means (Matteson & James 2014,
JASA 109:505, alpha = 1), written from the paper with whole distance blocks (numpy, no prefix sums): each segment's split is
the tau, over every kappa, that maximizes Q-hat(X_tau, Y_tau(kappa)), as the paper's section 3. Prints, for each fixed series below, every split it
keeps: index, Q-hat, and its permutation p (Python's own Mersenne Twister, seed 1, so p-values are
not expected to match Java's bit for bit; the indices and Q-hats are). Regenerate the fixture:
  python3 src/test/resources/history/edivisive_reference.py > src/test/resources/history/edivisive_reference.tsv
"""
import random

import numpy as np


def qhat(z, s, tau, kappa):
    x, y = np.array(z[s:tau]), np.array(z[tau:kappa])
    m, n = len(x), len(y)
    between = np.abs(x[:, None] - y[None, :]).sum() * 2.0 / (m * n)
    wx = np.abs(x[:, None] - x[None, :]).sum() / 2.0 / (m * (m - 1) / 2.0)
    wy = np.abs(y[:, None] - y[None, :]).sum() / 2.0 / (n * (n - 1) / 2.0)
    return m * n / (m + n) * (between - wx - wy)


def best(z, bounds, min_size):
    top = None
    for s, e in zip(bounds, bounds[1:]):
        for tau in range(s + min_size, e - min_size + 1):
            for kappa in range(tau + min_size, e + 1):
                q = qhat(z, s, tau, kappa)
                if top is None or q > top[1]:
                    top = (tau, q)
    return top


def detect(z, min_size=3, alpha=0.05, permutations=199, seed=1):
    rng = random.Random(seed)
    bounds, found = [0, len(z)], []
    while True:
        top = best(z, bounds, min_size)
        if top is None:
            break
        hits = 0
        for _ in range(permutations):
            w = list(z)
            for s, e in zip(bounds, bounds[1:]):
                seg = w[s:e]
                rng.shuffle(seg)
                w[s:e] = seg
            other = best(w, bounds, min_size)
            if other is not None and other[1] >= top[1] - 1e-9 * abs(top[1]):  # ties despite rounding
                hits += 1
        p = (hits + 1) / (permutations + 1)
        if p > alpha:
            break
        found.append((top[0], top[1], p))
        bounds = sorted(bounds + [top[0]])
    return sorted(found)


SERIES = {
    # 10 nights at ~100 us, then a 6 % step for 10 nights, with night-to-night scatter of ~1 %
    "step": [100.2, 99.1, 100.8, 99.6, 100.4, 99.9, 101.0, 99.3, 100.1, 100.6,
             106.3, 105.8, 106.9, 105.5, 106.2, 107.0, 105.9, 106.4, 106.1, 105.7],
    # two steps: up 8 %, then back down
    "up-down": [50.1, 49.8, 50.3, 49.9, 50.2, 50.0, 50.4, 49.7, 50.1, 50.2,
                54.1, 53.8, 54.3, 54.0, 54.2, 53.9, 54.4, 53.7, 54.1, 54.0,
                50.2, 49.9, 50.1, 50.3, 49.8, 50.0, 50.2, 49.9, 50.4, 50.1],
    # a creep of 1 % a night for 10 nights after 10 flat ones
    "creep": [100.3, 99.8, 100.1, 99.6, 100.4, 99.9, 100.2, 99.7, 100.0, 100.3,
              101.0, 102.1, 102.9, 104.2, 105.0, 105.9, 107.1, 108.0, 109.2, 110.0],
    # flat noise: no change point
    "flat": [80.3, 79.6, 80.9, 80.1, 79.4, 80.6, 80.0, 79.8, 80.7, 79.9, 80.2, 80.5, 79.7, 80.4],
}

if __name__ == "__main__":
    print("series\tindex\tqhat\tp")
    for name, z in SERIES.items():
        for index, q, p in detect(z):
            print(f"{name}\t{index}\t{q:.10f}\t{p:.4f}")
        print(f"{name}\tend\t\t")

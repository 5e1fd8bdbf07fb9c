"""Reference p-values for netcalls.compare.Exact, from SciPy's permutation_test (exact: n_resamples=inf).

Writes exact-reference.json next to this file:
    python3 src/test/resources/compare/exact_reference.py
Unpaired: permutation_type='independent', statistic = sum of x's mid-ranks in the pooled sample.
Paired: permutation_type='samples' (sign flips of d = y - x), statistic = sum of the mid-ranks of |d| over d > 0.
Not mannwhitneyu(method='exact'), which ignores ties.
"""
import json
import os
import numpy as np
import scipy
from scipy.stats import permutation_test, rankdata

UNPAIRED = [  # forks' p50s in µs as JMH rounds them: ties are common
    ([100.1, 100.3, 100.3, 100.5, 100.7], [100.3, 100.9, 101.1, 101.1, 101.3]),
    ([1, 2, 2, 3, 4, 5], [2, 4, 6, 7, 8, 9]),
    ([50.2, 50.2, 50.2, 50.4, 50.6, 50.8, 51.0], [50.2, 50.6, 50.8, 51.0, 51.2, 51.2, 51.4]),
    ([10, 10, 10, 11], [10, 11, 11, 11]),
    ([7.0, 7.0, 7.1, 7.2, 7.3, 7.4, 7.5], [7.6, 7.7, 7.7, 7.8, 7.9, 8.0, 8.0]),
    ([3.1, 2.9, 3.3, 3.0], [3.2, 3.4, 3.6, 3.5, 3.8]),
]
PAIRED = [  # baseline and candidate per round
    ([100, 101, 99, 102, 98, 100, 101], [105, 104, 104, 103, 103, 106, 102]),
    ([100, 100, 100, 100, 100, 100, 100], [101, 99, 102, 101, 98, 103, 101]),
    ([10, 10, 10, 10, 10, 10], [10, 11, 12, 11, 9, 12]),
    ([5.0, 5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8], [5.2, 5.0, 5.4, 5.3, 5.6, 5.7, 5.9, 5.9, 6.0]),
    ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [1.5, 2.5, 2.5, 4.5, 5.5, 5.5, 7.5, 7.0, 9.5, 10.5, 10.5, 12.5]),
]


def rank_sum(x, y, axis=-1):
    r = rankdata(np.concatenate([x, y], axis=axis), axis=axis)
    return np.sum(r[..., : np.shape(x)[axis]], axis=axis)


def signed_rank(x, y, axis=-1):
    d = y - x
    r = rankdata(np.abs(d), axis=axis)
    return np.sum(np.where(d > 0, r, 0), axis=axis)


def run(x, y, kind, stat):
    out = {"baseline": x, "candidate": y}
    for alt in ("greater", "less", "two-sided"):
        res = permutation_test((np.array(x, float), np.array(y, float)), stat, permutation_type=kind,
                               n_resamples=np.inf, alternative=alt, vectorized=True)
        out[alt] = float(res.pvalue)
    return out


ref = {
    "source": "scipy " + scipy.__version__ + " scipy.stats.permutation_test, n_resamples=inf (exact);"
              " produced by src/test/resources/compare/exact_reference.py",
    "unpaired": [run(x, y, "independent", rank_sum) for x, y in UNPAIRED],
    "paired": [run(x, y, "samples", signed_rank) for x, y in PAIRED],
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "exact-reference.json"), "w") as f:
    json.dump(ref, f, indent=1)
    f.write("\n")

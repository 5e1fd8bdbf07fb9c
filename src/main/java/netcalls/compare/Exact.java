package netcalls.compare;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Exact permutation tests on mid-ranks, which stay exact when values tie (JMH stores samples with ~0.1 %
 * precision, so forks' p50s often tie), and the paired Hodges–Lehmann ratio. Mid-ranks are doubled so that every
 * rank is an integer and the null distributions are counted by dynamic programming, not enumerated: exact for
 * every split or sign vector, far beyond what enumeration reaches. Checked against SciPy's
 * {@code permutation_test} (src/test/resources/compare/exact-reference.json).
 */
final class Exact {
  /** Total sample size up to which the unpaired rank-sum distribution is counted exactly. */
  static final int UNPAIRED_LIMIT = 60;
  /** Rounds up to which the paired sign-flip distribution is counted exactly (2^50 sign vectors). */
  static final int PAIRED_LIMIT = 50;

  private static final NormalDistribution Z = NormalDistribution.of(0, 1);

  private Exact() {}

  /** A test's one-sided p-values (statistic at least / at most as observed), its exactness and its tied values. */
  record Result(double pGreater, double pLess, boolean exact, int ties) {
    /** Two-sided p as SciPy's permutation_test gives it: twice the smaller one-sided p, at most 1. */
    double twoSided() {
      return Math.min(1, 2 * Math.min(pGreater, pLess));
    }
  }

  /**
   * Unpaired permutation test of {@code x} against {@code y} on the sum of x's mid-ranks over every split of the
   * pooled values into groups of m and n; {@code pGreater}: x ranks at least as high as observed. Beyond
   * {@link #UNPAIRED_LIMIT} values the normal approximation with the tie-corrected variance.
   */
  static Result rankSum(double[] x, double[] y) {
    int m = x.length;
    int n = y.length;
    double[] all = new double[m + n];
    System.arraycopy(x, 0, all, 0, m);
    System.arraycopy(y, 0, all, m, n);
    int[] r = doubledMidRanks(all);
    int ties = tied(all);
    long t = 0;
    for (int i = 0; i < m; i++) {
      t += r[i];
    }
    if (m + n > UNPAIRED_LIMIT) {
      double mean = m * (m + n + 1.0); // doubled ranks
      double var = 0;
      double meanR = (m + n + 1.0);
      for (int v : r) {
        var += (v - meanR) * (v - meanR);
      }
      var = var * m * n / ((m + n) * (m + n - 1.0));
      return normal(t, mean, var, ties);
    }
    int max = Arrays.stream(r).sum();
    // ways[k][s]: subsets of k of the values seen so far whose doubled ranks sum to s
    double[][] ways = new double[m + 1][max + 1];
    ways[0][0] = 1;
    for (int v : r) {
      for (int k = m; k >= 1; k--) {
        double[] to = ways[k];
        double[] from = ways[k - 1];
        for (int s = max; s >= v; s--) {
          to[s] += from[s - v];
        }
      }
    }
    return tails(ways[m], t, ties);
  }

  /**
   * Paired sign-flip test of the differences {@code d}: the statistic is the sum of the mid-ranks of |d| over the
   * positive d (zeros ranked, never signed), its null every sign vector of the non-zero d; {@code pGreater}: the
   * differences lean positive at least as much as observed. Beyond {@link #PAIRED_LIMIT} rounds the normal
   * approximation.
   */
  static Result signFlip(double[] d) {
    double[] abs = Arrays.stream(d).map(Math::abs).toArray();
    int[] r = doubledMidRanks(abs);
    int ties = tied(abs);
    long t = 0;
    int max = 0;
    for (int i = 0; i < d.length; i++) {
      if (d[i] > 0) {
        t += r[i];
      }
      if (d[i] != 0) {
        max += r[i];
      }
    }
    if (d.length > PAIRED_LIMIT) {
      double var = 0;
      for (int i = 0; i < d.length; i++) {
        var += d[i] != 0 ? r[i] * (double) r[i] / 4 : 0;
      }
      return normal(t, max / 2.0, var, ties);
    }
    double[] ways = new double[max + 1];
    ways[0] = 1;
    for (int i = 0; i < d.length; i++) {
      int v = r[i];
      if (d[i] == 0 || v == 0) {
        continue;
      }
      for (int s = max; s >= v; s--) {
        ways[s] += ways[s - v];
      }
    }
    return tails(ways, t, ties);
  }

  /** The smallest one-sided p a sign-flip test of n rounds can give: 2^-n. */
  static double pairedFloor(int n) {
    return Math.pow(2, -n);
  }

  /**
   * Hodges–Lehmann ratio of paired log differences: exp of the median of the Walsh averages (d_i + d_j) / 2,
   * i &lt;= j, with the {@code level} distribution-free interval [W(k), W(N+1-k)], k from the signed-rank null
   * distribution (no ties) as for the unpaired interval.
   */
  static Stats.Ratio walsh(double[] d, double level) {
    int n = d.length;
    double[] w = new double[n * (n + 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        w[k++] = (d[i] + d[j]) / 2;
      }
    }
    Arrays.sort(w);
    double shift = Stats.median(w);
    double[] cdf = signedRankCdf(n);
    int c = 0;
    while (c < cdf.length && cdf[c] <= (1 - level) / 2) {
      c++;
    }
    if (c < 1) {
      return new Stats.Ratio(Math.exp(shift), 0, Double.POSITIVE_INFINITY);
    }
    return new Stats.Ratio(Math.exp(shift), Math.exp(w[c - 1]), Math.exp(w[w.length - c]));
  }

  /** P(T+ &lt;= t), t = 0..n(n+1)/2: the Wilcoxon signed-rank null distribution without ties. */
  static double[] signedRankCdf(int n) {
    int max = n * (n + 1) / 2;
    double[] ways = new double[max + 1];
    ways[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int s = max; s >= rank; s--) {
        ways[s] += ways[s - rank];
      }
    }
    double total = Math.pow(2, n);
    double[] cdf = new double[max + 1];
    double acc = 0;
    for (int s = 0; s <= max; s++) {
      acc += ways[s];
      cdf[s] = Math.min(1, acc / total);
    }
    return cdf;
  }

  /** Twice the mid-rank of each value (1-based ranks; tied values share the mean of their ranks). */
  static int[] doubledMidRanks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    int[] r = new int[v.length];
    for (int lo = 0; lo < v.length; ) {
      int hi = lo;
      while (hi + 1 < v.length && v[order[hi + 1]] == v[order[lo]]) {
        hi++;
      }
      for (int i = lo; i <= hi; i++) {
        r[order[i]] = lo + 1 + hi + 1; // (rank lo + rank hi) / 2, doubled
      }
      lo = hi + 1;
    }
    return r;
  }

  /** How many values share their value with another. */
  static int tied(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int count = 0;
    for (int i = 0; i < s.length; i++) {
      if ((i > 0 && s[i] == s[i - 1]) || (i + 1 < s.length && s[i] == s[i + 1])) {
        count++;
      }
    }
    return count;
  }

  private static Result tails(double[] ways, long t, int ties) {
    double total = 0;
    double below = 0;
    double above = 0;
    for (int s = 0; s < ways.length; s++) {
      total += ways[s];
      below += s <= t ? ways[s] : 0;
      above += s >= t ? ways[s] : 0;
    }
    return new Result(Math.min(1, above / total), Math.min(1, below / total), true, ties);
  }

  private static Result normal(long t, double mean, double var, int ties) {
    if (!(var > 0)) {
      return new Result(1, 1, false, ties);
    }
    double sd = Math.sqrt(var);
    // continuity correction of half a doubled rank step
    double greater = Z.survivalProbability((t - mean - 0.5) / sd);
    double less = Z.cumulativeProbability((t - mean + 0.5) / sd);
    return new Result(Math.min(1, greater), Math.min(1, less), false, ties);
  }
}

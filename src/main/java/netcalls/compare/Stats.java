package netcalls.compare;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The statistics of a comparison, pure functions over replicate values (one value per JMH fork).
 *
 * <ul>
 *   <li>Significance: two-sided Mann–Whitney U (Apache Commons Statistics; exact p for samples under 50 without
 *       ties); with ties the exact permutation p on mid-ranks ({@link Exact}) up to {@link Exact#UNPAIRED_LIMIT}
 *       values, beyond them Commons' normal approximation with tie and continuity correction.
 *   <li>Effect and its CI: the Hodges–Lehmann estimate of the shift between the logs of the two samples (the
 *       median of all pairwise differences), so {@code exp} of it is a ratio; its distribution-free confidence
 *       interval takes the order statistics of those differences at the Mann–Whitney critical value (Bauer 1972),
 *       the same rank test that gives the p-value, so a CI that excludes 1 and p &lt; alpha agree (before FDR).
 *   <li>Multiple rows: Benjamini–Hochberg adjusted p-values (false-discovery rate).
 * </ul>
 */
final class Stats {
  /** Exact null distribution of U up to this total sample size; beyond, its normal approximation. */
  static final int EXACT_LIMIT = 60;
  /** Asymptotic relative efficiency of Mann–Whitney against the t-test under normality (3/pi). */
  static final double MWU_EFFICIENCY = 3 / Math.PI;
  /** Power the fork estimate aims for. */
  static final double POWER = 0.8;

  private static final NormalDistribution Z = NormalDistribution.of(0, 1);

  private Stats() {}

  /** Mann–Whitney U of {@code x} (U1), its two-sided p-value, and how many values tie with another. */
  record MannWhitney(double u, double p, int tiedValues) {
    boolean ties() {
      return tiedValues > 0;
    }
  }

  static MannWhitney mannWhitney(double[] x, double[] y) {
    MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().test(x, y);
    double[] all = java.util.stream.DoubleStream.concat(Arrays.stream(x), Arrays.stream(y)).toArray();
    int tied = Exact.tied(all);
    if (tied > 0 && x.length + y.length <= Exact.UNPAIRED_LIMIT) {
      // Commons falls back to the normal approximation with ties, whose floor (~0.002 at 7 vs 7) no row could pass
      return new MannWhitney(r.getStatistic(), Exact.rankSum(x, y).twoSided(), tied);
    }
    // every value tied leaves the normal approximation without variance (NaN): no evidence of a change
    double p = Double.isNaN(r.getPValue()) ? 1 : r.getPValue();
    return new MannWhitney(r.getStatistic(), p, tied);
  }

  /** A ratio candidate/baseline with its confidence interval; the bounds are infinite when the data cannot bound it. */
  record Ratio(double estimate, double lower, double upper) {
    boolean bounded() {
      return Double.isFinite(lower) && Double.isFinite(upper);
    }
  }

  /**
   * Hodges–Lehmann ratio {@code y / x}: exp of the median of all {@code log y_j - log x_i}, with the
   * {@code level} (e.g. 0.95) distribution-free interval [D(k), D(mn+1-k)], k the largest integer with
   * P(U &lt;= k-1) &lt;= (1-level)/2 under the null. Values must be positive.
   */
  static Ratio hodgesLehmann(double[] x, double[] y, double level) {
    int m = x.length;
    int n = y.length;
    double[] d = new double[m * n];
    int k = 0;
    for (double xi : x) {
      for (double yj : y) {
        d[k++] = Math.log(yj) - Math.log(xi);
      }
    }
    Arrays.sort(d);
    double shift = median(d);
    int c = criticalCount(m, n, (1 - level) / 2);
    if (c < 1) {
      return new Ratio(Math.exp(shift), 0, Double.POSITIVE_INFINITY);
    }
    return new Ratio(Math.exp(shift), Math.exp(d[c - 1]), Math.exp(d[m * n - c]));
  }

  /**
   * The largest k with P(U &lt;= k-1) &lt;= tail for samples of m and n under the null (no ties); 0 when even
   * P(U = 0) exceeds the tail, i.e. no interval of that level exists for so few replicates.
   */
  static int criticalCount(int m, int n, double tail) {
    if (m + n <= EXACT_LIMIT) {
      double[] cdf = uCdf(m, n);
      int k = 0;
      while (k < cdf.length && cdf[k] <= tail) {
        k++;
      }
      return k;
    }
    double mean = m * (double) n / 2;
    double sd = Math.sqrt(m * (double) n * (m + n + 1) / 12.0);
    return (int) Math.max(0, Math.floor(mean - Z.inverseSurvivalProbability(tail) * sd + 0.5));
  }

  /** Cumulative null distribution of U for samples of m and n without ties: P(U &lt;= u), u = 0..mn. */
  static double[] uCdf(int m, int n) {
    // ways(i, j, u) = ways(i-1, j, u-j) + ways(i, j-1, u): the largest value is an x (beating all j y's) or a y.
    double[][] prev = new double[n + 1][];
    for (int j = 0; j <= n; j++) {
      prev[j] = new double[] {1};
    }
    for (int i = 1; i <= m; i++) {
      double[][] cur = new double[n + 1][];
      cur[0] = new double[] {1};
      for (int j = 1; j <= n; j++) {
        double[] w = new double[i * j + 1];
        double[] left = cur[j - 1];
        double[] up = prev[j];
        for (int u = 0; u < w.length; u++) {
          double a = u < left.length ? left[u] : 0;
          double b = u - j >= 0 && u - j < up.length ? up[u - j] : 0;
          w[u] = a + b;
        }
        cur[j] = w;
      }
      prev = cur;
    }
    double[] ways = prev[n];
    double total = 0;
    for (double w : ways) {
      total += w;
    }
    double[] cdf = new double[ways.length];
    double acc = 0;
    for (int u = 0; u < ways.length; u++) {
      acc += ways[u];
      cdf[u] = Math.min(1, acc / total);
    }
    return cdf;
  }

  /** The smallest two-sided exact p-value a Mann–Whitney test of m against n can give: 2 / C(m+n, m). */
  static double minimumP(int m, int n) {
    double c = 1;
    for (int i = 1; i <= Math.min(m, n); i++) {
      c = c * (Math.max(m, n) + i) / i;
    }
    return Math.min(1, 2 / c);
  }

  /** The fewest replicates per side (equal sides) for which a two-sided p below alpha is possible at all. */
  static int minimumReplicates(double alpha) {
    int n = 1;
    while (minimumP(n, n) >= alpha) {
      n++;
    }
    return n;
  }

  /** Benjamini–Hochberg step-up adjusted p-values, in the order given; NaN entries are left out and stay NaN. */
  static double[] benjaminiHochberg(double[] p) {
    Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .sorted((a, b) -> Double.compare(p[a], p[b])).toArray(Integer[]::new);
    int m = order.length;
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    double min = 1;
    for (int r = m; r >= 1; r--) {
      int i = order[r - 1];
      min = Math.min(min, p[i] * m / r);
      adjusted[i] = min;
    }
    return adjusted;
  }

  /**
   * Replicates per side needed to detect a relative change {@code threshold} with {@link #POWER} at two-sided
   * {@code alpha}, for replicates scattering with coefficient of variation {@code cv}: the normal two-sample
   * formula on log values, 2 (z(1-alpha/2) + z(power))^2 cv^2 / ln(1+threshold)^2, divided by Mann–Whitney's
   * efficiency (3/pi), and never fewer than {@link #minimumReplicates(double)}. -1 for a threshold of 0
   * (no finite number detects every change).
   */
  static int replicatesNeeded(double cv, double threshold, double alpha) {
    if (!(threshold > 0)) {
      return -1;
    }
    double z = Z.inverseSurvivalProbability(alpha / 2) + Z.inverseCumulativeProbability(POWER);
    double effect = Math.log1p(threshold);
    double n = 2 * z * z * cv * cv / (effect * effect) / MWU_EFFICIENCY;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(minimumReplicates(alpha), Math.ceil(n)));
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** Sample standard deviation over the mean; 0 for fewer than two values. */
  static double cv(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double mean = Arrays.stream(v).average().orElse(0);
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (v.length - 1)) / Math.abs(mean);
  }

  /**
   * The nearest-rank quantile of a histogram: the smallest value whose cumulative count reaches
   * ceil(q * total). {@code values} ascending.
   */
  static double quantile(double[] values, long[] counts, double q) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long acc = 0;
    for (int i = 0; i < values.length; i++) {
      acc += counts[i];
      if (acc >= rank) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}

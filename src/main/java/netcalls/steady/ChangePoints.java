package netcalls.steady;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Change points in the mean of a series by PELT (Killick, Fearnhead and Eckley, "Optimal detection of
 * changepoints with a linear computational cost", JASA 2012): the segmentation that minimises the sum of
 * each segment's cost plus {@code penalty} per change point, exactly, with the pruning that keeps it near
 * linear. The cost of a segment is its sum of squared deviations from its mean divided by {@code variance}
 * (a normal change in mean with known variance, twice the negative log-likelihood up to a constant: the
 * cost of R's {@code changepoint::cpt.mean}). Pure; the tests check it against exhaustive search.
 */
public final class ChangePoints {
  private ChangePoints() {}

  /**
   * @param x        the series
   * @param variance the noise variance the cost divides by (> 0)
   * @param penalty  the cost of one more change point (>= 0)
   * @param minSegment the shortest segment allowed (>= 1)
   * @return the first index of every segment after the first, ascending (empty: no change point)
   */
  public static int[] pelt(double[] x, double variance, double penalty, int minSegment) {
    check(x, variance, penalty, minSegment);
    int n = x.length;
    double[] sum = new double[n + 1];
    double[] sumSq = new double[n + 1];
    for (int i = 0; i < n; i++) {
      sum[i + 1] = sum[i] + x[i];
      sumSq[i + 1] = sumSq[i] + x[i] * x[i];
    }
    // best[t]: the least penalised cost of x[0..t); last[t]: where its last segment starts
    double[] best = new double[n + 1];
    int[] last = new int[n + 1];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = -penalty;
    // prunedAt[s]: the first t at which s could no longer win; with a minimum segment length that is only
    // safe to act on from t + minSegment on (the path through t needs a whole segment after t)
    int[] prunedAt = new int[n + 1];
    Arrays.fill(prunedAt, Integer.MAX_VALUE);
    List<Integer> candidates = new ArrayList<>();
    candidates.add(0);
    for (int t = 1; t <= n; t++) {
      int opened = t - minSegment; // a start becomes legal once a whole segment fits after it
      if (opened >= minSegment) {
        candidates.add(opened);
      }
      if (t < minSegment) {
        continue;
      }
      double[] total = new double[candidates.size()];
      for (int k = 0; k < candidates.size(); k++) {
        int s = candidates.get(k);
        total[k] = best[s] + cost(sum, sumSq, s, t, variance);
        if (total[k] + penalty < best[t]) {
          best[t] = total[k] + penalty;
          last[t] = s;
        }
      }
      // PELT's pruning (cost with K = 0): a start whose cost so far already exceeds the optimum never wins again
      List<Integer> kept = new ArrayList<>(candidates.size());
      for (int k = 0; k < candidates.size(); k++) {
        int s = candidates.get(k);
        if (total[k] > best[t]) {
          prunedAt[s] = Math.min(prunedAt[s], t);
        }
        if (prunedAt[s] > t + 1 - minSegment) {
          kept.add(s);
        }
      }
      candidates = kept;
    }
    return backtrack(last, n);
  }

  /** The penalised cost of a segmentation given by its change points; what {@link #pelt} minimises. */
  public static double penalisedCost(double[] x, int[] changePoints, double variance, double penalty) {
    double[] sum = new double[x.length + 1];
    double[] sumSq = new double[x.length + 1];
    for (int i = 0; i < x.length; i++) {
      sum[i + 1] = sum[i] + x[i];
      sumSq[i + 1] = sumSq[i] + x[i] * x[i];
    }
    double c = penalty * changePoints.length;
    int from = 0;
    for (int cp : changePoints) {
      c += cost(sum, sumSq, from, cp, variance);
      from = cp;
    }
    return c + cost(sum, sumSq, from, x.length, variance);
  }

  private static double cost(double[] sum, double[] sumSq, int from, int to, double variance) {
    int len = to - from;
    double s = sum[to] - sum[from];
    double ss = sumSq[to] - sumSq[from] - s * s / len;
    return Math.max(0, ss) / variance;
  }

  private static int[] backtrack(int[] last, int n) {
    List<Integer> cps = new ArrayList<>();
    for (int t = last[n]; t > 0; t = last[t]) {
      cps.add(0, t);
    }
    return cps.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void check(double[] x, double variance, double penalty, int minSegment) {
    if (x.length == 0) {
      throw new IllegalArgumentException("an empty series has no segments");
    }
    if (!(variance > 0) || Double.isInfinite(variance)) {
      throw new IllegalArgumentException("variance must be positive and finite, was " + variance);
    }
    if (!(penalty >= 0) || Double.isInfinite(penalty)) {
      throw new IllegalArgumentException("penalty must be >= 0 and finite, was " + penalty);
    }
    if (minSegment < 1 || minSegment > x.length) {
      throw new IllegalArgumentException("minSegment must be in 1.." + x.length + ", was " + minSegment);
    }
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("the series holds a non-finite value: " + v);
      }
    }
  }
}

package netcalls.history;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * E-divisive means (Matteson & James 2014, "A Nonparametric Approach for Multiple Change Point
 * Analysis of Multivariate Data", JASA 109:505), with alpha = 1, the method Apache Otava (Hunter)
 * runs over benchmark histories: bisect the series where the energy-distance statistic
 * Q̂(X_τ, Y_τ(κ)) is largest over every segment, τ and κ, keep the split when a permutation test
 * says so, and repeat on the pieces. κ matters: with κ fixed at the segment's end, a step up and
 * back down hides both steps. The permutations shuffle within the current segments, from a fixed seed, so the
 * same series always gives the same answer.
 */
public final class EDivisive {
  /**
   * @param minSize      fewest points a segment may keep on each side of a split (at least 2)
   * @param alpha        significance level of the permutation test
   * @param permutations permutations per test
   * @param seed         seed of the permutations
   */
  public record Config(int minSize, double alpha, int permutations, long seed) {
    public Config {
      if (minSize < 2) {
        throw new IllegalArgumentException("minSize " + minSize + ": give at least 2");
      }
      if (!(alpha > 0 && alpha < 1) || permutations < 1) {
        throw new IllegalArgumentException("alpha in (0, 1) and at least one permutation, not " + alpha
            + " and " + permutations);
      }
    }

    public static Config defaults() {
      return new Config(3, 0.05, 199, 1);
    }
  }

  /** A split before {@code index} (the first point of the new segment), its Q̂ and permutation p. */
  public record ChangePoint(int index, double qhat, double p) {}

  private EDivisive() {}

  /** Change points of {@code series} in index order. */
  public static List<ChangePoint> detect(double[] series, Config config) {
    List<ChangePoint> found = new ArrayList<>();
    List<Integer> bounds = new ArrayList<>(List.of(0, series.length)); // sorted segment edges
    SplittableRandom random = new SplittableRandom(config.seed());
    while (true) {
      Best best = best(series, bounds, config.minSize());
      if (best == null) {
        break;
      }
      int atLeast = 0;
      for (int r = 0; r < config.permutations(); r++) {
        Best shuffled = best(permuted(series, bounds, random), bounds, config.minSize());
        // a permutation that only reorders equal distances must tie, whatever the sums' rounding
        if (shuffled != null && shuffled.qhat >= best.qhat - 1e-9 * Math.abs(best.qhat)) {
          atLeast++;
        }
      }
      double p = (atLeast + 1.0) / (config.permutations() + 1.0);
      if (p > config.alpha()) {
        break;
      }
      found.add(new ChangePoint(best.index, best.qhat, p));
      bounds.add(best.index);
      bounds.sort(null);
    }
    found.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return found;
  }

  /** Q̂ of X = {@code [start, tau)} against Y = {@code [tau, kappa)}: the statistic of the paper, alpha = 1. */
  static double qhat(double[] z, int start, int tau, int kappa) {
    return qhat(new Sums(z), start, tau, kappa);
  }

  private record Best(int index, double qhat) {}

  private static Best best(double[] z, List<Integer> bounds, int minSize) {
    Sums sums = new Sums(z);
    Best best = null;
    for (int s = 0; s + 1 < bounds.size(); s++) {
      int start = bounds.get(s);
      int end = bounds.get(s + 1);
      for (int tau = start + minSize; tau <= end - minSize; tau++) {
        for (int kappa = tau + minSize; kappa <= end; kappa++) {
          double q = qhat(sums, start, tau, kappa);
          if (best == null || q > best.qhat) {
            best = new Best(tau, q);
          }
        }
      }
    }
    return best;
  }

  private static double qhat(Sums sums, int start, int tau, int kappa) {
    double m = tau - start;
    double n = kappa - tau;
    double between = sums.block(start, tau, tau, kappa) / (m * n);
    // a square block counts each pair twice: block / (m (m - 1)) is the mean over the m choose 2 pairs
    double withinX = sums.block(start, tau, start, tau) / (m * (m - 1));
    double withinY = sums.block(tau, kappa, tau, kappa) / (n * (n - 1));
    return m * n / (m + n) * (2 * between - withinX - withinY);
  }

  private static double[] permuted(double[] z, List<Integer> bounds, SplittableRandom random) {
    double[] copy = z.clone();
    for (int s = 0; s + 1 < bounds.size(); s++) {
      for (int i = bounds.get(s + 1) - 1; i > bounds.get(s); i--) { // Fisher-Yates within the segment
        int j = bounds.get(s) + random.nextInt(i - bounds.get(s) + 1);
        double t = copy[i];
        copy[i] = copy[j];
        copy[j] = t;
      }
    }
    return copy;
  }

  /** 2-D prefix sums of |z_i - z_k|: any block of the distance matrix in O(1). */
  private static final class Sums {
    private final double[][] prefix;

    Sums(double[] z) {
      int t = z.length;
      prefix = new double[t + 1][t + 1];
      for (int i = 0; i < t; i++) {
        for (int k = 0; k < t; k++) {
          prefix[i + 1][k + 1] = Math.abs(z[i] - z[k]) + prefix[i][k + 1] + prefix[i + 1][k] - prefix[i][k];
        }
      }
    }

    /** Σ |z_i - z_k| over i in [i0, i1), k in [k0, k1). */
    double block(int i0, int i1, int k0, int k1) {
      return prefix[i1][k1] - prefix[i0][k1] - prefix[i1][k0] + prefix[i0][k0];
    }
  }
}

package netcalls.steady;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PELT against exhaustive search and optimal partitioning on the same series, and a published break. */
class ChangePointsTest {

  /**
   * R's datasets::Nile: annual flow of the Nile at Aswan, 1871-1970 (Cobb 1978; Balke 1993), printed by
   * {@code Rscript -e 'cat(as.numeric(Nile), sep=",")'} (R 4.2.2, Debian's r-base-core).
   */
  static final double[] NILE = {1120, 1160, 963, 1210, 1160, 1160, 813, 1230, 1370, 1140, 995, 935, 1110, 994, 1020,
      960, 1180, 799, 958, 1140, 1100, 1210, 1150, 1250, 1260, 1220, 1030, 1100, 774, 840, 874, 694, 940, 833, 701, 916,
      692, 1020, 1050, 969, 831, 726, 456, 824, 702, 1120, 1100, 832, 764, 821, 768, 845, 864, 862, 698, 845, 744, 796,
      1040, 759, 781, 865, 845, 944, 984, 897, 822, 1010, 771, 676, 649, 846, 812, 742, 801, 1040, 860, 874, 848, 890,
      744, 749, 838, 1050, 918, 986, 797, 923, 975, 815, 1020, 906, 901, 1170, 912, 746, 919, 718, 714, 740};

  @Test
  void theNileChangesIn1898AsPublished() {
    // the Aswan dam's break: the first 28 years (1871-1898) have the higher mean (Cobb 1978; strucchange's
    // breakpoints(Nile ~ 1) gives observation 28); the second segment starts at index 28 (1899)
    double sd = SteadyState.robustSd(NILE);
    int[] cps = ChangePoints.pelt(NILE, sd * sd, 3 * Math.log(NILE.length), 2);
    assertThat(cps).containsExactly(28);
  }

  @Test
  void peltFindsTheSameOptimumAsExhaustiveSearch() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 300; trial++) {
      int n = 2 + rnd.nextInt(13);
      double[] x = series(rnd, n);
      double penalty = rnd.nextDouble() * 8;
      int minSeg = 1 + rnd.nextInt(3);
      if (minSeg > n) {
        continue;
      }
      int[] pelt = ChangePoints.pelt(x, 1.0, penalty, minSeg);
      double best = exhaustiveBest(x, penalty, minSeg);
      assertThat(ChangePoints.penalisedCost(x, pelt, 1.0, penalty)).as("n=%d minSeg=%d %s", n, minSeg,
          Arrays.toString(x)).isCloseTo(best, within(1e-9));
      assertSegmentsAtLeast(pelt, n, minSeg);
    }
  }

  @Test
  void peltMatchesOptimalPartitioningOnLongSeries() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 40; trial++) {
      int n = 30 + rnd.nextInt(170);
      double[] x = series(rnd, n);
      double penalty = 3 * Math.log(n);
      int minSeg = 1 + rnd.nextInt(4);
      int[] pelt = ChangePoints.pelt(x, 1.0, penalty, minSeg);
      int[] op = optimalPartitioning(x, penalty, minSeg);
      assertThat(ChangePoints.penalisedCost(x, pelt, 1.0, penalty))
          .isCloseTo(ChangePoints.penalisedCost(x, op, 1.0, penalty), within(1e-7));
      assertThat(pelt).containsExactly(op);
    }
  }

  @Test
  void aFlatSeriesHasNoChangePointAndAStepHasOne() {
    double[] flat = new double[50];
    Arrays.fill(flat, 3.0);
    assertThat(ChangePoints.pelt(flat, 1, 10, 3)).isEmpty();
    double[] step = new double[60];
    for (int i = 0; i < step.length; i++) {
      step[i] = (i < 20 ? 10 : 0) + ((i * 7919) % 13 - 6) / 10.0;
    }
    assertThat(ChangePoints.pelt(step, 0.25, 3 * Math.log(60), 3)).containsExactly(20);
  }

  @Test
  void refusesWhatHasNoSegmentation() {
    assertThatThrownBy(() -> ChangePoints.pelt(new double[0], 1, 1, 1)).hasMessageContaining("empty");
    assertThatThrownBy(() -> ChangePoints.pelt(new double[] {1, 2}, 0, 1, 1)).hasMessageContaining("variance");
    assertThatThrownBy(() -> ChangePoints.pelt(new double[] {1, 2}, 1, -1, 1)).hasMessageContaining("penalty");
    assertThatThrownBy(() -> ChangePoints.pelt(new double[] {1, 2}, 1, 1, 3)).hasMessageContaining("minSegment");
    assertThatThrownBy(() -> ChangePoints.pelt(new double[] {1, Double.NaN}, 1, 1, 1)).hasMessageContaining("non-finite");
  }

  /** Piecewise-constant levels with noise: the kind of series PELT is for. */
  private static double[] series(Random rnd, int n) {
    double[] x = new double[n];
    double level = rnd.nextGaussian() * 3;
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(12) == 0) {
        level = rnd.nextGaussian() * 3;
      }
      x[i] = level + rnd.nextGaussian();
    }
    return x;
  }

  /** Every segmentation of x (2^(n-1) of them), the least penalised cost among those with long enough segments. */
  private static double exhaustiveBest(double[] x, double penalty, int minSeg) {
    int n = x.length;
    double best = Double.POSITIVE_INFINITY;
    for (int mask = 0; mask < 1 << (n - 1); mask++) {
      List<Integer> cps = new ArrayList<>();
      for (int i = 1; i < n; i++) {
        if ((mask & (1 << (i - 1))) != 0) {
          cps.add(i);
        }
      }
      int[] c = cps.stream().mapToInt(Integer::intValue).toArray();
      if (segmentsAtLeast(c, n, minSeg)) {
        best = Math.min(best, directCost(x, c, penalty));
      }
    }
    return best;
  }

  /** Jackson et al.'s optimal partitioning: the same recursion without pruning, O(n²), segment costs summed directly. */
  private static int[] optimalPartitioning(double[] x, double penalty, int minSeg) {
    int n = x.length;
    double[] f = new double[n + 1];
    int[] last = new int[n + 1];
    Arrays.fill(f, Double.POSITIVE_INFINITY);
    f[0] = -penalty;
    for (int t = minSeg; t <= n; t++) {
      for (int s = 0; s <= t - minSeg; s++) {
        if (s != 0 && s < minSeg) {
          continue;
        }
        double c = f[s] + segmentCost(x, s, t) + penalty;
        if (c < f[t]) {
          f[t] = c;
          last[t] = s;
        }
      }
    }
    List<Integer> cps = new ArrayList<>();
    for (int t = last[n]; t > 0; t = last[t]) {
      cps.add(0, t);
    }
    return cps.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double directCost(double[] x, int[] cps, double penalty) {
    double c = penalty * cps.length;
    int from = 0;
    for (int cp : cps) {
      c += segmentCost(x, from, cp);
      from = cp;
    }
    return c + segmentCost(x, from, x.length);
  }

  /** Sum of squared deviations from the segment's mean, computed the plain two-pass way. */
  private static double segmentCost(double[] x, int from, int to) {
    double mean = 0;
    for (int i = from; i < to; i++) {
      mean += x[i];
    }
    mean /= to - from;
    double ss = 0;
    for (int i = from; i < to; i++) {
      ss += (x[i] - mean) * (x[i] - mean);
    }
    return ss;
  }

  private static boolean segmentsAtLeast(int[] cps, int n, int minSeg) {
    int from = 0;
    for (int cp : cps) {
      if (cp - from < minSeg) {
        return false;
      }
      from = cp;
    }
    return n - from >= minSeg;
  }

  private static void assertSegmentsAtLeast(int[] cps, int n, int minSeg) {
    assertThat(segmentsAtLeast(cps, n, minSeg)).as("segments of %s in %d at least %d", Arrays.toString(cps), n, minSeg)
        .isTrue();
  }
}

package netcalls.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netcalls.run.ThinPercentile;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Percentile arithmetic for the report: HdrHistogram-style curves and how many samples back a percentile.
 * A percentile p of n samples rests on the n·(1 − p) samples at or beyond it; with fewer than {@link #MIN_BEYOND}
 * of them it is a guess, and the report says so.
 */
final class Percentiles {
  /** Fewest samples beyond a percentile for it to be shown as measured ({@link ThinPercentile}'s rule). */
  static final int MIN_BEYOND = ThinPercentile.MIN_BEYOND;
  /** Curves stop here, as HdrHistogram's plots do by default. */
  static final double TOP = 99.99;

  private Percentiles() {}

  /** One point of a curve: percentile (0..100), value in the histogram's unit divided by {@code scale}. */
  record Point(double percentile, double value, boolean thin) {}

  /** Samples at or beyond percentile p (0..100) of n. */
  static double beyond(long n, double p) {
    return ThinPercentile.beyond(n, p);
  }

  /** Whether percentile p of n samples rests on fewer than {@link #MIN_BEYOND} samples. */
  static boolean thin(long n, double p) {
    return ThinPercentile.thin(n, p);
  }

  /**
   * The percentile distribution up to {@link #TOP}, five steps per halving of the distance to 100 %, each point
   * marked thin when fewer than {@link #MIN_BEYOND} samples lie beyond it; empty for an empty histogram.
   */
  static List<Point> curve(Histogram h, double scale) {
    List<Point> out = new ArrayList<>();
    long n = h.getTotalCount();
    if (n == 0) {
      return out;
    }
    double last = -1;
    for (HistogramIterationValue v : h.percentiles(5)) {
      double p = v.getPercentileLevelIteratedTo();
      if (p >= TOP) {
        break;
      }
      if (p > last) {
        out.add(new Point(p, h.highestEquivalentValue(v.getValueIteratedTo()) / scale, thin(n, p)));
        last = p;
      }
    }
    out.add(new Point(TOP, h.getValueAtPercentile(TOP) / scale, thin(n, TOP)));
    return out;
  }

  /** Percentile p (0..100) of values seen {@code counts} times each (nearest rank, values in any order). */
  static double weighted(double[] values, long[] counts, double p) {
    Integer[] order = new Integer[values.length];
    long n = 0;
    for (int i = 0; i < values.length; i++) {
      order[i] = i;
      n += Math.max(0, counts[i]);
    }
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    long rank = Math.max(1, (long) Math.ceil(p / 100 * n));
    long seen = 0;
    for (Integer i : order) {
      seen += Math.max(0, counts[i]);
      if (seen >= rank) {
        return values[i];
      }
    }
    return values[order[order.length - 1]];
  }
}

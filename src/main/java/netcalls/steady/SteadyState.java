package netcalls.steady;

import java.util.Arrays;

/**
 * Classifies one fork's series of per-window medians (JMH's measured iterations, in order) and finds its
 * steady segment: change points by {@link ChangePoints#pelt} on the log of the medians, then the rules of
 * Barrett et al. (OOPSLA 2017; their warmup_stats), with two choices of netcalls' own, both stated:
 * <ul>
 *   <li>the noise the cost divides by is estimated from the series itself, robustly (the median absolute
 *       first difference, scaled to a normal sd, as R's changepoint users normalise), floored at
 *       {@link #NOISE_FLOOR}; the penalty is {@link #PENALTY_PER_LOG_N} × ln n, warmup_stats' own (a lower one,
 *       3 ln n, split a busy machine's ±4 % wander into segments and called flat forks unsteady);
 *   <li>segments whose medians differ by less than {@link #EQUIVALENT} (relative), or by less than
 *       {@link #EQUIVALENT_SDS} noise sds, are one level, as warmup_stats treats segments whose intervals
 *       overlap as equivalent: a 0.5 % step, or a step the size of the machine's own noise, is not a warm-up.
 * </ul>
 * The steady segment is the longest run of trailing segments equivalent to the last one. Fewer than
 * {@link #MIN_POINTS} points: {@code not_checked}. A steady segment shorter than a third of the series
 * (at least {@link #MIN_STEADY_POINTS}): {@code no_steady_state}.
 */
public final class SteadyState {
  /** Points below which change points mean nothing (the "~30 windows"). */
  public static final int MIN_POINTS = 30;
  /** The fewest trailing points a steady segment may have. */
  public static final int MIN_STEADY_POINTS = 10;
  /** Relative difference of medians under which two segments are one level. */
  public static final double EQUIVALENT = 0.02;
  /** Noise sds (of one window's median, in log units) under which two segments are one level. */
  public static final double EQUIVALENT_SDS = 2.0;
  /** Penalty per change point, in units of ln n. */
  public static final double PENALTY_PER_LOG_N = 15.0;
  /** Shortest segment: one outlying window (a GC pause) is not a segment. */
  public static final int MIN_SEGMENT = 3;
  /** Noise floor in log units: JMH keeps about three significant digits. */
  public static final double NOISE_FLOOR = 0.002;

  /**
   * @param steadiness    the class
   * @param steadyFrom    the index of the first point of the steady segment (0 when flat; 0 when there is
   *                      none: {@code no_steady_state} and {@code not_checked} keep the whole series)
   * @param changePoints  where PELT put segment starts (before merging equivalent segments)
   * @param segmentMedians the median of each PELT segment, in order
   */
  public record Result(Steadiness steadiness, int steadyFrom, int[] changePoints, double[] segmentMedians) {
    @Override
    public String toString() {
      return steadiness.label() + " from " + steadyFrom + " cps=" + Arrays.toString(changePoints)
          + " medians=" + Arrays.toString(segmentMedians);
    }
  }

  private SteadyState() {}

  /** @param medians positive values, one per window, in time order */
  public static Result classify(double[] medians) {
    int n = medians.length;
    if (n < MIN_POINTS) {
      return new Result(Steadiness.not_checked, 0, new int[0], new double[0]);
    }
    double[] logs = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(medians[i] > 0) || Double.isInfinite(medians[i])) {
        throw new IllegalArgumentException("window " + i + ": a median must be positive and finite, was " + medians[i]);
      }
      logs[i] = Math.log(medians[i]);
    }
    double sd = Math.max(NOISE_FLOOR, robustSd(logs));
    int[] cps = ChangePoints.pelt(logs, sd * sd, PENALTY_PER_LOG_N * Math.log(n), MIN_SEGMENT);
    int[] starts = new int[cps.length + 1];
    System.arraycopy(cps, 0, starts, 1, cps.length);
    double[] segMedians = new double[starts.length];
    for (int k = 0; k < starts.length; k++) {
      int end = k + 1 < starts.length ? starts[k + 1] : n;
      segMedians[k] = median(Arrays.copyOfRange(medians, starts[k], end));
    }
    double level = segMedians[segMedians.length - 1];
    int first = segMedians.length - 1; // the first segment of the trailing run equivalent to the last
    double tolerance = Math.max(EQUIVALENT, Math.expm1(EQUIVALENT_SDS * sd));
    while (first > 0 && equivalent(segMedians[first - 1], level, tolerance)) {
      first--;
    }
    if (first == 0) {
      return new Result(Steadiness.flat, 0, cps, segMedians);
    }
    int from = starts[first];
    if (n - from < Math.max(MIN_STEADY_POINTS, n / 3)) {
      return new Result(Steadiness.no_steady_state, 0, cps, segMedians);
    }
    // how it arrived at its level: from above (faster at the end) or from below
    Steadiness s = segMedians[first - 1] > level ? Steadiness.warmup : Steadiness.slowdown;
    return new Result(s, from, cps, segMedians);
  }

  static boolean equivalent(double a, double b, double tolerance) {
    return Math.abs(a - b) <= tolerance * Math.min(a, b);
  }

  /** The sd of the noise from first differences (a change point moves one difference only). */
  static double robustSd(double[] x) {
    if (x.length < 2) {
      return 0;
    }
    double[] d = new double[x.length - 1];
    for (int i = 1; i < x.length; i++) {
      d[i - 1] = Math.abs(x[i] - x[i - 1]);
    }
    // MAD of differences of iid N(0, s²) is 0.6745 · s·√2; so s = median|d| / (0.6745 · √2)
    return median(d) / (0.6744897501960817 * Math.sqrt(2));
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}

package netcalls.run;

/**
 * The one rule for a percentile too thin to print as a fact: percentile p of n samples rests on the n·(1 − p)
 * samples at or beyond it, and with fewer than {@link #MIN_BEYOND} of them it is a guess. Every output that shows
 * a percentile (summary, report, points, Grafana, compare) asks here, and compare never gates on a thin one.
 */
public final class ThinPercentile {
  /** Fewest samples beyond a percentile for it to be shown as measured. */
  public static final int MIN_BEYOND = 10;
  /** The field (points, JSON) or tag naming a thin percentile: {@code thin=true}. */
  public static final String FIELD = "thin";
  /** How a thin value is marked in text tables. */
  public static final String MARK = "~";

  private ThinPercentile() {}

  /** Samples at or beyond percentile p (0..100) of n. */
  public static double beyond(long n, double p) {
    return n * (100 - p) / 100;
  }

  /** Whether percentile p (0..100) of n samples rests on fewer than {@link #MIN_BEYOND} samples. */
  public static boolean thin(long n, double p) {
    return beyond(n, p) < MIN_BEYOND - 1e-9; // 10000 at 99.9 % is 10 beyond, not 9.999…
  }

  /** The smallest sample count for which percentile p is not thin. */
  public static long samplesNeeded(double p) {
    return (long) Math.ceil(MIN_BEYOND * 100 / (100 - p) - 1e-9);
  }
}

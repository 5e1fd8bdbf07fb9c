package netcalls.export;

/**
 * Upper bounds (nanoseconds) of the request-duration histogram, the same list as telegraf.conf's
 * [[aggregators.histogram]] so exported and live histograms line up. 25 us to 10 s.
 */
final class HistogramBuckets {
  static final long[] BOUNDS_NS = {
      25_000L, 50_000L, 100_000L, 250_000L, 500_000L,
      1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L,
      100_000_000L, 250_000_000L, 500_000_000L,
      1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 10_000_000_000L};

  /** Telegraf's name for the last bucket, which counts every value. */
  static final String INF = "+Inf";

  private HistogramBuckets() {}

  /** The le tag as Telegraf formats a bound (Go's FormatFloat 'f', -1): "25000", "1000000". */
  static String le(long boundNs) {
    return Long.toString(boundNs);
  }
}

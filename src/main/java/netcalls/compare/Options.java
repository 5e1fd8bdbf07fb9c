package netcalls.compare;

/**
 * How a comparison decides. {@code threshold} and {@code maxCv} are fractions (0.05 = 5 %).
 *
 * @param alpha false-discovery rate across rows; a row needs a Benjamini–Hochberg adjusted p below it
 * @param threshold the smallest change that counts as a regression or an improvement
 * @param maxCv coefficient of variation of a side's replicates above which an inconclusive row is {@code noisy}
 * @param force compare runs whose JMH options differ (with a warning) instead of refusing
 */
public record Options(double alpha, double threshold, double maxCv, boolean force) {
  public static final double DEFAULT_ALPHA = 0.05;
  public static final double DEFAULT_THRESHOLD = 0.05;
  public static final double DEFAULT_MAX_CV = 0.10;

  public Options {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be between 0 and 1, exclusive: " + alpha);
    }
    if (!(threshold >= 0 && threshold < 10)) {
      throw new IllegalArgumentException("threshold must be 0 % or more (and under 1000 %): " + threshold);
    }
    if (!(maxCv > 0)) {
      throw new IllegalArgumentException("the noisy limit must be above 0 %: " + maxCv);
    }
  }

  public static Options defaults() {
    return new Options(DEFAULT_ALPHA, DEFAULT_THRESHOLD, DEFAULT_MAX_CV, false);
  }

  /** The confidence level of the ratio's interval, tied to alpha so interval and test agree (95 % by default). */
  public double ciLevel() {
    return 1 - alpha;
  }
}

package netcalls.compare;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a comparison decides. {@code threshold} and {@code maxCv} are fractions (0.05 = 5 %).
 *
 * @param alpha false-discovery rate across the gated rows; a row needs a Benjamini–Hochberg adjusted p below it
 * @param threshold the smallest change that counts as a regression or an improvement, checked on the
 *     Hodges–Lehmann point estimate (not on an interval bound: docs/COMPARE.md says why)
 * @param maxCv coefficient of variation of a side's replicates above which an inconclusive row is {@code noisy}
 * @param force compare runs whose JMH options differ (with a warning) instead of refusing
 * @param gate the rows that can fail the build: a regular expression found in the row's label (benchmark and
 *     parameters as printed, see {@link Row#label()}); null for every row. The others are informational.
 * @param allowSequential compare sides of which one ran wholly before the other (with a warning) instead of
 *     refusing
 * @param gateP99 p99 rows that {@code gate} matches can fail the build too (compare's {@code --gate-p99}); else
 *     every p99 row is informational. A thin p99 (netcalls.run.ThinPercentile) is never gated.
 */
public record Options(double alpha, double threshold, double maxCv, boolean force, String gate,
    boolean allowSequential, boolean gateP99) {
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
    if (gate != null) {
      try {
        Pattern.compile(gate);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("--gate '" + gate + "' is not a regular expression ("
            + e.getDescription() + "); write e.g. 'strategy=reuse'");
      }
    }
  }

  /** p99 rows informational. */
  public Options(double alpha, double threshold, double maxCv, boolean force, String gate, boolean allowSequential) {
    this(alpha, threshold, maxCv, force, gate, allowSequential, false);
  }

  /** Every row gated, sequential sides refused. */
  public Options(double alpha, double threshold, double maxCv, boolean force) {
    this(alpha, threshold, maxCv, force, null, false);
  }

  public static Options defaults() {
    return new Options(DEFAULT_ALPHA, DEFAULT_THRESHOLD, DEFAULT_MAX_CV, false);
  }

  /** These options, sides that ran one after the other compared with a warning (a report shows, it does not gate). */
  public Options sequentialAllowed() {
    return new Options(alpha, threshold, maxCv, force, gate, true, gateP99);
  }

  /** The confidence level of the ratio's interval, tied to alpha so interval and test agree (95 % by default). */
  public double ciLevel() {
    return 1 - alpha;
  }

  /** Whether a row can fail the build: its label matches the gate, and a p99 row only with gateP99. */
  boolean gates(Row r) {
    return (!r.p99() || gateP99) && (gate == null || Pattern.compile(gate).matcher(r.label()).find());
  }
}

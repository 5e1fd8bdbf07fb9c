package netcalls.compare;

import netcalls.read.JmhUnits;

/** The rules that turn statistics into a verdict: direction from the unit, significance, threshold, noise. */
final class Verdicts {
  private Verdicts() {}

  /** Whether a larger score is better or worse, from the unit JMH gives it. */
  enum Direction {
    /** Time per operation ({@code us/op}): lower is better. */
    LOWER_IS_BETTER,
    /** Operations per time ({@code ops/s}): higher is better. */
    HIGHER_IS_BETTER
  }

  /** {@code x/op} is a time per operation, {@code ops/x} a rate; anything else has no known direction. */
  static Direction direction(String unit) {
    if (unit.endsWith("/op")) {
      return Direction.LOWER_IS_BETTER;
    }
    if (unit.startsWith("ops/")) {
      return Direction.HIGHER_IS_BETTER;
    }
    throw new IllegalArgumentException("unit " + unit + " is neither a time per operation (x/op) nor a rate (ops/x)");
  }

  /**
   * slower/faster only when the adjusted p is below alpha and the change |ratio - 1| reaches the threshold;
   * otherwise noisy when a side's replicates scatter more than the limit, else no change.
   */
  static Verdict decide(double ratio, double adjustedP, double maxCv, Direction direction, Options o) {
    boolean significant = adjustedP < o.alpha();
    boolean large = Math.abs(ratio - 1) >= o.threshold();
    if (significant && large) {
      boolean worse = direction == Direction.LOWER_IS_BETTER ? ratio > 1 : ratio < 1;
      return worse ? Verdict.SLOWER : Verdict.FASTER;
    }
    return maxCv > o.maxCv() ? Verdict.NOISY : Verdict.SAME;
  }

  /**
   * Factor that converts a value in unit {@code from} to unit {@code to} (e.g. ms/op to us/op is 1000), for
   * runs made with different {@code -tu}; NaN when the two cannot be converted.
   */
  static double unitFactor(String from, String to) {
    if (from.equals(to)) {
      return 1;
    }
    if (from.endsWith("/op") && to.endsWith("/op")) {
      double a = JmhUnits.nanos(from.substring(0, from.length() - 3));
      double b = JmhUnits.nanos(to.substring(0, to.length() - 3));
      return a > 0 && b > 0 ? a / b : Double.NaN;
    }
    if (from.startsWith("ops/") && to.startsWith("ops/")) {
      double a = JmhUnits.nanos(from.substring(4));
      double b = JmhUnits.nanos(to.substring(4));
      return a > 0 && b > 0 ? b / a : Double.NaN;
    }
    return Double.NaN;
  }
}

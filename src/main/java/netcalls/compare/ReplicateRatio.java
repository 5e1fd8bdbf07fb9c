package netcalls.compare;

import java.util.Arrays;
import java.util.Locale;

/**
 * compare's statistics for two plain lists of replicate values, for scripts whose replicates are not JMH forks
 * (e.g. {@code scripts/harness-vs-bare.sh}: one p50 per round from a bare loop, one from RequestLatency). The
 * Hodges–Lehmann ratio candidate/baseline with its distribution-free interval and the Mann–Whitney p-value, as
 * {@link Compare} computes them per row, and a verdict against a ratio limit that needs the whole interval:
 * {@code PASS} when its upper bound is at most the limit, {@code FAIL} when its lower bound is above it, else
 * {@code UNDECIDED} (too few or too scattered replicates to tell; run more rounds).
 *
 * <p>{@code java -cp target/benchmarks.jar netcalls.compare.ReplicateRatio LABEL BASELINE CANDIDATE LIMIT}, the
 * lists comma-separated positive numbers, prints one line and exits 0 (PASS), 1 (FAIL or UNDECIDED), 2 (bad input).
 */
public final class ReplicateRatio {
  private ReplicateRatio() {}

  /** The verdict of a ratio's interval against a limit. */
  public enum Verdict { PASS, FAIL, UNDECIDED }

  /** Ratio candidate/baseline, its {@code level} interval, the two-sided p and the medians of each side. */
  public record Result(double ratio, double lower, double upper, double level, double p, double baselineMedian,
      double candidateMedian, int nBaseline, int nCandidate) {

    public Verdict against(double limit) {
      if (upper <= limit) {
        return Verdict.PASS;
      }
      return lower > limit ? Verdict.FAIL : Verdict.UNDECIDED;
    }
  }

  /** @param level confidence level of the interval, e.g. 0.95 */
  public static Result of(double[] baseline, double[] candidate, double level) {
    requirePositive("baseline", baseline);
    requirePositive("candidate", candidate);
    Stats.Ratio r = Stats.hodgesLehmann(baseline, candidate, level);
    Stats.MannWhitney mw = Stats.mannWhitney(baseline, candidate);
    return new Result(r.estimate(), r.lower(), r.upper(), level, mw.p(), Stats.median(baseline),
        Stats.median(candidate), baseline.length, candidate.length);
  }

  /** {@code okhttp: 1.031 [0.982, 1.094] (95 % CI, p=0.41, 10 vs 10, medians 61.2 -> 63.1) limit 1.10: PASS}. */
  public static String line(String label, Result r, double limit) {
    return String.format(Locale.ROOT, "%s: %.3f [%s, %s] (%.0f %% CI, p=%.3g, %d vs %d, medians %.1f -> %.1f)"
        + " limit %.2f: %s", label, r.ratio(), bound(r.lower()), bound(r.upper()), r.level() * 100, r.p(),
        r.nBaseline(), r.nCandidate(), r.baselineMedian(), r.candidateMedian(), limit, r.against(limit));
  }

  private static String bound(double v) {
    return Double.isFinite(v) && v > 0 ? String.format(Locale.ROOT, "%.3f", v) : v > 0 ? "inf" : "0";
  }

  private static void requirePositive(String side, double[] v) {
    if (v.length == 0) {
      throw new IllegalArgumentException(side + ": no values; give at least one per side");
    }
    for (double x : v) {
      if (!(x > 0) || Double.isInfinite(x)) {
        throw new IllegalArgumentException(side + ": " + x + " is not a positive finite number");
      }
    }
  }

  static double[] parse(String side, String list) {
    try {
      return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .mapToDouble(Double::parseDouble).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(side + ": '" + list + "' is not a comma-separated list of numbers");
    }
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: ReplicateRatio LABEL BASELINE CANDIDATE LIMIT  (lists comma-separated, limit e.g. 1.10)");
      return 2;
    }
    try {
      double limit = Double.parseDouble(args[3]);
      if (!(limit > 0) || Double.isInfinite(limit)) {
        throw new IllegalArgumentException("limit: " + args[3] + " is not a positive ratio");
      }
      Result r = of(parse("baseline", args[1]), parse("candidate", args[2]), 1 - Options.DEFAULT_ALPHA);
      System.out.println(line(args[0], r, limit));
      return r.against(limit) == Verdict.PASS ? 0 : 1;
    } catch (NumberFormatException e) {
      System.err.println("ReplicateRatio: limit: '" + args[3] + "' is not a number; give a ratio such as 1.10");
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println("ReplicateRatio: " + e.getMessage());
      return 2;
    }
  }
}

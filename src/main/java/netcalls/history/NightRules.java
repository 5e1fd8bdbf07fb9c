package netcalls.history;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The nightly's two rules, in one place: which rounds the machine was too busy for, and which
 * nights may move the baseline (no ratchet: only a full, well-judged night does).
 */
public final class NightRules {
  /** Load above the cores by more than this, before a run, makes its round busy. */
  public static final double LOAD_MARGIN = 0.5;
  /** CPU time stolen by the hypervisor during a run, above this share, makes its round busy. */
  public static final double MAX_STEAL = 0.05;
  /** Fewest paired rounds for a PASS: one row alone among 10 gated passes BH at 0.05 only if 2^-n <= 0.005. */
  public static final int MIN_ROUNDS = 8;
  /** Verdicts that judged a row; any other one (noisy, not gated, too few, one side only, invalid) holds the baseline. */
  private static final Set<String> JUDGED = Set.of("~", "faster", "slower");

  private NightRules() {}

  /**
   * Why a run's round was busy, or null when it was not. The load is the 1-minute average read just
   * before the run (after it, the run's own threads are in it); steal is over the run.
   */
  public static String busy(double loadBefore, long stealTicks, long totalTicks, int cores) {
    if (loadBefore > cores + LOAD_MARGIN) {
      return String.format(Locale.ROOT, "load %.2f before the run, above %d cores + %.1f", loadBefore, cores, LOAD_MARGIN);
    }
    double steal = totalTicks > 0 ? (double) stealTicks / totalTicks : 0;
    if (steal > MAX_STEAL) {
      return String.format(Locale.ROOT, "%.1f %% of CPU time stolen during the run, above %.0f %%", 100 * steal,
          100 * MAX_STEAL);
    }
    return null;
  }

  /** A night's line kind and why. */
  public record Outcome(Night.Kind kind, String reason) {}

  /**
   * @param fullSubset     the default subset ran (no --bench): manual and subset runs never PASS
   * @param compared       rounds compared (busy ones left out)
   * @param compareExit    compare's exit code (1: a row is slower)
   * @param verdicts       each compared row's verdict label
   */
  public static Outcome night(boolean fullSubset, int compared, int compareExit, List<String> verdicts) {
    if (compareExit == 1) {
      return new Outcome(Night.Kind.REGRESSION, "at least one row is slower");
    }
    if (!fullSubset) {
      return new Outcome(Night.Kind.HOLD, "a manual or subset run (--bench) never moves the baseline");
    }
    if (compared < MIN_ROUNDS) {
      return new Outcome(Night.Kind.HOLD, compared + " rounds compared, fewer than the " + MIN_ROUNDS
          + " a lone row needs to be flagged");
    }
    long unjudged = verdicts.stream().filter(v -> !JUDGED.contains(v)).count();
    if (verdicts.isEmpty() || unjudged > 0) {
      return new Outcome(Night.Kind.HOLD, verdicts.isEmpty() ? "no row was compared"
          : unjudged + " of " + verdicts.size() + " rows got no verdict (noisy, too few, not gated, one side)");
    }
    return new Outcome(Night.Kind.PASS, null);
  }
}

package netcalls.history;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The nightly's two rules, in one place: which rounds the machine was too busy for, and which
 * nights may move the baseline (no ratchet: only a full, well-judged night does).
 */
public final class NightRules {
  /**
   * CPU that other processes used during a run, in cores on average, above which its round is busy: a quarter of
   * a core is ~12 % of this 2-core machine, where the run itself keeps both cores busy.
   */
  public static final double MAX_OTHERS_CORES = 0.25;
  /** CPU time stolen by the hypervisor during a run, above this share, makes its round busy. */
  public static final double MAX_STEAL = 0.05;
  /** Fewest paired rounds for a PASS: one row alone among 10 gated passes BH at 0.05 only if 2^-n <= 0.005. */
  public static final int MIN_ROUNDS = 8;
  /** Verdicts that judged a row; any other one (noisy, not gated, too few, one side only, invalid) holds the baseline. */
  private static final Set<String> JUDGED = Set.of("~", "faster", "slower");

  private NightRules() {}

  /**
   * Why a run's round was busy, or null when it was not: what the machine's CPUs did during the run (from
   * /proc/stat: idle, steal and total ticks over all CPUs) less what the run itself used ({@code ownCpuMs}, the
   * launcher and its forks, over {@code wallMs}), so the run's own load never makes its round busy; and the
   * share of CPU time the hypervisor stole.
   */
  public static String busy(long idleTicks, long stealTicks, long totalTicks, long ownCpuMs, long wallMs, int cores) {
    if (totalTicks <= 0 || wallMs <= 0) {
      return null; // nothing read: no evidence either way
    }
    double busyShare = (double) (totalTicks - idleTicks - stealTicks) / totalTicks;
    double ownShare = (double) ownCpuMs / ((double) wallMs * cores);
    double others = (busyShare - ownShare) * cores;
    if (others > MAX_OTHERS_CORES) {
      return String.format(Locale.ROOT, "other processes used %.2f cores during the run, above %.2f", others,
          MAX_OTHERS_CORES);
    }
    double steal = (double) stealTicks / totalTicks;
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

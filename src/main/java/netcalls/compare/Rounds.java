package netcalls.compare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rounds of paired runs: when both sides are lists of runs that interleave one for one in time (sorted by start,
 * every two neighbours are one baseline and one candidate run, in either order: ABAB or ABBA), each such
 * neighbouring pair is a round, and a row is tested on the rounds' ratios. The machine's drift between rounds then
 * cancels instead of counting as scatter.
 */
final class Rounds {
  private Rounds() {}

  /** One round: a baseline run and the candidate run next to it in time. */
  record Round(ComparedRun baseline, ComparedRun candidate) {}

  /**
   * The rounds, in time order; null when the sides do not interleave one for one (different counts, a single run
   * a side, a run without start or end, two runs starting at once, or neighbours from one side).
   */
  static List<Round> of(List<ComparedRun> base, List<ComparedRun> cand) {
    if (base.size() != cand.size() || base.size() < 2) {
      return null;
    }
    List<ComparedRun> all = new ArrayList<>(base);
    all.addAll(cand);
    if (all.stream().anyMatch(r -> r.start() == null || r.end() == null)) {
      return null;
    }
    all.sort(Comparator.comparing(ComparedRun::start));
    List<Round> rounds = new ArrayList<>();
    Instant previous = null;
    for (int i = 0; i < all.size(); i += 2) {
      ComparedRun a = all.get(i);
      ComparedRun b = all.get(i + 1);
      if ((previous != null && !a.start().isAfter(previous)) || !b.start().isAfter(a.start())) {
        return null; // starting at once: no order to pair by
      }
      previous = b.start();
      boolean aBase = base.contains(a);
      if (aBase == base.contains(b)) {
        return null;
      }
      rounds.add(aBase ? new Round(a, b) : new Round(b, a));
    }
    return rounds;
  }

  /**
   * Per round with the row on both sides, the baseline's and the candidate's value in {@code unit}: the median of
   * that run's steady forks (with -f 1, its one fork). Rounds where a run has no steady fork of the row are left
   * out. {@code [0]} baseline, {@code [1]} candidate; {@code [2]} and {@code [3]} the same for the p99s (NaN
   * outside sample mode).
   */
  static double[][] values(List<Round> rounds, Key k, String unit) {
    List<double[]> pairs = new ArrayList<>();
    for (Round r : rounds) {
      double[] b = value(r.baseline(), k, unit);
      double[] c = value(r.candidate(), k, unit);
      if (b != null && c != null) {
        pairs.add(new double[] {b[0], c[0], b[1], c[1]});
      }
    }
    double[][] out = new double[4][pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      for (int j = 0; j < 4; j++) {
        out[j][i] = pairs.get(i)[j];
      }
    }
    return out;
  }

  /** The run's center and tail of the row, or null when it has no steady, valid fork of it. */
  private static double[] value(ComparedRun run, Key k, String unit) {
    Series s = run.series().get(k);
    if (s == null || s.forks().isEmpty() || !s.invalid().isEmpty()) {
      return null;
    }
    double f = Verdicts.unitFactor(s.unit(), unit);
    if (Double.isNaN(f)) {
      return null;
    }
    return new double[] {Stats.median(s.centers(false)) * f, RowTests.medianOrNaN(s.tails(false)) * f};
  }
}

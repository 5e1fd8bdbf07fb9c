package netcalls.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One benchmark and parameter set as one or more runs measured it: its unit, JMH options and forks. A side
 * of a comparison pools the forks of all its runs.
 */
record Series(Key key, String unit, JmhOptions options, List<Fork> forks, List<String> sources, List<String> invalid,
    List<Fork> unsteady, List<String> unsteadyWhy) {

  /**
   * {@code invalid}: why replicates were left out because their load did not happen as asked (open-loop forks
   * that missed their rate or error budget); a series with any is not compared (docs/OPENLOOP.md).
   * {@code unsteady}: forks that reached no steady state or could not be checked, never replicates, with
   * {@code unsteadyWhy} naming each; {@code forks} holds only the steady ones.
   */
  Series(Key key, String unit, JmhOptions options, List<Fork> forks, List<String> sources, List<String> invalid) {
    this(key, unit, options, forks, sources, invalid, List.of(), List.of());
  }

  Series(Key key, String unit, JmhOptions options, List<Fork> forks, List<String> sources) {
    this(key, unit, options, forks, sources, List.of());
  }

  /**
   * One fork (one JVM), the unit of replication. {@code center} is the p50 of the fork's merged iteration
   * histograms in sample mode, else the mean of its iteration scores; {@code tail} is its p99 (NaN outside
   * sample mode). The per-iteration values stand in for forks when a side has only one. {@code samples}: the
   * fork's sample count (0 outside sample mode), which says whether its p99 is thin.
   */
  record Fork(double center, double tail, double[] iterationCenters, double[] iterationTails, long samples) {
    Fork(double center, double tail, double[] iterationCenters, double[] iterationTails) {
      this(center, tail, iterationCenters, iterationTails, 0);
    }
  }

  boolean sampled() {
    return !forks.isEmpty() && !Double.isNaN(forks.get(0).tail());
  }

  /**
   * The series of the forks' p99s: each fork's (and iteration's) tail as its center, so the tests of the center
   * run on the tails unchanged.
   */
  Series p99s() {
    return new Series(key, unit, options, tailsAsCenters(forks), sources, invalid, tailsAsCenters(unsteady),
        unsteadyWhy);
  }

  private static List<Fork> tailsAsCenters(List<Fork> forks) {
    List<Fork> out = new ArrayList<>();
    for (Fork f : forks) {
      out.add(new Fork(f.tail(), Double.NaN, f.iterationTails(), new double[f.iterationTails().length], f.samples()));
    }
    return out;
  }

  /** Whether any fork's p99 is thin (netcalls.run.ThinPercentile, the rule's owner). */
  boolean thinP99() {
    return forks.stream().anyMatch(f -> netcalls.run.ThinPercentile.thin(f.samples(), 99));
  }

  /** The fewest samples beyond the p99 of any of this series' forks (netcalls.run.ThinPercentile's count). */
  double fewestBeyondP99() {
    return forks.stream().mapToDouble(f -> netcalls.run.ThinPercentile.beyond(f.samples(), 99)).min()
        .orElse(0);
  }

  /** The same forks (steady, unsteady and invalid alike) under another key: an ignored parameter joins rows. */
  Series withKey(Key k) {
    return new Series(k, unit, options, forks, sources, invalid, unsteady, unsteadyWhy);
  }

  /** This series with the forks of {@code other} (same key) added. */
  Series pool(Series other) {
    List<Fork> all = new ArrayList<>(forks);
    all.addAll(other.forks);
    List<String> src = new ArrayList<>(sources);
    src.addAll(other.sources);
    List<String> bad = new ArrayList<>(invalid);
    bad.addAll(other.invalid);
    List<Fork> unsettled = new ArrayList<>(unsteady);
    unsettled.addAll(other.unsteady);
    List<String> why = new ArrayList<>(unsteadyWhy);
    why.addAll(other.unsteadyWhy);
    return new Series(key, unit, options, all, src, bad, unsettled, why);
  }

  /** The replicate values: one per fork, or one per iteration of every fork. */
  double[] centers(boolean iterations) {
    if (!iterations) {
      return forks.stream().mapToDouble(Fork::center).toArray();
    }
    return forks.stream().flatMapToDouble(f -> Arrays.stream(f.iterationCenters())).toArray();
  }

  /** As {@link #centers}, the p99s. */
  double[] tails(boolean iterations) {
    if (!iterations) {
      return forks.stream().mapToDouble(Fork::tail).toArray();
    }
    return forks.stream().flatMapToDouble(f -> Arrays.stream(f.iterationTails())).toArray();
  }

  /** This series with every value times {@code f}, now in {@code newUnit}. */
  Series scaled(double f, String newUnit) {
    return new Series(key, newUnit, options, scale(forks, f), sources, invalid, scale(unsteady, f), unsteadyWhy);
  }

  private static List<Fork> scale(List<Fork> forks, double f) {
    List<Fork> scaled = new ArrayList<>();
    for (Fork k : forks) {
      scaled.add(new Fork(k.center() * f, k.tail() * f, times(k.iterationCenters(), f), times(k.iterationTails(), f),
          k.samples()));
    }
    return scaled;
  }

  private static double[] times(double[] v, double f) {
    return Arrays.stream(v).map(x -> x * f).toArray();
  }
}

package netcalls.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark and parameter set as one or more runs measured it: its unit, JMH options and forks. A side
 * of a comparison pools the forks of all its runs.
 */
record Series(Key key, String unit, JmhOptions options, List<Fork> forks, List<String> sources) {

  /**
   * One fork (one JVM), the unit of replication. {@code center} is the p50 of the fork's merged iteration
   * histograms in sample mode, else the mean of its iteration scores; {@code tail} is its p99 (NaN outside
   * sample mode). The per-iteration values stand in for forks when a side has only one.
   */
  record Fork(double center, double tail, double[] iterationCenters, double[] iterationTails) {}

  boolean sampled() {
    return !forks.isEmpty() && !Double.isNaN(forks.get(0).tail());
  }

  /** This series with the forks of {@code other} (same key) added. */
  Series pool(Series other) {
    List<Fork> all = new ArrayList<>(forks);
    all.addAll(other.forks);
    List<String> src = new ArrayList<>(sources);
    src.addAll(other.sources);
    return new Series(key, unit, options, all, src);
  }
}

package netcalls.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netcalls.steady.SteadyState;
import netcalls.steady.Steadiness;
import org.openjdk.jmh.util.AbstractStatistics;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.MultisetStatistics;

/**
 * Cuts a result's primary metric to each fork's steady segment: every fork's measured iterations are
 * classified ({@link SteadyState}, on the iterations' medians, or their scores outside sample mode) and
 * only the steady segment is kept; the score, its error and the percentiles are computed again from what is
 * kept, with JMH's own statistics classes; when no fork was cut, JMH's numbers are kept as JMH wrote them.
 * Every reader of jmh.json (summary, compare, export, report) sees the cut metric, so all agree.
 */
public final class SteadySegments {
  /** An iteration median from fewer samples than this is too rough to classify a fork by. */
  public static final int MIN_SAMPLES_PER_ITERATION = 5;

  private SteadySegments() {}

  /** One fork: its class, the first measured iteration kept, and how many it had. */
  public record Fork(Steadiness steadiness, int steadyFrom, int iterations) {}

  /** The metric cut to the steady segments, with each fork's class in {@link JmhResults.Metric#forks()}. */
  static JmhResults.Metric cut(JmhResults.Metric m) {
    if (m.histogram() != null) {
      return cutHistogram(m);
    }
    if (m.raw() != null) {
      return cutScores(m);
    }
    return m;
  }

  private static JmhResults.Metric cutHistogram(JmhResults.Metric m) {
    List<Fork> forks = new ArrayList<>();
    List<List<JmhResults.Iteration>> kept = new ArrayList<>();
    MultisetStatistics all = new MultisetStatistics();
    long samples = 0;
    for (List<JmhResults.Iteration> fork : m.histogram()) {
      double[] medians = new double[fork.size()];
      long[] counts = new long[fork.size()];
      for (int i = 0; i < fork.size(); i++) {
        MultisetStatistics it = stats(fork.get(i));
        medians[i] = it.getN() == 0 ? Double.NaN : it.getPercentile(50);
        counts[i] = it.getN();
      }
      long[] sorted = counts.clone();
      java.util.Arrays.sort(sorted);
      Fork f = classify(medians, sorted.length > 0 && sorted[sorted.length / 2] >= MIN_SAMPLES_PER_ITERATION);
      forks.add(f);
      List<JmhResults.Iteration> steady = fork.subList(f.steadyFrom(), fork.size());
      kept.add(steady);
      for (JmhResults.Iteration it : steady) {
        for (int k = 0; k < it.values().length; k++) {
          if (it.counts()[k] > 0) {
            all.addValue(it.values()[k], it.counts()[k]);
            samples += it.counts()[k];
          }
        }
      }
    }
    if (all.getN() == 0 || forks.stream().allMatch(f -> f.steadyFrom() == 0)) {
      return withForks(m, forks); // nothing cut: JMH's numbers, as JMH wrote them
    }
    Map<String, Double> percentiles = new LinkedHashMap<>();
    for (String key : m.percentiles().keySet()) {
      percentiles.put(key, all.getPercentile(level(key)));
    }
    return new JmhResults.Metric(all.getMean(), error(all), ci(all)[0], ci(all)[1], percentiles, m.unit(), samples,
        kept, null, forks);
  }

  private static JmhResults.Metric cutScores(JmhResults.Metric m) {
    List<Fork> forks = new ArrayList<>();
    List<double[]> kept = new ArrayList<>();
    ListStatistics all = new ListStatistics();
    for (double[] fork : m.raw()) {
      Fork f = classify(fork, true); // an iteration score is a mean of many operations
      forks.add(f);
      double[] steady = java.util.Arrays.copyOfRange(fork, f.steadyFrom(), fork.length);
      kept.add(steady);
      for (double v : steady) {
        all.addValue(v);
      }
    }
    if (all.getN() == 0 || forks.stream().allMatch(f -> f.steadyFrom() == 0)) {
      return withForks(m, forks); // nothing cut: JMH's numbers, as JMH wrote them
    }
    return new JmhResults.Metric(all.getMean(), error(all), ci(all)[0], ci(all)[1], m.percentiles(), m.unit(),
        all.getN(), null, kept, forks);
  }

  /**
   * What people read about a result's forks: the class when all agree ("flat", "not checked"), else each
   * class with its count ("warmup 3, flat 2"); a fork with no steady state is always spelled out
   * ("no steady state in 1 of 5 forks; warmup 4").
   */
  public static String label(List<Fork> forks) {
    if (forks.isEmpty()) {
      return "";
    }
    Map<Steadiness, Integer> counts = new java.util.EnumMap<>(Steadiness.class);
    forks.forEach(f -> counts.merge(f.steadiness(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    Integer unsettled = counts.remove(Steadiness.no_steady_state);
    if (unsettled != null) {
      parts.add("no steady state in " + unsettled + " of " + forks.size() + " forks");
    }
    if (unsettled == null && counts.size() == 1) {
      return counts.keySet().iterator().next().label();
    }
    counts.forEach((s, n) -> parts.add(s.label() + " " + n));
    return String.join("; ", parts);
  }

  /** How many forks have a steady segment (the replicates compare may gate on). */
  public static long steadyForks(List<Fork> forks) {
    return forks.stream().filter(f -> f.steadiness().steady()).count();
  }

  /** A fork too thin to classify keeps all its iterations, labelled {@code not_checked}. */
  static Fork classify(double[] medians, boolean enoughSamples) {
    boolean thin = !enoughSamples;
    for (double v : medians) {
      if (!(v > 0) || Double.isInfinite(v)) {
        thin = true; // an empty or non-positive iteration: nothing to take a log of
      }
    }
    if (thin || medians.length < SteadyState.MIN_POINTS) {
      return new Fork(Steadiness.not_checked, 0, medians.length);
    }
    SteadyState.Result r = SteadyState.classify(medians);
    return new Fork(r.steadiness(), r.steadyFrom(), medians.length);
  }

  private static JmhResults.Metric withForks(JmhResults.Metric m, List<Fork> forks) {
    return new JmhResults.Metric(m.score(), m.error(), m.ciLower(), m.ciUpper(), m.percentiles(), m.unit(),
        m.sampleCount(), m.histogram(), m.raw(), forks);
  }

  private static MultisetStatistics stats(JmhResults.Iteration it) {
    MultisetStatistics s = new MultisetStatistics();
    for (int k = 0; k < it.values().length; k++) {
      if (it.counts()[k] > 0) {
        s.addValue(it.values()[k], it.counts()[k]);
      }
    }
    return s;
  }

  /** JMH's own interval: 99.9 %, Student's t over the kept samples (or iteration scores). */
  private static Double error(AbstractStatistics s) {
    return s.getN() > 2 ? s.getMeanErrorAt(0.999) : Double.NaN;
  }

  private static double[] ci(AbstractStatistics s) {
    return s.getN() > 2 ? s.getConfidenceIntervalAt(0.999) : new double[] {Double.NaN, Double.NaN};
  }

  /** p99_9 → 99.9; p0 → 0; p100 → 100. */
  static double level(String key) {
    return Double.parseDouble(key.substring(1).replace('_', '.'));
  }
}

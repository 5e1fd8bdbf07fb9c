package netcalls.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netcalls.read.JmhResults;
import netcalls.read.SteadySegments;
import netcalls.steady.Steadiness;
import netcalls.steady.SteadyState;
import netcalls.read.OpenLoopResult;
import netcalls.run.ThinPercentile;
import netcalls.read.Problems;
import netcalls.read.RunInfo;
import netcalls.read.RunReader;
import netcalls.read.Trial;
import netcalls.read.TrialSummary;
import netcalls.run.RunFolder;

/**
 * One run folder as compare sees it, read through {@link RunReader}: its id, testbed, the forks of each JMH
 * series and each trial's phase medians (one trial = one fork).
 */
record ComparedRun(Path dir, String runId, String gitCommit, java.time.Instant start, java.time.Instant end,
    Testbed testbed,
    Map<Key, Series> series, Map<Key, List<Map<String, Double>>> phases) {

  /** Reads a complete run; damaged parts that can be left out go to {@code errors}; an incomplete run is refused. */
  static ComparedRun read(Path dir, List<String> errors, List<String> warnings) throws CompareException {
    RunFolder run = RunFolder.of(dir);
    String incomplete = RunReader.incomplete(run);
    if (incomplete != null) {
      throw new CompareException(incomplete.replace(run.dir().toString(), dir.toString()));
    }
    List<String> fileErrors = new ArrayList<>();
    Problems problems = collect(fileErrors, warnings);
    Map<Key, Series> series = new LinkedHashMap<>();
    Map<Key, JmhOptions> openLoopOptions = new HashMap<>();
    boolean whole;
    try {
      whole = RunReader.jmhResults(run, problems, r -> {
        if (OpenLoopResult.isOpenLoop(r)) {
          // its score is one schedule's wall time, never compared: the forks' openloop/ files are
          openLoopOptions.put(Key.of(r.benchmark(), "", r.params()), options(r));
          return;
        }
        try {
          Series s = series(r, dir.resolve(RunFolder.JMH_JSON) + "#" + r.index());
          series.merge(s.key(), s, Series::pool);
        } catch (BadField e) {
          fileErrors.add(dir.resolve(RunFolder.JMH_JSON) + ": result #" + r.index() + " (line " + r.line() + "): "
              + e.getMessage() + "; this result is left out of the comparison: fix the file or re-run");
        }
      });
    } catch (IOException e) {
      throw new CompareException(run.jmhJson() + ": cannot be read (" + e.getMessage() + ")");
    }
    if (!whole) {
      throw new CompareException(fileErrors.isEmpty() ? run.jmhJson() + ": incomplete" : fileErrors.get(0));
    }
    errors.addAll(fileErrors);
    openLoop(RunReader.openLoop(run, problems), openLoopOptions).forEach(s -> series.merge(s.key(), s, Series::pool));
    RunInfo info = RunReader.runInfo(run, collect(errors, warnings));
    Testbed testbed = new Testbed(blankToNull(info.cpuModel()), info.cores() == null ? null : info.cores().intValue(),
        blankToNull(info.kernel()), blankToNull(info.jdk()), blankToNull(info.clients()));
    return new ComparedRun(dir, info.runId(), blankToNull(info.gitCommit()), info.start(), info.end(), testbed, series,
        phases(run, errors, warnings));
  }

  /**
   * This run with the parameters in {@code drop} taken out of every key, so that results differing only in them
   * pool into one series (their forks added), e.g. {@code trace} when one side ran trace=on and the other off.
   */
  ComparedRun withoutParams(java.util.Set<String> drop) {
    return drop.isEmpty() ? this : rekeyed(k -> k.without(drop));
  }

  /** This run without, per benchmark, the parameters in {@code drop} (a parameter one side predates). */
  ComparedRun withoutParams(Map<String, java.util.Set<String>> drop) {
    return drop.isEmpty() ? this : rekeyed(k -> k.without(drop.getOrDefault(k.benchmark(), java.util.Set.of())));
  }

  /** This run's series and phases under new keys, series that meet under one key pooled. */
  private ComparedRun rekeyed(java.util.function.UnaryOperator<Key> rekey) {
    Map<Key, Series> s = new LinkedHashMap<>();
    series.forEach((k, v) -> {
      Key kept = rekey.apply(k);
      s.merge(kept, v.withKey(kept), Series::pool);
    });
    Map<Key, List<Map<String, Double>>> p = new HashMap<>();
    phases.forEach((k, v) -> p.computeIfAbsent(rekey.apply(k), x -> new ArrayList<>()).addAll(v));
    return new ComparedRun(dir, runId, gitCommit, start, end, testbed, s, p);
  }

  /** Whether any result of this run has the parameter {@code name}. */
  boolean hasParam(String name) {
    return series.keySet().stream().anyMatch(k -> k.params().containsKey(name));
  }

  private static Problems collect(List<String> errors, List<String> warnings) {
    return new Problems() {
      @Override
      public void error(String message) {
        errors.add(message);
      }

      @Override
      public void warn(String message) {
        warnings.add(message);
      }
    };
  }

  /** A field of one result that cannot be compared. */
  static final class BadField extends Exception {
    private static final long serialVersionUID = 1L;

    BadField(String field, String message) {
      super("field " + field + ": " + message);
    }
  }

  /** The forks of one JMH result: per fork its p50 and p99 (sample mode) or mean score, and per iteration the same. */
  static Series series(JmhResults.Result r, String source) throws BadField {
    Key key = Key.of(r.benchmark(), r.mode() == null ? "" : r.mode(), r.params());
    JmhResults.Metric pm = r.primary();
    String unit = pm.unit() == null ? "" : pm.unit();
    if (unit.isEmpty()) {
      throw new BadField("primaryMetric.scoreUnit", "missing");
    }
    JmhOptions options = options(r);
    List<Series.Fork> forks = pm.histogram() != null ? histogramForks(pm.histogram()) : scoreForks(pm.raw());
    if (forks.isEmpty()) {
      throw new BadField(pm.histogram() != null ? "primaryMetric.rawDataHistogram" : "primaryMetric.rawData",
          "missing or empty: no fork to compare");
    }
    // only forks with a steady segment are replicates; the others are kept apart, named, and never gated
    List<Series.Fork> steady = new ArrayList<>();
    List<Series.Fork> unsteady = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (int i = 0; i < forks.size(); i++) {
      SteadySegments.Fork f = i < pm.forks().size() ? pm.forks().get(i) : null;
      if (f == null || f.steadiness().steady()) {
        steady.add(forks.get(i));
      } else {
        unsteady.add(forks.get(i));
        why.add("fork " + (i + 1) + " of " + source + ": " + f.steadiness().label()
            + (f.steadiness() == Steadiness.not_checked ? " (" + f.iterations() + " iterations; the check needs "
                + SteadyState.MIN_POINTS + " of " + SteadySegments.MIN_SAMPLES_PER_ITERATION + "+ samples: -i "
                + SteadyState.MIN_POINTS + " or more)" : ""));
      }
    }
    return new Series(key, unit, options, steady, List.of(source), List.of(), unsteady, why);
  }

  private static JmhOptions options(JmhResults.Result r) {
    JmhResults.Options o = r.options();
    return new JmhOptions(o.warmupIterations(), o.warmupTime(), o.warmupBatchSize(), o.measurementIterations(),
        o.measurementTime(), o.measurementBatchSize(), o.threads());
  }

  /** The open-loop rows compared: corrected p50 and p99, µs, lower is better (docs/OPENLOOP.md). */
  static final Map<String, String> OPEN_LOOP_ROWS = Map.of("corrected p50", "p50", "corrected p99", "p99");

  /**
   * Open-loop series: one replicate per fork (its openloop/ JSON: the fork's measured iterations merged), one
   * series per compared percentile, keyed by the percentile in place of the mode. A fork whose load did not
   * happen as asked is no replicate: it is named in the series' {@code invalid}, which makes the row invalid.
   */
  static List<Series> openLoop(List<OpenLoopResult> results, Map<Key, JmhOptions> options) {
    Map<Key, Series> out = new java.util.TreeMap<>();
    JmhOptions unknown = new JmhOptions(null, null, null, null, null, null, null);
    for (OpenLoopResult r : results) {
      JmhOptions o = options.getOrDefault(Key.of(r.benchmark(), "", r.params()), unknown);
      for (Map.Entry<String, String> row : new TreeMap<>(OPEN_LOOP_ROWS).entrySet()) {
        Key key = Key.of(r.benchmark(), row.getKey(), r.params());
        List<Series.Fork> forks = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        String notFact = notAFact(r, row.getValue());
        if (notFact != null) {
          // never gated: a thin or survivors-only percentile is no fact to decide on (its value stays shown)
          invalid.add("fork " + r.file() + ": " + notFact);
        }
        if (r.valid()) {
          double v = r.corrected().get(row.getValue());
          forks.add(new Series.Fork(v, Double.NaN, new double[] {v}, new double[] {Double.NaN}));
        } else {
          invalid.add("fork " + r.file() + ": " + r.noLatencyBecause());
        }
        Series s = new Series(key, "us/op", o, forks, List.of(r.file().toString()), invalid);
        out.merge(key, s, Series::pool);
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Why corrected percentile {@code label} of a valid fork is no fact to gate on, or null when it is one. */
  static String notAFact(OpenLoopResult r, String label) {
    if (!r.valid()) {
      return null;
    }
    if (r.isThin(label)) {
      return label + " rests on fewer than " + ThinPercentile.MIN_BEYOND + " of its " + r.scheduled()
          + " requests (thin): run longer or at a higher rate";
    }
    if (!r.countsFailures() && r.failed() > 0) {
      return label + " leaves out its " + r.failed() + " failed requests (file written before failures were"
          + " counted): re-run the trial";
    }
    return null;
  }

  private static List<Series.Fork> histogramForks(List<List<JmhResults.Iteration>> raw) throws BadField {
    List<Series.Fork> forks = new ArrayList<>();
    String f = "primaryMetric.rawDataHistogram";
    for (int fi = 0; fi < raw.size(); fi++) {
      List<JmhResults.Iteration> fork = raw.get(fi);
      TreeMap<Double, Long> merged = new TreeMap<>();
      double[] itCenters = new double[fork.size()];
      double[] itTails = new double[fork.size()];
      for (int ii = 0; ii < fork.size(); ii++) {
        TreeMap<Double, Long> it = new TreeMap<>();
        JmhResults.Iteration h = fork.get(ii);
        for (int k = 0; k < h.values().length; k++) {
          double v = h.values()[k];
          long c = h.counts()[k];
          if (c < 0 || !(v > 0) || Double.isInfinite(v)) {
            throw new BadField(f + "[" + fi + "][" + ii + "]", "a value must be positive and a count a whole number");
          }
          it.merge(v, c, Long::sum);
          merged.merge(v, c, Long::sum);
        }
        if (it.isEmpty()) {
          throw new BadField(f + "[" + fi + "][" + ii + "]", "an iteration without samples");
        }
        itCenters[ii] = quantile(it, 0.5);
        itTails[ii] = quantile(it, 0.99);
      }
      if (merged.isEmpty()) {
        throw new BadField(f + "[" + fi + "]", "a fork without iterations");
      }
      long samples = merged.values().stream().mapToLong(Long::longValue).sum();
      forks.add(new Series.Fork(quantile(merged, 0.5), quantile(merged, 0.99), itCenters, itTails, samples));
    }
    return forks;
  }

  /** Other modes: [fork][iteration] scores; a fork's value is its mean. */
  private static List<Series.Fork> scoreForks(List<double[]> raw) throws BadField {
    List<Series.Fork> forks = new ArrayList<>();
    if (raw == null) {
      return forks;
    }
    for (int fi = 0; fi < raw.size(); fi++) {
      double[] its = raw.get(fi);
      double sum = 0;
      for (int ii = 0; ii < its.length; ii++) {
        if (!(its[ii] > 0) || Double.isInfinite(its[ii])) {
          throw new BadField("primaryMetric.rawData[" + fi + "][" + ii + "]", "a score must be positive and finite,"
              + " found " + its[ii]);
        }
        sum += its[ii];
      }
      if (its.length == 0) {
        throw new BadField("primaryMetric.rawData[" + fi + "]", "a fork without iterations");
      }
      double[] nan = new double[its.length];
      java.util.Arrays.fill(nan, Double.NaN);
      forks.add(new Series.Fork(sum / its.length, Double.NaN, its.clone(), nan));
    }
    return forks;
  }

  private static double quantile(TreeMap<Double, Long> h, double q) {
    double[] values = new double[h.size()];
    long[] counts = new long[h.size()];
    int i = 0;
    for (Map.Entry<Double, Long> e : h.entrySet()) {
      values[i] = e.getKey();
      counts[i++] = e.getValue();
    }
    return Stats.quantile(values, counts, q);
  }

  /**
   * Per key, one map per trial of phase name to median nanoseconds: the trial's digest when its JSON has one
   * (computed from every sample), else its CSV summarised by {@link TrialSummary}.
   */
  private static Map<Key, List<Map<String, Double>>> phases(RunFolder run, List<String> errors, List<String> warnings) {
    Map<Key, List<Map<String, Double>>> out = new HashMap<>();
    Problems problems = collect(errors, warnings);
    List<Trial> trials;
    try {
      trials = RunReader.trials(run, problems);
    } catch (IOException e) {
      errors.add(run.samples() + ": cannot be listed (" + e.getMessage() + "); phases are not compared for this run");
      return out;
    }
    for (Trial t : trials) {
      // from the samples, leg by leg: a pair's legs a and b (20 and 30 ms by default) pooled would describe neither
      Map<String, Double> m = new LinkedHashMap<>();
      try {
        TrialSummary.of(t, problems).byLeg().forEach((leg, phases) -> {
          if (!leg.equals("pair")) {
            phases.forEach((phase, st) -> m.put(legPhase(leg, phase), (double) st.p50()));
          }
        });
      } catch (IOException e) {
        errors.add(t.csv() + ": cannot be read (" + e.getMessage() + "); its phases are left out of the comparison");
        continue;
      }
      if (m.isEmpty() && !t.cut()) { // no sample rows: the trial's own digest (of all its samples), if it has one
        t.digestMedians().forEach((k, v) -> m.put(k, v.doubleValue()));
      }
      if (!m.isEmpty()) {
        out.computeIfAbsent(Key.of(t.benchmark(), t.mode() == null ? "" : t.mode(), t.params()),
            k -> new ArrayList<>()).add(m);
      }
    }
    return out;
  }

  /** The name a phase is compared under: {@code waiting}, or {@code waiting (leg b)} for one leg of a pair. */
  static String legPhase(String leg, String phase) {
    return leg.equals("none") ? phase : phase + " (leg " + leg + ")";
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

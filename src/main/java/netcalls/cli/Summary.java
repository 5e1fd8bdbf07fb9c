package netcalls.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netcalls.read.JmhResults;
import netcalls.read.SteadySegments;
import netcalls.read.Warmups;
import netcalls.steady.Steadiness;
import netcalls.read.OpenLoopResult;
import netcalls.run.ThinPercentile;
import netcalls.read.Problems;
import netcalls.read.RunReader;
import netcalls.read.Trial;
import netcalls.read.TrialSummary;
import netcalls.run.RunFolder;

/**
 * The tables printed after a run, made from the run folder alone through the exporter's readers
 * (jmh.json, the trials and their samples), so {@code summary RUN_DIR} prints the same for any
 * earlier run. Phase numbers come from {@link TrialSummary}, the same numbers the export writes as
 * {@code netcalls_phase}.
 */
final class Summary {
  private static final List<String> KEYS = List.of("client", "strategy", "scheme");
  private static final int PROBLEMS_SHOWN = 5;

  private Summary() {}

  /** Collects what could not be read, to say so under the tables. */
  static String render(Path runDir) throws IOException {
    RunFolder run = RunFolder.of(runDir);
    Problems.Errors problems = new Problems.Errors();
    List<JmhResults.Result> results = new ArrayList<>();
    RunReader.jmhResults(run, problems, results::add);
    StringBuilder s = new StringBuilder();
    netcalls.read.Profile profile = netcalls.read.Profile.of(run);
    if (profile != null) {
      s.append("PROFILED: ").append(profile.describe()).append("\n\n");
    }
    latency(s, results);
    warmups(s, Warmups.read(run, problems));
    openLoop(s, RunReader.openLoop(run, problems));
    List<Trial> trials = RunReader.trials(run, problems);
    List<TrialSummary> summaries = new ArrayList<>();
    for (Trial t : trials) {
      summaries.add(TrialSummary.of(t, problems));
    }
    phases(s, trials, summaries);
    CostTable.append(s, netcalls.read.CallCost.readAll(run, problems));
    live(s, trials);
    if (!problems.list().isEmpty()) {
      s.append("\nNot read (").append(problems.list().size()).append("; `export` names them all):\n");
      problems.list().stream().limit(PROBLEMS_SHOWN).forEach(e -> s.append("  ").append(e).append('\n'));
    }
    return s.toString();
  }

  /**
   * Percentiles of each fork's steady segment ({@link SteadySegments}), one line per benchmark and parameter set,
   * with how the forks settled. The open-loop benchmark's score is the wall time of one schedule run, not a
   * latency: it is left out here and shown by {@link #openLoop}.
   */
  static void latency(StringBuilder s, List<JmhResults.Result> results) {
    Table t = new Table("benchmark", "client", "strategy", "scheme", "params", "unit", "p50", "p90", "p99", "samples",
        "steady state");
    int unsettled = 0;
    int unchecked = 0;
    int shown = 0;
    boolean anyThin = false;
    for (JmhResults.Result r : results) {
      if (OpenLoopResult.isOpenLoop(r)) {
        continue;
      }
      shown++;
      JmhResults.Metric m = r.primary();
      // a percentile of n samples with fewer than ThinPercentile.MIN_BEYOND beyond it is marked, not printed as a fact
      long n = "sample".equals(r.mode()) ? m.sampleCount() : -1;
      String[] pcts = new String[3];
      double[] levels = {50, 90, 99};
      for (int i = 0; i < 3; i++) {
        String v = num(m.percentiles().get("p" + (int) levels[i]));
        boolean thin = n >= 0 && !v.isEmpty() && ThinPercentile.thin(n, levels[i]);
        anyThin |= thin;
        pcts[i] = thin ? ThinPercentile.MARK + v : v;
      }
      t.row(shortName(r.benchmark()), param(r.params(), "client"), param(r.params(), "strategy"),
          param(r.params(), "scheme"), otherParams(r.params()), m.unit() == null ? "" : m.unit(),
          pcts[0], pcts[1], pcts[2], n >= 0 ? String.valueOf(n) : "", SteadySegments.label(m.forks()));
      if (m.forks().stream().anyMatch(f -> f.steadiness() == Steadiness.no_steady_state)) {
        unsettled++;
      } else if (m.forks().stream().anyMatch(f -> f.steadiness() == Steadiness.not_checked)) {
        unchecked++;
      }
    }
    s.append("Latency per operation (JMH samples of each fork's steady segment, all forks' samples merged into one"
        + " distribution, never per-fork percentiles averaged; ").append(shown).append(" results");
    if (shown < results.size()) {
      s.append("; ").append(results.size() - shown).append(" open-loop result(s) below: their JMH score is a wall time");
    }
    s.append(")\n");
    if (shown > 0 || results.isEmpty()) {
      t.render(s);
    }
    if (anyThin) {
      s.append('\n').append(ThinPercentile.MARK).append(": a percentile resting on fewer than ").append(ThinPercentile.MIN_BEYOND)
          .append(" samples beyond it, a guess rather than a measurement (run longer for it)\n");
    }
    if (unsettled + unchecked > 0) {
      s.append('\n');
    }
    if (unsettled > 0) {
      s.append(unsettled).append(" result(s) with forks that reached no steady state: their numbers are the whole"
          + " measurement, and compare does not gate those forks\n");
    }
    if (unchecked > 0) {
      s.append(unchecked).append(" result(s) whose steady state was not checked (fewer than ")
          .append(netcalls.steady.SteadyState.MIN_POINTS).append(" iterations of ")
          .append(SteadySegments.MIN_SAMPLES_PER_ITERATION)
          .append("+ samples): their numbers are the whole measurement, never gated\n");
    }
  }

  /**
   * One line per open-loop trial (one fork): intended vs achieved rate, corrected and uncorrected percentiles in
   * µs, failures, timeouts and CPU; a trial whose load did not happen shows no latency and says why.
   */
  static void openLoop(StringBuilder s, List<OpenLoopResult> results) {
    if (results.isEmpty()) {
      return;
    }
    Table t = new Table("benchmark", "client", "strategy", "scheme", "params", "rate/s", "achieved/s", "corr p50",
        "corr p99", "corr p99.9", "corr max", "uncorr p50", "uncorr p99", "gen floor", "failed", "timeouts", "cores");
    List<String> notes = new ArrayList<>();
    boolean anyThin = false;
    boolean anySurvivors = false;
    for (OpenLoopResult r : results) {
      Map<String, String> params = r.params();
      Map<String, Double> c = r.corrected();
      Map<String, Double> u = r.uncorrected();
      String none = "-";
      for (String p : List.of("p50", "p99", "p99.9")) {
        anyThin |= c != null && r.isThin(p);
      }
      anySurvivors |= c != null && !r.countsFailures() && r.failed() > 0;
      t.row(shortName(r.benchmark()), param(params, "client"), param(params, "strategy"), param(params, "scheme"),
          otherParams(params, "rate"), num(r.intendedRate()), num(r.achievedRate()),
          corrected(r, "p50"), corrected(r, "p99"), corrected(r, "p99.9"), c == null ? none : num(c.get("max")),
          u == null ? none : num(u.get("p50")), u == null ? none : num(u.get("p99")),
          r.generatorFloorUs() == null ? none : num(r.generatorFloorUs()), String.valueOf(r.failed()),
          String.valueOf(r.timeouts()), String.format(Locale.ROOT, "%.2f", r.coresUsed()));
      if (!r.valid()) {
        notes.add(r.name() + " (" + param(params, "client") + " " + param(params, "strategy") + " rate="
            + param(params, "rate") + "): " + r.noLatencyBecause());
      }
    }
    t.rows.sort(Table.BY_CELLS);
    s.append("\nOpen loop, one line per fork: latency in µs from the intended start (corr: every scheduled request,"
        + " a failed, unsent or unfinished one at the time it was given up) and from the actual send (uncorr: the"
        + " completed ones); gen floor: the generator's median send lag, part of every corr value; cores: this"
        + " JVM's CPU over the run (docs/OPENLOOP.md)\n");
    t.render(s);
    if (anyThin) {
      s.append("  ").append(ThinPercentile.MARK).append(": a percentile resting on fewer than ")
          .append(ThinPercentile.MIN_BEYOND).append(" requests beyond it, a guess rather than a measurement\n");
    }
    if (anySurvivors) {
      s.append("  some forks were written before failures were counted: their corr percentiles are of the"
          + " completed requests only (re-run them)\n");
    }
    notes.stream().sorted().forEach(n -> s.append("  ").append(n).append('\n'));
  }

  /** A corrected percentile, marked {@link ThinPercentile#MARK} when thin; "-" without latency. */
  private static String corrected(OpenLoopResult r, String label) {
    if (r.corrected() == null) {
      return "-";
    }
    String v = num(r.corrected().get(label));
    return r.isThin(label) ? ThinPercentile.MARK + v : v;
  }

  /** Per trial and leg: p50/p99 of each phase, with failures by exception class. */
  static void phases(StringBuilder s, List<Trial> trials, List<TrialSummary> summaries) {
    List<String> header = new ArrayList<>(List.of("benchmark", "client", "strategy", "scheme", "params", "leg",
        "calls", "reused"));
    for (String p : TrialSummary.PHASES) {
      header.add(p.equals("tls_handshaking") ? "tls" : p);
    }
    Table t = new Table(header.toArray(new String[0]));
    Table failures = new Table("benchmark", "client", "params", "exception <- root cause", "count");
    long dropped = 0;
    for (int i = 0; i < trials.size(); i++) {
      Trial trial = trials.get(i);
      TrialSummary sum = summaries.get(i);
      Map<String, String> params = trial.params();
      String name = shortName(trial.benchmark());
      for (Map.Entry<String, Map<String, TrialSummary.Stats>> leg : sum.byLeg().entrySet()) {
        Map<String, TrialSummary.Stats> phases = leg.getValue();
        long known = sum.reusedKnown(leg.getKey());
        List<String> row = new ArrayList<>(List.of(name, param(params, "client"), param(params, "strategy"),
            param(params, "scheme"), otherParams(params), leg.getKey().equals("none") ? "" : leg.getKey(),
            String.valueOf(phases.get("duration").count()),
            leg.getKey().equals("pair") ? "" : known == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.0f%%", 100.0 * sum.reused(leg.getKey()) / known)));
        for (String p : TrialSummary.PHASES) {
          row.add(p50p99(phases.get(p)));
        }
        t.row(row.toArray(new String[0]));
      }
      sum.failures().forEach((k, n) -> failures.row(name, param(params, "client"), otherParams(params), k,
          String.valueOf(n)));
      dropped += trial.dropped();
    }
    t.rows.sort(Table.BY_CELLS);
    failures.rows.sort(Table.BY_CELLS);
    s.append("\nPhases per leg, p50/p99 µs of traced calls (blank: phase absent or not visible to the client;"
        + " leg pair: the paired operation's total)\n");
    t.render(s);
    if (!failures.rows.isEmpty()) {
      s.append("\nFailures by exception class\n");
      failures.render(s);
    }
    s.append("\nSamples dropped past the cap: ").append(dropped).append('\n');
  }

  /** What live mode sent, when it was on: UDP does not confirm, so sent is all that can be said. */
  static void live(StringBuilder s, List<Trial> trials) {
    long lines = 0;
    long datagrams = 0;
    long notSent = 0;
    long recorded = 0;
    String target = null;
    for (Trial t : trials) {
      if (t.live() != null) {
        lines += t.live().lines();
        datagrams += t.live().datagrams();
        notSent += t.live().notSent();
        recorded += t.recorded();
        target = t.live().target();
      }
    }
    if (target != null) {
      s.append("Live mode: ").append(lines).append(" lines sent to ").append(target)
          .append(datagrams > 0 ? " in " + datagrams + " datagrams" : "").append(", ").append(notSent)
          .append(" not sent, for ").append(recorded).append(" recorded samples (netcalls_request and netcalls_pair"
          + " lines; neither UDP nor TCP confirms delivery: points.lp is the record)\n");
    }
  }

  /**
   * One line on how the trials' warm-ups until steady went (warmup/), naming those the cap stopped while they were
   * still getting faster: their first measured iterations may still be warm-up, which the steady segment then cuts.
   */
  static void warmups(StringBuilder s, List<Warmups.Warmup> warmups) {
    if (warmups.isEmpty()) {
      return;
    }
    List<Warmups.Warmup> capped = warmups.stream().filter(w -> !w.converged() && w.calls() > 0).toList();
    double[] secs = warmups.stream().mapToDouble(w -> w.elapsedMs() / 1000.0).sorted().toArray();
    s.append(String.format(java.util.Locale.ROOT, "%nWarm-up at setup: %d of %d trials steady before the cap"
        + " (median %.1f s, longest %.1f s)", warmups.size() - capped.size() - offCount(warmups), warmups.size(),
        secs[secs.length / 2], secs[secs.length - 1]));
    if (offCount(warmups) > 0) {
      s.append("; ").append(offCount(warmups)).append(" with the warm-up off (--warmup-cap-ms 0)");
    }
    if (!capped.isEmpty()) {
      s.append("; still getting faster at the cap: ");
      s.append(String.join(", ", capped.stream().limit(PROBLEMS_SHOWN).map(w -> shortName(w.benchmark()) + " "
          + param(w.params(), "client") + " " + param(w.params(), "strategy") + " " + param(w.params(), "scheme"))
          .toList()));
      if (capped.size() > PROBLEMS_SHOWN) {
        s.append(" and ").append(capped.size() - PROBLEMS_SHOWN).append(" more");
      }
    }
    s.append('\n');
  }

  private static long offCount(List<Warmups.Warmup> warmups) {
    return warmups.stream().filter(w -> w.calls() == 0).count();
  }

  private static String shortName(String benchmark) {
    int last = benchmark.lastIndexOf('.');
    int prev = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
    return benchmark.substring(prev + 1);
  }

  private static String param(Map<String, String> params, String key) {
    return params.getOrDefault(key, "");
  }

  private static String otherParams(Map<String, String> params, String... alsoLeftOut) {
    List<String> kv = new ArrayList<>();
    List<String> out = List.of(alsoLeftOut);
    params.forEach((k, v) -> {
      if (!KEYS.contains(k) && !out.contains(k)) {
        kv.add(k + "=" + v);
      }
    });
    return String.join(" ", kv);
  }

  private static String num(Double v) {
    if (v == null) {
      return "";
    }
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(v);
  }

  private static String p50p99(TrialSummary.Stats st) {
    return st == null ? "" : String.format(Locale.ROOT, "%.1f/%.1f", st.p50() / 1000.0, st.p99() / 1000.0);
  }

  /** A plain text table with columns sized to their widest cell. */
  static final class Table {
    /** Row order that does not depend on trial file names (which carry process ids). */
    static final java.util.Comparator<String[]> BY_CELLS = (a, b) -> java.util.Arrays.compare(a, b);

    final String[] header;
    final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      this.header = header;
    }

    void row(String... cells) {
      rows.add(cells);
    }

    void render(StringBuilder s) {
      int[] w = new int[header.length];
      for (int i = 0; i < header.length; i++) {
        w[i] = header[i].length();
        for (String[] r : rows) {
          w[i] = Math.max(w[i], r[i].length());
        }
      }
      line(s, header, w);
      for (String[] r : rows) {
        line(s, r, w);
      }
    }

    private static void line(StringBuilder s, String[] cells, int[] w) {
      StringBuilder l = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        l.append(String.format(Locale.ROOT, "%-" + w[i] + "s", cells[i]));
        if (i < cells.length - 1) {
          l.append("  ");
        }
      }
      s.append(l.toString().stripTrailing()).append('\n');
    }
  }
}

package netcalls.cli;

import static netcalls.cli.Cells.num;
import static netcalls.cli.Cells.otherParams;
import static netcalls.cli.Cells.param;
import static netcalls.cli.Cells.shortName;

import java.util.List;
import netcalls.read.JmhResults;
import netcalls.read.OpenLoopResult;
import netcalls.read.SteadySegments;
import netcalls.run.ThinPercentile;
import netcalls.steady.Steadiness;
import netcalls.steady.SteadyState;

/**
 * Percentiles of each fork's steady segment ({@link SteadySegments}), one line per benchmark and parameter set,
 * with how the forks settled. The open-loop benchmark's score is the wall time of one schedule run, not a
 * latency: it is left out here and shown by {@link OpenLoopTable}.
 */
final class LatencyTable {
  private static final double[] LEVELS = {50, 90, 99};

  private LatencyTable() {}

  static void append(StringBuilder s, List<JmhResults.Result> results) {
    TextTable t = new TextTable("benchmark", "client", "strategy", "scheme", "params", "unit", "p50", "p90", "p99",
        "samples", "steady state");
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
      String[] pcts = new String[LEVELS.length];
      for (int i = 0; i < LEVELS.length; i++) {
        String v = num(m.percentiles().get("p" + (int) LEVELS[i]));
        boolean thin = n >= 0 && !v.isEmpty() && ThinPercentile.thin(n, LEVELS[i]);
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
    notes(s, anyThin, unsettled, unchecked);
  }

  private static void notes(StringBuilder s, boolean anyThin, int unsettled, int unchecked) {
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
          .append(SteadyState.MIN_POINTS).append(" iterations of ")
          .append(SteadySegments.MIN_SAMPLES_PER_ITERATION)
          .append("+ samples): their numbers are the whole measurement, never gated\n");
    }
  }
}

package netcalls.cli;

import static netcalls.cli.Cells.num;
import static netcalls.cli.Cells.otherParams;
import static netcalls.cli.Cells.param;
import static netcalls.cli.Cells.shortName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netcalls.read.OpenLoopResult;
import netcalls.run.ThinPercentile;

/**
 * One line per open-loop trial (one fork): intended vs achieved rate, corrected and uncorrected percentiles in
 * µs, failures, timeouts and CPU; a trial whose load did not happen shows no latency and says why.
 */
final class OpenLoopTable {
  private static final String NONE = "-";

  private OpenLoopTable() {}

  static void append(StringBuilder s, List<OpenLoopResult> results) {
    if (results.isEmpty()) {
      return;
    }
    TextTable t = new TextTable("benchmark", "client", "strategy", "scheme", "params", "rate/s", "achieved/s",
        "corr p50", "corr p99", "corr p99.9", "corr max", "uncorr p50", "uncorr p99", "gen floor", "failed",
        "timeouts", "cores");
    List<String> notes = new ArrayList<>();
    boolean anyThin = false;
    boolean anySurvivors = false;
    for (OpenLoopResult r : results) {
      Map<String, String> params = r.params();
      Map<String, Double> c = r.corrected();
      Map<String, Double> u = r.uncorrected();
      for (String p : List.of("p50", "p99", "p99.9")) {
        anyThin |= c != null && r.isThin(p);
      }
      anySurvivors |= c != null && !r.countsFailures() && r.failed() > 0;
      t.row(shortName(r.benchmark()), param(params, "client"), param(params, "strategy"), param(params, "scheme"),
          otherParams(params, "rate"), num(r.intendedRate()), num(r.achievedRate()),
          corrected(r, "p50"), corrected(r, "p99"), corrected(r, "p99.9"), c == null ? NONE : num(c.get("max")),
          u == null ? NONE : num(u.get("p50")), u == null ? NONE : num(u.get("p99")),
          r.generatorFloorUs() == null ? NONE : num(r.generatorFloorUs()), String.valueOf(r.failed()),
          String.valueOf(r.timeouts()), String.format(Locale.ROOT, "%.2f", r.coresUsed()));
      if (!r.valid()) {
        notes.add(r.name() + " (" + param(params, "client") + " " + param(params, "strategy") + " rate="
            + param(params, "rate") + "): " + r.noLatencyBecause());
      }
    }
    t.sortByCells();
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
      return NONE;
    }
    String v = num(r.corrected().get(label));
    return r.isThin(label) ? ThinPercentile.MARK + v : v;
  }
}

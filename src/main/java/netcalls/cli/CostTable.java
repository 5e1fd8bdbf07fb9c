package netcalls.cli;

import static netcalls.cli.Cells.otherParams;
import static netcalls.cli.Cells.param;
import static netcalls.cli.Cells.shortName;
import static netcalls.run.TrialJson.COST_CLIENT;
import static netcalls.run.TrialJson.COST_REST;
import static netcalls.run.TrialJson.COST_SERVER;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import netcalls.read.CallCost;

/** The summary's cost per call: one line per benchmark × parameter set, the median of its forks. */
final class CostTable {
  private CostTable() {}

  static void append(StringBuilder s, List<CallCost> costs) {
    if (costs.isEmpty()) {
      return;
    }
    TextTable t = new TextTable("benchmark", "client", "strategy", "scheme", "params", "forks",
        "alloc B client", "server", "rest", "cpu µs client", "server", "rest", "cpu µs JVM", "threads ended");
    long ended = 0;
    for (List<CallCost> forks : CallCost.byKey(costs).values()) {
      CallCost first = forks.get(0);
      Map<String, String> p = first.params();
      long threads = forks.stream().mapToLong(CallCost::threadsEnded).sum();
      ended += threads;
      t.row(shortName(first.benchmark()), param(p, "client"), param(p, "strategy"), param(p, "scheme"),
          otherParams(p), String.valueOf(forks.size()),
          bytes(CallCost.median(forks, c -> c.allocPerCall().get(COST_CLIENT))),
          bytes(CallCost.median(forks, c -> c.allocPerCall().get(COST_SERVER))),
          bytes(CallCost.median(forks, c -> c.allocPerCall().get(COST_REST))),
          micros(CallCost.median(forks, c -> c.cpuNsPerCall().get(COST_CLIENT))),
          micros(CallCost.median(forks, c -> c.cpuNsPerCall().get(COST_SERVER))),
          micros(CallCost.median(forks, c -> c.cpuNsPerCall().get(COST_REST))),
          micros(CallCost.median(forks, CallCost::processCpuNsPerCall)), String.valueOf(threads));
    }
    t.sortByCells();
    s.append("\nCost per call over the measured iterations, median of forks (client: the benchmark's thread and the"
        + " threads the trial started; server: netcalls-server-*; rest: JMH's and the JVM's; JVM: the process's CPU,"
        + " GC and JIT included)\n");
    t.render(s);
    if (ended > 0) {
      s.append(ended).append(" thread(s) ended during the measured iterations: their allocation and CPU are in no"
          + " column but the JVM's CPU (docs/SAMPLES.md, cost)\n");
    }
  }

  static String bytes(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f", v);
  }

  static String micros(double ns) {
    return Double.isNaN(ns) ? "" : String.format(Locale.ROOT, "%.1f", ns / 1000);
  }
}

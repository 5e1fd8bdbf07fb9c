package netcalls.cli;

import static netcalls.cli.Cells.otherParams;
import static netcalls.cli.Cells.p50p99;
import static netcalls.cli.Cells.param;
import static netcalls.cli.Cells.shortName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netcalls.read.Trial;
import netcalls.read.TrialSummary;

/** Per trial and leg: p50/p99 of each phase, then failures by exception class and the samples dropped. */
final class PhaseTable {
  private PhaseTable() {}

  static void append(StringBuilder s, List<Trial> trials, List<TrialSummary> summaries) {
    List<String> header = new ArrayList<>(List.of("benchmark", "client", "strategy", "scheme", "params", "leg",
        "calls", "reused"));
    for (String p : TrialSummary.PHASES) {
      header.add(p.equals("tls_handshaking") ? "tls" : p);
    }
    TextTable t = new TextTable(header.toArray(new String[0]));
    TextTable failures = new TextTable("benchmark", "client", "params", "exception <- root cause", "count");
    long dropped = 0;
    for (int i = 0; i < trials.size(); i++) {
      Trial trial = trials.get(i);
      TrialSummary sum = summaries.get(i);
      Map<String, String> params = trial.params();
      String name = shortName(trial.benchmark());
      for (Map.Entry<String, Map<String, TrialSummary.Stats>> leg : sum.byLeg().entrySet()) {
        t.row(legRow(name, params, sum, leg.getKey(), leg.getValue()));
      }
      sum.failures().forEach((k, n) -> failures.row(name, param(params, "client"), otherParams(params), k,
          String.valueOf(n)));
      dropped += trial.dropped();
    }
    t.sortByCells();
    failures.sortByCells();
    s.append("\nPhases per leg, p50/p99 µs of traced calls (blank: phase absent or not visible to the client;"
        + " leg pair: the paired operation's total)\n");
    t.render(s);
    if (!failures.isEmpty()) {
      s.append("\nFailures by exception class\n");
      failures.render(s);
    }
    s.append("\nSamples dropped past the cap: ").append(dropped).append('\n');
  }

  /** One leg's cells: its calls, the share on a reused connection, each phase's p50/p99. */
  private static String[] legRow(String name, Map<String, String> params, TrialSummary sum, String leg,
      Map<String, TrialSummary.Stats> phases) {
    long known = sum.reusedKnown(leg);
    List<String> row = new ArrayList<>(List.of(name, param(params, "client"), param(params, "strategy"),
        param(params, "scheme"), otherParams(params), leg.equals("none") ? "" : leg,
        String.valueOf(phases.get("duration").count()),
        leg.equals("pair") ? "" : known == 0 ? "n/a"
            : String.format(Locale.ROOT, "%.0f%%", 100.0 * sum.reused(leg) / known)));
    for (String p : TrialSummary.PHASES) {
      row.add(p50p99(phases.get(p)));
    }
    return row.toArray(new String[0]);
  }
}

package netcalls.compare;

import static netcalls.run.TrialJson.COST_CLIENT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import netcalls.read.CallCost;
import netcalls.read.Problems;
import netcalls.run.RunFolder;

/**
 * compare's cost rows: per benchmark × parameter set on both sides, the client's bytes allocated and CPU per call,
 * each fork one value. Allocation per call is nearly deterministic, so its rows have their own, much tighter noise
 * than latency: a change counts when it exceeds both a floor and twice the larger side's fork spread
 * ((max - min) / median). An allocation increase that counts is a regression (compare exits 1 for it with
 * {@code --gate-alloc}); CPU per call is shown with the same rule, but only informs (it scatters with the machine's
 * load as latency does).
 */
public final class CostRows {
  /** The smallest allocation change that counts: well above the fork-to-fork scatter of a steady client. */
  public static final double ALLOC_FLOOR = 0.05;
  /** CPU per call scatters with the machine's load: a larger floor. */
  public static final double CPU_FLOOR = 0.15;

  /** One metric of one row: the medians of the forks, the change and whether it counts. */
  public record Row(String label, String metric, String unit, int nBase, int nCand, double base, double cand,
      double change, double noise, String verdict, boolean gated) {
    public boolean regression() {
      return gated && "more".equals(verdict);
    }
  }

  /** The rows, and notes on what was not compared. */
  public record Result(List<Row> rows, List<String> notes) {
    public boolean regression() {
      return rows.stream().anyMatch(Row::regression);
    }
  }

  private CostRows() {}

  /** Reads each side's trials' costs ({@code cost} of samples/*.json); {@code ignored} params leave the key. */
  public static Result compare(List<Path> baseline, List<Path> candidate, Set<String> ignored) {
    return compare(read(baseline, ignored), read(candidate, ignored));
  }

  static Map<String, List<CallCost>> read(List<Path> side, Set<String> ignored) {
    Map<String, List<CallCost>> out = new TreeMap<>();
    for (Path p : side) {
      for (CallCost c : CallCost.readAll(RunFolder.of(p), Problems.IGNORE)) { // compare's readers name bad files
        Map<String, String> params = new TreeMap<>(c.params());
        params.keySet().removeAll(ignored);
        out.computeIfAbsent(Key.of(c.benchmark(), "", params).label(), k -> new ArrayList<>()).add(c);
      }
    }
    return out;
  }

  static Result compare(Map<String, List<CallCost>> base, Map<String, List<CallCost>> cand) {
    List<Row> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (base.isEmpty() != cand.isEmpty()) {
      notes.add("cost per call: only the " + (base.isEmpty() ? "candidate" : "baseline") + " has it (trials"
          + " written before netcalls measured it, or run with trace=off): no cost rows");
      return new Result(rows, notes);
    }
    for (Map.Entry<String, List<CallCost>> e : base.entrySet()) {
      List<CallCost> c = cand.get(e.getKey());
      if (c == null) {
        continue;
      }
      rows.add(row(e.getKey(), "alloc client", "B/call", e.getValue(), c, x -> x.allocPerCall().get(COST_CLIENT),
          ALLOC_FLOOR, true));
      rows.add(row(e.getKey(), "cpu client", "µs/call", e.getValue(), c,
          x -> x.cpuNsPerCall().get(COST_CLIENT) / 1000, CPU_FLOOR, false));
    }
    return new Result(rows, notes);
  }

  static Row row(String label, String metric, String unit, List<CallCost> b, List<CallCost> c,
      ToDoubleFunction<CallCost> value, double floor, boolean gated) {
    double mb = CallCost.median(b, value);
    double mc = CallCost.median(c, value);
    double change = mb > 0 ? mc / mb - 1 : Double.NaN;
    double noise = Math.max(spread(b, value, mb), spread(c, value, mc));
    String verdict = Double.isNaN(change) ? "n/a"
        : Math.abs(change) <= Math.max(floor, 2 * noise) ? "same" : change > 0 ? "more" : "less";
    return new Row(label, metric, unit, b.size(), c.size(), mb, mc, change, noise, verdict, gated);
  }

  /** (max - min) / median of the forks' values; 0 for one fork. */
  static double spread(List<CallCost> forks, ToDoubleFunction<CallCost> value, double median) {
    double[] v = forks.stream().mapToDouble(value).toArray();
    if (v.length < 2 || !(median > 0)) {
      return 0;
    }
    double min = java.util.Arrays.stream(v).min().orElse(0);
    double max = java.util.Arrays.stream(v).max().orElse(0);
    return (max - min) / median;
  }

  /** The rows as a plain text table, for the text and markdown outputs; empty when there are none and no note. */
  public static String text(Result r, boolean markdown) {
    StringBuilder s = new StringBuilder();
    if (!r.rows().isEmpty()) {
      s.append(markdown ? "\n### Cost per call (client threads, median of forks)\n\n" : "\nCost per call (client"
          + " threads, median of forks; allocation more than max(" + pct(ALLOC_FLOOR) + ", 2 x fork spread) is a"
          + " regression, CPU only informs)\n");
      List<String[]> all = cells(r);
      String[] header = all.get(0);
      List<String[]> cells = all.subList(1, all.size());
      if (markdown) {
        s.append("| ").append(String.join(" | ", header)).append(" |\n|");
        s.append(" --- |".repeat(header.length)).append('\n');
        cells.forEach(c -> s.append("| ").append(String.join(" | ", c)).append(" |\n"));
      } else {
        int[] w = new int[header.length];
        for (int i = 0; i < w.length; i++) {
          w[i] = header[i].length();
          for (String[] c : cells) {
            w[i] = Math.max(w[i], c[i].length());
          }
        }
        line(s, header, w);
        cells.forEach(c -> line(s, c, w));
      }
    }
    r.notes().forEach(n -> s.append(markdown ? "\n> " : "note: ").append(n).append('\n'));
    return s.toString();
  }

  /** The table's cells, header first: the text output's and the report's. */
  public static List<String[]> cells(Result r) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"benchmark", "metric", "unit", "n", "base", "cand", "change", "spread", "verdict"});
    for (Row row : r.rows()) {
      cells.add(new String[] {row.label(), row.metric(), row.unit(), row.nBase() + "/" + row.nCand(),
          num(row.base()), num(row.cand()), pct(row.change()), pct(row.noise()),
          row.verdict() + (row.gated() ? "" : " (not gated)")});
    }
    return cells;
  }

  /** The rows for compare's JSON output. */
  public static Map<String, Object> json(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row row : r.rows()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("benchmark", row.label());
      o.put("metric", row.metric());
      o.put("unit", row.unit());
      o.put("nBase", row.nBase());
      o.put("nCandidate", row.nCand());
      o.put("baseline", finite(row.base()));
      o.put("candidate", finite(row.cand()));
      o.put("changePercent", finite(row.change() * 100));
      o.put("spreadPercent", finite(row.noise() * 100));
      o.put("verdict", row.verdict());
      o.put("gated", row.gated());
      rows.add(o);
    }
    m.put("rows", rows);
    m.put("notes", r.notes());
    return m;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static void line(StringBuilder s, String[] cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      l.append(String.format(Locale.ROOT, "%-" + w[i] + "s", cells[i])).append("  ");
    }
    s.append(l.toString().stripTrailing()).append('\n');
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+.1f%%", v * 100);
  }
}

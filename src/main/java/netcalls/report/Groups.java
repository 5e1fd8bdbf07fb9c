package netcalls.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netcalls.read.Problems;
import netcalls.read.SampleCsv;
import netcalls.read.Trial;
import netcalls.read.TrialSummary;
import netcalls.run.SampleSchema;
import org.HdrHistogram.Histogram;

/**
 * The samples of a run, one group per benchmark × parameter set (the trials of every fork pooled): the
 * operation's latency histogram (a single request, or a pair's total), each phase's time per call, reuse and
 * failures. Read in one pass over each CSV; only histograms and sums are kept, never the samples.
 */
final class Groups {
  /** Pooled samples of one benchmark × parameter set. */
  static final class Group {
    final String benchmark;
    final Map<String, String> params;
    final TrialSummary summary = new TrialSummary();
    final Histogram operation = new Histogram(3);
    final long[] phaseSumNs = new long[SampleSchema.PHASE_COLUMNS.length];
    long calls;
    int trials;
    long dropped;

    Group(String benchmark, Map<String, String> params) {
      this.benchmark = benchmark;
      this.params = params;
    }

    /** The leg whose duration is the operation: the pair's total for paired requests, else the single call. */
    String operationLeg() {
      return summary.byLeg().containsKey("pair") ? "pair" : "none";
    }
  }

  private Groups() {}

  /** The trials' samples grouped by benchmark and parameters, in the order first seen. */
  static Map<String, Group> read(List<Trial> trials, Problems problems) throws IOException {
    Map<String, Group> out = new LinkedHashMap<>();
    for (Trial t : trials) {
      Group g = out.computeIfAbsent(key(t.benchmark(), t.params()), k -> new Group(t.benchmark(), t.params()));
      g.trials++;
      g.dropped += t.dropped();
      try (SampleCsv in = SampleCsv.open(t, problems)) {
        if (in == null) {
          continue;
        }
        while (in.next()) {
          add(g, TrialSummary.legIndex(in.text(SampleSchema.LEG)), in);
        }
      }
    }
    return out;
  }

  private static void add(Group g, int leg, SampleCsv row) {
    g.summary.add(leg, row);
    long d = row.number(SampleSchema.DURATION);
    boolean pair = leg == 3;
    if (pair || leg == 0) {
      g.operation.recordValue(d);
    }
    if (pair) {
      return;
    }
    g.calls++;
    for (int p = 0; p < SampleSchema.PHASE_COLUMNS.length; p++) {
      int c = SampleSchema.PHASE_COLUMNS[p];
      if (row.has(c) && row.number(c) > 0) {
        g.phaseSumNs[p] += row.number(c);
      }
    }
  }

  /** {@code benchmark k=v k=v} with the parameters in name order: what makes results and trials the same. */
  static String key(String benchmark, Map<String, String> params) {
    StringBuilder s = new StringBuilder(benchmark);
    new TreeMap<>(params).forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
    return s.toString();
  }

  /** The JSON the page draws from: curve points, phase means, reuse and failures; times in µs. */
  static ObjectNode json(Group g, ObjectNode o) {
    Rows.identify(o, g.benchmark, g.params);
    o.put("trials", g.trials);
    o.put("calls", g.calls);
    o.put("operations", g.operation.getTotalCount());
    o.put("dropped", g.dropped);
    o.put("leg", g.operationLeg());
    ArrayNode curve = o.putArray("curve");
    for (Percentiles.Point p : Percentiles.curve(g.operation, 1000.0)) {
      curve.addArray().add(p.percentile()).add(p.value()).add(p.thin() ? 1 : 0);
    }
    Map<String, Map<String, TrialSummary.Stats>> legs = g.summary.byLeg();
    ObjectNode legP50 = o.putObject("legP50");
    legs.forEach((leg, phases) -> {
      TrialSummary.Stats d = phases.get("duration");
      if (d != null) {
        legP50.put(leg, d.p50() / 1000.0);
      }
    });
    ArrayNode phases = o.putArray("phases");
    for (int p = 0; p < SampleSchema.PHASE_COLUMNS.length; p++) {
      String name = TrialSummary.PHASES.get(p);
      ObjectNode ph = phases.addObject();
      ph.put("name", name);
      ph.put("meanUs", g.calls == 0 ? 0 : g.phaseSumNs[p] / 1000.0 / g.calls);
      long count = 0;
      long p50 = 0;
      for (String leg : List.of("none", "a", "b")) {
        TrialSummary.Stats s = legs.getOrDefault(leg, Map.of()).get(name);
        if (s != null && s.count() > count) {
          count = s.count();
          p50 = s.p50();
        }
      }
      ph.put("calls", count);
      ph.put("p50Us", p50 / 1000.0);
    }
    long known = 0;
    long reused = 0;
    for (String leg : List.of("none", "a", "b")) {
      known += g.summary.reusedKnown(leg);
      reused += g.summary.reused(leg);
    }
    o.put("reuseKnown", known);
    o.put("reused", reused);
    ObjectNode failures = o.putObject("failures");
    g.summary.failures().forEach(failures::put);
    return o;
  }
}

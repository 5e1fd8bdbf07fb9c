package netcalls.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import netcalls.read.OpenLoopResult;

/**
 * The open-loop section's data: one entry per trial (fork) from {@code openloop/<trial>.json}, with its rates,
 * counts, CPU and, when its load happened as asked, the corrected and uncorrected percentiles in µs; otherwise the
 * reason it has none.
 */
final class OpenLoopRows {
  private static final List<String> SHOWN = List.of("client", "strategy", "scheme", "rate");

  private OpenLoopRows() {}

  static void json(List<OpenLoopResult> results, ArrayNode out) {
    for (OpenLoopResult r : results) {
      ObjectNode o = out.addObject();
      o.put("trial", r.name());
      o.put("client", r.params().getOrDefault("client", ""));
      o.put("strategy", r.params().getOrDefault("strategy", ""));
      o.put("scheme", r.params().getOrDefault("scheme", ""));
      o.put("other", r.params().entrySet().stream().filter(e -> !SHOWN.contains(e.getKey()))
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
      o.put("rate", r.intendedRate());
      o.put("achieved", r.achievedRate());
      o.put("valid", r.valid());
      if (!r.valid()) {
        o.put("why", r.noLatencyBecause());
      }
      o.put("scheduled", r.scheduled());
      o.put("failed", r.failed());
      o.put("timeouts", r.timeouts());
      o.put("cores", r.coresUsed());
      o.put("server", r.server());
      o.put("tail", r.tail());
      r.thin().forEach(o.putArray("thin")::add);
      if (r.generatorFloorUs() != null) {
        o.put("floor", r.generatorFloorUs());
      }
      percentiles(r.corrected(), o, "corrected");
      percentiles(r.uncorrected(), o, "uncorrected");
    }
  }

  private static void percentiles(Map<String, Double> p, ObjectNode o, String name) {
    if (p == null) {
      return;
    }
    ObjectNode n = o.putObject(name);
    p.forEach(n::put);
  }
}

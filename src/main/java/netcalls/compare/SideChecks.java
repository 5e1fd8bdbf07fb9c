package netcalls.compare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whether the two sides of a comparison were measured like with like: when they ran, and on what. */
final class SideChecks {
  private SideChecks() {}

  /**
   * A warning when one side ran wholly before the other: the machine's drift between them then counts as a
   * change of the code (on a shared 2-core machine, two back-to-back 5-fork runs of the same jar differed by
   * 12 %). Null when the runs interleave or their times are unknown.
   */
  static String backToBack(List<ComparedRun> base, List<ComparedRun> cand) {
    Instant baseFirst = null;
    Instant baseLast = null;
    Instant candFirst = null;
    Instant candLast = null;
    for (ComparedRun r : base) {
      if (r.start() == null || r.end() == null) {
        return null;
      }
      baseFirst = baseFirst == null || r.start().isBefore(baseFirst) ? r.start() : baseFirst;
      baseLast = baseLast == null || r.end().isAfter(baseLast) ? r.end() : baseLast;
    }
    for (ComparedRun r : cand) {
      if (r.start() == null || r.end() == null) {
        return null;
      }
      candFirst = candFirst == null || r.start().isBefore(candFirst) ? r.start() : candFirst;
      candLast = candLast == null || r.end().isAfter(candLast) ? r.end() : candLast;
    }
    if (baseLast == null || candLast == null) {
      return null;
    }
    if (!baseLast.isAfter(candFirst) || !candLast.isAfter(baseFirst)) {
      return "the baseline runs and the candidate runs did not interleave (one side ran wholly before the other):"
          + " the machine's drift between them counts as a change; for a gate, alternate the runs"
          + " (scripts/nightly.sh does) and compare A1,A2,... B1,B2,...";
    }
    return null;
  }

  static void testbeds(List<ComparedRun> base, List<ComparedRun> cand, List<String> warnings) {
    List<ComparedRun> both = new ArrayList<>(base);
    both.addAll(cand);
    Map<String, List<String>> byTestbed = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (ComparedRun r : both) {
      if (!r.testbed().known()) {
        unknown.add(r.runId());
      } else {
        byTestbed.computeIfAbsent(r.testbed().describe(), k -> new ArrayList<>()).add(r.runId());
      }
    }
    if (byTestbed.size() > 1) {
      StringBuilder s = new StringBuilder("the runs were measured on different testbeds (machine, JDK or client libraries), so a"
          + " difference may not be the code's:");
      byTestbed.forEach((t, ids) -> s.append(" ").append(String.join(",", ids)).append(" on ").append(t).append(';'));
      warnings.add(s.substring(0, s.length() - 1));
    }
    if (!unknown.isEmpty()) {
      warnings.add("testbed unknown for run(s) " + String.join(", ", unknown) + " (run.json without cpuModel, cores,"
          + " kernel or jdk: an older netcalls, or no run.json); the machines were not checked for like with like");
    }
  }
}

package netcalls.export;

import static netcalls.run.TrialJson.COST_CLIENT;
import static netcalls.run.TrialJson.COST_GROUPS;

import java.util.List;
import netcalls.export.line.PointDraft;
import netcalls.read.CallCost;

/**
 * The cost per call as fields of a {@code netcalls_jmh} point (docs/SCHEMA.md): the median over the result's
 * forks of each thread group's bytes allocated and CPU ns per call, the JVM's CPU per call and the threads that
 * ended unmeasured. Fields, not tags or points: no new series.
 */
public final class CostFields {
  public static final String ALLOC_PREFIX = "alloc_";
  public static final String ALLOC_SUFFIX = "_bytes";
  public static final String CPU_PREFIX = "cpu_";
  public static final String CPU_SUFFIX = "_ns";
  public static final String CPU_JVM = "cpu_jvm_ns";
  public static final String THREADS_ENDED = "threads_ended";
  /** The client's allocation per call, the field compare and dashboards look at first. */
  public static final String ALLOC_CLIENT = ALLOC_PREFIX + COST_CLIENT + ALLOC_SUFFIX;

  private CostFields() {}

  static void add(PointDraft p, List<CallCost> forks) {
    if (forks == null || forks.isEmpty()) {
      return;
    }
    for (String g : COST_GROUPS) {
      p.value(ALLOC_PREFIX + g + ALLOC_SUFFIX, CallCost.median(forks, c -> c.allocPerCall().get(g)));
      p.value(CPU_PREFIX + g + CPU_SUFFIX, CallCost.median(forks, c -> c.cpuNsPerCall().get(g)));
    }
    double jvm = CallCost.median(forks, CallCost::processCpuNsPerCall);
    if (!Double.isNaN(jvm)) {
      p.value(CPU_JVM, jvm);
    }
    p.field(THREADS_ENDED, forks.stream().mapToLong(CallCost::threadsEnded).sum());
  }
}

package netcalls.bench;

import static netcalls.run.TrialJson.*;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a trial's measured iterations cost, from per-thread counters read twice (at the first measured
 * iteration's setup and at the trial's teardown, never per call): bytes allocated and CPU time of every thread,
 * grouped into the client's, the built-in server's and the rest (docs/SAMPLES.md, {@code cost}).
 *
 * <p>A thread that ends between the two reads takes its counts with it (new_client's short-lived threads do):
 * they are counted in {@code threadsEnded}, the JVM's own CPU ({@code processCpuNs}) and, on JDK 21+, its
 * allocation with ended threads included ({@code allThreadsAllocBytes}) are kept beside the sums to show the gap.
 */
final class CostCounters {
  static final String SERVER_PREFIX = "netcalls-server-";

  /** One thread's counters; -1 where the JVM does not measure them. */
  record Counters(String name, long allocBytes, long cpuNs) {}

  /**
   * Every live thread's counters by id, with the JVM-wide ones: process CPU, threads started so far and (JDK 21+)
   * bytes allocated by all threads, ended ones included (-1 when unknown).
   */
  record Snapshot(Map<Long, Counters> threads, long processCpuNs, long startedThreads, long allThreadsAllocBytes) {}

  /** The threads that were there before the trial opened, but the one that runs the benchmark: "rest". */
  static Set<Long> restThreads() {
    Set<Long> ids = new HashSet<>();
    for (long id : threadBean().getAllThreadIds()) {
      ids.add(id);
    }
    ids.remove(Thread.currentThread().getId());
    return ids;
  }

  static Snapshot take() {
    com.sun.management.ThreadMXBean bean = threadBean();
    long[] ids = bean.getAllThreadIds();
    long[] alloc = bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()
        ? bean.getThreadAllocatedBytes(ids) : null;
    long[] cpu = bean.isThreadCpuTimeSupported() && bean.isThreadCpuTimeEnabled() ? bean.getThreadCpuTime(ids) : null;
    java.lang.management.ThreadInfo[] infos = bean.getThreadInfo(ids, 0);
    Map<Long, Counters> threads = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null) { // null: ended since the listing
        threads.put(ids[i], new Counters(infos[i].getThreadName(), alloc == null ? -1 : alloc[i],
            cpu == null ? -1 : cpu[i]));
      }
    }
    long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
    return new Snapshot(threads, process, bean.getTotalStartedThreadCount(), allThreadsAllocated(bean));
  }

  private static com.sun.management.ThreadMXBean threadBean() {
    return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  }

  /** JDK 21's getTotalThreadAllocatedBytes, looked up at run time since netcalls builds for 17; -1 before 21. */
  private static final MethodHandle TOTAL_ALLOCATED = totalAllocated();

  private static MethodHandle totalAllocated() {
    try {
      return MethodHandles.publicLookup().findVirtual(com.sun.management.ThreadMXBean.class,
          "getTotalThreadAllocatedBytes", MethodType.methodType(long.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  private static long allThreadsAllocated(com.sun.management.ThreadMXBean bean) {
    if (TOTAL_ALLOCATED == null) {
      return -1;
    }
    try {
      return (long) TOTAL_ALLOCATED.invoke(bean);
    } catch (Throwable e) {
      return -1; // not supported by this JVM: the gap stays unknown
    }
  }

  /** Which group a thread's counts go to. */
  static String group(long id, String name, Set<Long> rest) {
    if (name.startsWith(SERVER_PREFIX)) {
      return COST_SERVER;
    }
    return rest.contains(id) ? COST_REST : COST_CLIENT;
  }

  /**
   * The cost between two snapshots over {@code calls} measured calls, as written under {@code cost}: what each
   * thread alive at the end did since the start (a thread born meanwhile counts from zero), summed by group.
   */
  static Map<String, Object> between(Snapshot start, Snapshot end, Set<Long> rest, long calls) {
    Map<String, Long> alloc = zeros();
    Map<String, Long> cpu = zeros();
    int bornAlive = 0;
    for (Map.Entry<Long, Counters> e : end.threads().entrySet()) {
      Counters now = e.getValue();
      Counters then = start.threads().get(e.getKey());
      if (then == null) {
        bornAlive++;
      }
      String g = group(e.getKey(), now.name(), rest);
      alloc.merge(g, delta(now.allocBytes(), then == null ? 0 : then.allocBytes()), Long::sum);
      cpu.merge(g, delta(now.cpuNs(), then == null ? 0 : then.cpuNs()), Long::sum);
    }
    long endedOld = start.threads().keySet().stream().filter(id -> !end.threads().containsKey(id)).count();
    long endedNew = Math.max(0, end.startedThreads() - start.startedThreads() - bornAlive);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(COST_CALLS, calls);
    m.put(COST_ALLOC_BYTES, alloc);
    m.put(COST_CPU_NS, cpu);
    if (start.processCpuNs() >= 0 && end.processCpuNs() >= 0) {
      m.put(COST_PROCESS_CPU_NS, end.processCpuNs() - start.processCpuNs());
    }
    m.put(COST_THREADS_ENDED, endedOld + endedNew);
    if (start.allThreadsAllocBytes() >= 0 && end.allThreadsAllocBytes() >= 0) {
      m.put(COST_ALL_THREADS_ALLOC_BYTES, end.allThreadsAllocBytes() - start.allThreadsAllocBytes());
    }
    return m;
  }

  private static Map<String, Long> zeros() {
    Map<String, Long> m = new LinkedHashMap<>();
    COST_GROUPS.forEach(g -> m.put(g, 0L));
    return m;
  }

  /** A counter's growth; 0 when the JVM does not measure it (-1). */
  private static long delta(long now, long then) {
    return now < 0 || then < 0 ? 0 : Math.max(0, now - then);
  }
}

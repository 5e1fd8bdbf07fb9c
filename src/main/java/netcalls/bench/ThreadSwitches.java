package netcalls.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Counts the context switches of every thread of the benchmark's JVM per operation: a count, not a
 * time, so a busy machine does not blur it. Each time a thread blocks (waits for a socket, a lock, a
 * future) and is woken again, its {@code voluntary_ctxt_switches} in {@code /proc/self/task/TID/status}
 * grows by one; each wake-up needs a core, so the switches per call are the scheduling hops a call pays.
 *
 * <p>Use: {@code -prof netcalls.bench.ThreadSwitches}. Results, all per operation ({@code #/op}) unless said:
 * <ul>
 *   <li>{@code switches.voluntary}, {@code switches.nonvoluntary}: summed over every thread;
 *   <li>{@code threads.woken}: threads whose counters moved during the iteration ({@code threads}, not per op);
 *   <li>{@code switches.GROUP}: voluntary switches of the busiest thread groups, GROUP being the kernel's
 *       thread name with digits stripped. The kernel keeps only 15 characters of a name, so the JDK
 *       client's {@code HttpClient-1-SelectorManager} shows as {@code HttpClient-Se}.
 * </ul>
 * Threads that end during an iteration take their counts with them (none of the clients' long-lived
 * threads do). Operations are the iteration's {@code allOps}. Off Linux it reports nothing and says so once.
 */
public final class ThreadSwitches implements InternalProfiler {
  /** Thread groups reported per iteration, at most, the busiest first. */
  static final int TOP_GROUPS = 6;
  /** A group below this many voluntary switches per op is left out: it is not part of the call. */
  static final double MIN_GROUP_PER_OP = 0.01;
  private static final Path TASKS = Path.of("/proc/self/task");
  private static boolean warned;

  private Map<String, Counts> before = Map.of();

  /** One thread's name and counters. */
  record Counts(String name, long voluntary, long nonvoluntary) {
    Counts minus(Counts earlier) {
      return earlier == null ? this : new Counts(name, voluntary - earlier.voluntary, nonvoluntary - earlier.nonvoluntary);
    }

    boolean moved() {
      return voluntary > 0 || nonvoluntary > 0;
    }
  }

  @Override
  public String getDescription() {
    return "context switches per operation from /proc/self/task/*/status, in total and by thread group (Linux only)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = snapshot();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    Map<String, Counts> after = snapshot();
    long ops = result.getMetadata().getAllOps();
    if (after.isEmpty() || ops <= 0) {
      return List.of();
    }
    return results(delta(before, after), ops);
  }

  /** Every thread's counters now, by thread id; empty (once said on stderr) where there is no /proc. */
  static Map<String, Counts> snapshot() {
    if (!Files.isDirectory(TASKS)) {
      warnOnce();
      return Map.of();
    }
    Map<String, Counts> counts = new HashMap<>();
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          Counts c = parseStatus(Files.readString(task.resolve("status"), StandardCharsets.UTF_8));
          if (c != null) {
            counts.put(task.getFileName().toString(), c);
          }
        } catch (IOException gone) {
          // the thread ended between the listing and the read: it has nothing more to count
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + TASKS + ": " + e.getMessage(), e);
    }
    return counts;
  }

  private static synchronized void warnOnce() {
    if (!warned) {
      warned = true;
      System.err.println("ThreadSwitches: " + TASKS + " is missing (not Linux?): no context switches are reported");
    }
  }

  /** The name and both switch counters of one {@code /proc/.../status} text; null when a field is missing. */
  static Counts parseStatus(String status) {
    String name = null;
    long voluntary = -1;
    long nonvoluntary = -1;
    for (String line : status.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "Name" -> name = value;
        case "voluntary_ctxt_switches" -> voluntary = Long.parseLong(value);
        case "nonvoluntary_ctxt_switches" -> nonvoluntary = Long.parseLong(value);
        default -> { }
      }
    }
    return name == null || voluntary < 0 || nonvoluntary < 0 ? null : new Counts(name, voluntary, nonvoluntary);
  }

  /** What each thread alive at the end did since the start; a thread born meanwhile counts from zero. */
  static Map<String, Counts> delta(Map<String, Counts> start, Map<String, Counts> end) {
    Map<String, Counts> moved = new TreeMap<>();
    end.forEach((tid, now) -> {
      Counts d = now.minus(start.get(tid));
      if (d.moved()) {
        moved.put(tid, d);
      }
    });
    return moved;
  }

  /** A thread name with its digits stripped, so that a pool's threads fall into one group. */
  static String group(String threadName) {
    String g = threadName.replaceAll("[0-9]+", "").replaceAll("([-_. ])[-_. ]+", "$1").replaceAll("^[-_. ]+|[-_. ]+$", "");
    return g.isEmpty() ? "unnamed" : g;
  }

  /** Voluntary switches per group, the busiest first. */
  static List<Map.Entry<String, Long>> byGroup(Map<String, Counts> delta) {
    Map<String, Long> groups = new HashMap<>();
    delta.values().forEach(c -> groups.merge(group(c.name()), c.voluntary(), Long::sum));
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    return sorted;
  }

  /** The per-op results of one iteration's delta over {@code ops} operations. */
  static List<ScalarResult> results(Map<String, Counts> delta, long ops) {
    long voluntary = delta.values().stream().mapToLong(Counts::voluntary).sum();
    long nonvoluntary = delta.values().stream().mapToLong(Counts::nonvoluntary).sum();
    List<ScalarResult> out = new ArrayList<>();
    out.add(perOp("switches.voluntary", voluntary, ops));
    out.add(perOp("switches.nonvoluntary", nonvoluntary, ops));
    out.add(new ScalarResult("threads.woken", delta.size(), "threads", AggregationPolicy.AVG));
    List<Map.Entry<String, Long>> groups = byGroup(delta);
    for (int i = 0; i < Math.min(TOP_GROUPS, groups.size()); i++) {
      Map.Entry<String, Long> g = groups.get(i);
      if ((double) g.getValue() / ops >= MIN_GROUP_PER_OP) {
        out.add(perOp("switches." + g.getKey(), g.getValue(), ops));
      }
    }
    return out;
  }

  private static ScalarResult perOp(String label, long count, long ops) {
    return new ScalarResult(label, (double) count / ops, "#/op", AggregationPolicy.AVG);
  }
}

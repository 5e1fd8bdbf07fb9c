package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cost of a trial's measured iterations from per-thread counters: groups, and what ended threads lose. */
class CostCountersTest {
  private static CostCounters.Counters t(String name, long alloc, long cpu) {
    return new CostCounters.Counters(name, alloc, cpu);
  }

  @SuppressWarnings("unchecked")
  @Test
  void countersAreSummedByGroupAndThreadsBornMeanwhileCountFromZero() {
    CostCounters.Snapshot start = new CostCounters.Snapshot(Map.of(
        1L, t("main", 1_000, 10), 2L, t("bench-jmh-worker-1", 5_000, 50), 3L, t("netcalls-server-worker-1-1", 0, 0),
        4L, t("Reference Handler", 0, 0), 9L, t("gone", 700, 7)), 1_000, 20, -1);
    CostCounters.Snapshot end = new CostCounters.Snapshot(Map.of(
        1L, t("main", 1_100, 11), 2L, t("bench-jmh-worker-1", 25_000, 250), 3L, t("netcalls-server-worker-1-1", 4_000, 40),
        4L, t("Reference Handler", 0, 0), 5L, t("OkHttp TaskRunner", 300, 3)), 3_000, 24, -1);
    Map<String, Object> m = CostCounters.between(start, end, Set.of(1L, 4L, 9L), 10);
    assertThat(m.get("calls")).isEqualTo(10L);
    assertThat((Map<String, Long>) m.get("allocBytes")).containsExactly(
        Map.entry("client", 20_300L), Map.entry("server", 4_000L), Map.entry("rest", 100L));
    assertThat((Map<String, Long>) m.get("cpuNs")).containsExactly(
        Map.entry("client", 203L), Map.entry("server", 40L), Map.entry("rest", 1L));
    assertThat(m.get("processCpuNs")).isEqualTo(2_000L);
    // thread 9 ended, and 4 were started of which 1 (id 5) is still there: 1 + 3 ended unmeasured
    assertThat(m.get("threadsEnded")).isEqualTo(4L);
    assertThat(m).doesNotContainKey("allThreadsAllocBytes"); // the JVM-wide count unknown (-1): absent
  }

  @SuppressWarnings("unchecked")
  @Test
  void aServerThreadIsMeasuredAndAThreadThatEndsIsCountedAsLost() throws Exception {
    Set<Long> rest = CostCounters.restThreads();
    CostCounters.Snapshot start = CostCounters.take();
    Thread shortLived = new Thread(() -> allocate(8 << 20), "short-lived");
    // the server thread is still alive at the end snapshot; the short-lived one is not
    java.util.concurrent.CountDownLatch measured = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch allocated = new java.util.concurrent.CountDownLatch(1);
    Thread server = new Thread(() -> {
      allocate(4 << 20);
      allocated.countDown();
      await(measured);
    }, CostCounters.SERVER_PREFIX + "test");
    server.start();
    shortLived.start();
    shortLived.join();
    allocated.await();
    Map<String, Object> m = CostCounters.between(start, CostCounters.take(), rest, 1);
    measured.countDown();
    server.join();
    Map<String, Long> alloc = (Map<String, Long>) m.get("allocBytes");
    assertThat(alloc.get("server")).isGreaterThanOrEqualTo(4L << 20);
    assertThat(alloc.get("client")).as("the ended thread's 8 MB are in no group").isLessThan(8L << 20);
    assertThat((Long) m.get("threadsEnded")).isGreaterThanOrEqualTo(1L);
    // process CPU is read at clock-tick granularity: over this short span it may not have moved yet
    assertThat((Long) m.get("processCpuNs")).isNotNegative();
  }

  private static volatile byte[] sink;

  private static void allocate(int bytes) {
    for (int i = 0; i < bytes / 1024; i++) {
      sink = new byte[1024];
    }
  }

  private static void await(java.util.concurrent.CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

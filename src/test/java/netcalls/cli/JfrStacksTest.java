package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JFR file that async-profiler (the jar's own library, loaded in this JVM) records with CPU and allocation at
 * once, read back into collapsed stacks per kind, and a fork folder turned into collapsed stacks and a flame
 * graph per kind.
 */
class JfrStacksTest {
  @TempDir
  Path tmp;

  static volatile Object sink;

  private static void burnAndAllocate(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      sink = new byte[4096];
    }
  }

  @Test
  void cpuAndAllocationFromOneJfrFileBecomeStacksPerKind() throws Exception {
    Path lib = Profiling.extract(Profiling.platform(System.getProperty("os.name"), System.getProperty("os.arch")),
        Files.createDirectories(tmp.resolve("lib")));
    Path fork = Files.createDirectories(tmp.resolve("RequestLatency.request-SampleTime-client-okhttp/fork-1"));
    Path jfr = fork.resolve("jfr-itimer.jfr");
    one.profiler.AsyncProfiler p = one.profiler.AsyncProfiler.getInstance(lib.toString());
    // itimer: CPU time where perf events are not allowed, as the launcher's fallback
    p.execute("start,event=itimer,interval=1ms,alloc=64k,jfr,file=" + jfr);
    try {
      burnAndAllocate(400_000_000L);
    } finally {
      p.execute("stop");
    }
    Map<String, Map<String, Long>> stacks = JfrStacks.read(jfr, List.of("cpu", "alloc"));
    assertThat(stacks).containsOnlyKeys("cpu", "alloc");
    for (String kind : List.of("cpu", "alloc")) {
      assertThat(stacks.get(kind).keySet()).as(kind)
          .anyMatch(s -> s.contains("netcalls/cli/JfrStacksTest.burnAndAllocate"));
    }
    assertThat(JfrStacks.read(jfr, List.of("cpu"))).containsOnlyKeys("cpu");

    ForkProfiles.perKind(fork, List.of("cpu", "alloc"));
    assertThat(Files.readString(fork.resolve("collapsed-alloc.csv"))).contains("JfrStacksTest.burnAndAllocate");
    assertThat(fork.resolve("collapsed-cpu.csv")).isRegularFile();
    assertThat(Files.readString(fork.resolve("flame-cpu.html"))).contains("<svg").contains("burnAndAllocate");
  }
}

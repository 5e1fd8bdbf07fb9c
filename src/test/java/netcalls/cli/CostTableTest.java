package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netcalls.export.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's cost per call: the median of the forks per thread group, and the threads whose counts were lost. */
class CostTableTest {
  @TempDir
  Path tmp;

  @Test
  void theSummaryShowsTheCostPerCallOfEachResult() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Path json = run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.json");
    String s = Files.readString(json).strip();
    Files.writeString(json, s.substring(0, s.length() - 1) + ", \"cost\": {\"calls\": 1000, \"allocBytes\":"
        + " {\"client\": 11000000, \"server\": 1500000, \"rest\": 900000}, \"cpuNs\": {\"client\": 340000000,"
        + " \"server\": 200000000, \"rest\": 18000000}, \"processCpuNs\": 1230000000, \"threadsEnded\": 2}}");
    String summary = Summary.render(run);
    assertThat(summary).contains("Cost per call");
    String row = summary.lines().filter(l -> l.startsWith("RequestLatency.request  okhttp")
        && l.contains("11000")).findFirst().orElseThrow();
    assertThat(row.split("\\s+")).containsSubsequence("11000", "1500", "900", "340.0", "200.0", "18.0", "1230.0", "2");
    assertThat(summary).contains("2 thread(s) ended during the measured iterations");
  }

  @Test
  void aRunWithoutCostsHasNoCostTable() throws Exception {
    assertThat(Summary.render(Fixtures.copyRun("basic", tmp))).doesNotContain("Cost per call");
  }
}

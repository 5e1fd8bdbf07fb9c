package netcalls.ci;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import netcalls.testing.Processes;
import org.junit.jupiter.api.Test;

/**
 * scripts/openloop-sweep.sh for real, as small as it goes: the built jar's `serve` as its own process, one 1-second
 * run at 20 requests/s over https (okhttp reuse) through --target and --trust, and its one-line table. Asserts what
 * ran and what the table holds, never how fast.
 */
class OpenLoopSweepIT {
  @Test
  void aOneSecondSweepAgainstAServeProcessPrintsItsTable() throws Exception {
    Path results = Files.createTempDirectory("sweep");
    Path out = Files.createTempFile("sweep", ".out");
    Path err = Files.createTempFile("sweep", ".err");
    Process p = new ProcessBuilder("bash", "scripts/openloop-sweep.sh", "--jar",
        Processes.jarPath().toString(), "--results", results.toString(), "--rates", "20",
        "--seconds", "1", "--strategies", "reuse", "--", "-wi", "0")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String stdout = Files.readString(out, UTF_8);
    String stderr = Files.readString(err, UTF_8);
    assertThat(p.exitValue()).as(stderr).isZero();
    assertThat(stderr).containsPattern("server https://localhost:\\d+ \\(pid \\d+\\)")
        .contains("--trust ").contains("OpenLoopLatency -p client=okhttp -p strategy=reuse -p rate=20 -p seconds=1");
    assertThat(stdout).contains("strategy  rate/s  achieved/s  corr p50 µs  corr p99 µs  uncorr p50 µs  uncorr p99 µs"
        + "  client cores  server cores");
    // one fork: one line, its rate, then numbers or "-" (a loaded machine may miss even 20/s), both CPUs
    assertThat(stdout).containsPattern("(?m)^reuse +20 +[0-9.]+ +([0-9.]+|-) +([0-9.]+|-) +([0-9.]+|-) +([0-9.]+|-)"
        + " +[0-9.]+ +[0-9.]+");
    try (var runs = Files.list(results)) {
      Path run = runs.findFirst().orElseThrow();
      assertThat(run.getFileName().toString()).startsWith("openloop-").endsWith("-reuse-20");
      assertThat(run.resolve("openloop")).isDirectoryContaining("glob:**.corrected.hgrm");
      assertThat(Files.readString(run.resolve("run.json"))).contains("\"target\" : \"https://localhost:");
    }
  }
}

package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netcalls.bench.SampleFileGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SIGTERM to a real export process: it says what it was doing and leaves no half-built file behind. */
class ExportSignalTest {
  @TempDir
  Path tmp;

  private Process export(Path run, String... more) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), "netcalls.cli.Main", "export", run.toString()));
    cmd.addAll(List.of(more));
    return new ProcessBuilder(cmd).redirectError(tmp.resolve("err.txt").toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private String stderr() throws Exception {
    return Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void sigtermWhileBuildingRemovesTheTempFileAndKeepsTheOldPoints() throws Exception {
    Path run = tmp.resolve("big");
    SampleFileGenerator.write(run, 1_500_000);
    Files.writeString(run.resolve("points.lp"), "old\n");
    Process p = export(run);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (building(run).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(p.isAlive()).as("the export was still building when signalled").isTrue();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isNotZero();
    assertThat(stderr()).contains("export: interrupted while building", "points.lp left as it was");
    assertThat(building(run)).isEmpty();
    assertThat(run.resolve("points.lp")).hasContent("old");
  }

  @Test
  void sigtermWhileSendingSaysHowFarItGot() throws Exception {
    Path run = netcalls.export.Fixtures.copyRun("basic", tmp);
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    // an InfluxDB that is down: the export retries (0.5 s, 1 s, 2 s ... with jitter) while it is signalled
    Process p = export(run, "--influx", "http://127.0.0.1:" + closed, "--retries", "20");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(run.resolve("points.lp")) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(1500);
    assertThat(p.isAlive()).isTrue();
    p.destroy();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(stderr()).contains("export: interrupted", "points.lp is complete", "Re-run the export")
        .doesNotContain("\tat ");
    assertThat(building(run)).isEmpty();
    assertThat(new File(run.toFile(), "points.lp")).isNotEmpty();
  }

  /** The export's temporary points files (points.lp.NNN.tmp, a name of its own per export). */
  private static java.util.List<Path> building(Path run) throws java.io.IOException {
    try (var files = Files.list(run)) {
      return files.filter(f -> f.getFileName().toString().matches("points\\.lp\\..*\\.tmp")).toList();
    }
  }
}

package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.influxdb.InfluxDB;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers that go away or refuse large bodies: each test starts its own disposable influxd. */
@Tag(InfluxSupport.TAG)
class InfluxFailureIT {
  @TempDir
  Path tmp;

  private Path pointsFile(int n, int padding) {
    List<String> lines = new ArrayList<>();
    String pad = "x".repeat(padding);
    for (int i = 0; i < n; i++) {
      lines.add("netcalls_request,run=f,leg=none note=\"" + pad + "\",duration_ns=" + i + "i " + (1795425663000000000L + i));
    }
    Path file = tmp.resolve("points.lp");
    Fixtures.write(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void serverKilledMidExportCountsEveryUnwrittenPointAndSaysReRun() throws Exception {
    Path file = pointsFile(2000, 100); // ~150 B/line, 8 KiB batches: ~40 batches
    try (InfluxSupport.Server server = new InfluxSupport.Server(25_000_000)) {
      AtomicInteger batches = new AtomicInteger();
      InfluxTarget target = InfluxTarget.of(server.url, "netcalls", Map.of()).withMaxBatchBytes(8192).withRetries(2, 10);
      List<Long> sleeps = new ArrayList<>();
      Delivery d = new InfluxSink(target, sleeps::add, () -> {
        if (batches.incrementAndGet() == 3) {
          server.kill();
        }
      }, Progress.NONE).deliver(file, "f");
      assertThat(d.lines()).isEqualTo(2000);
      assertThat(d.written()).isPositive().isLessThan(2000);
      assertThat(d.written() + d.notWritten()).isEqualTo(2000);
      assertThat(d.rejectedCount()).isZero();
      // bounded retries with doubling backoff, each with +-50 % jitter
      assertThat(sleeps).hasSize(2);
      assertThat(sleeps.get(0)).isBetween(5L, 15L);
      assertThat(sleeps.get(1)).isBetween(10L, 30L);
      assertThat(d.errors()).singleElement().asString().contains("gave up", "re-run the export");
      assertThat(d.ok()).isFalse();
      assertThat(file).exists();
    }
  }

  @Test
  void tooLargeBodyIsSplitNotRetriedWholeAndAnOversizedLineIsRejected() throws Exception {
    Path file = pointsFile(200, 100);
    List<String> lines = new ArrayList<>(Fixtures.lines(file));
    lines.set(50, "netcalls_request,run=f,leg=none note=\"" + "y".repeat(5000) + "\",duration_ns=50i 1795425663000000050");
    Fixtures.write(file, String.join("\n", lines) + "\n");
    try (InfluxSupport.Server server = new InfluxSupport.Server(4096)) {
      // the writer's batches (16 KiB) exceed the server's 4 KiB limit: every 413 halves the batch
      InfluxTarget target = InfluxTarget.of(server.url, "netcalls", Map.of()).withMaxBatchBytes(16384).withRetries(0, 1);
      Delivery d = new InfluxSink(target, ms -> { }).deliver(file, "f");
      assertThat(d.errors()).isEmpty();
      assertThat(d.written()).isEqualTo(199);
      assertThat(d.rejected()).singleElement().satisfies(r -> {
        assertThat(r.line()).isEqualTo(51);
        assertThat(r.reason()).contains("max-body-size");
      });
      try (InfluxDB influx = InfluxSupport.connect(server.url)) {
        assertThat(InfluxSupport.count(influx, "netcalls", InfluxMeasurement.REQUEST, "f")).isEqualTo(199);
      }
    }
  }

  @Test
  void exportCommandAgainstAKilledServerExitsNonZeroKeepingPointsLp() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    String url;
    try (InfluxSupport.Server server = new InfluxSupport.Server(25_000_000)) {
      url = server.url;
    }
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = new picocli.CommandLine(new netcalls.cli.ExportCommand(new java.io.PrintStream(err, true)))
        .execute(run.toString(), "-q", "--retries", "0", "--influx", url);
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("157 not written", "re-run the export");
    assertThat(Fixtures.lines(run.resolve("points.lp"))).hasSize(157);
  }
}
